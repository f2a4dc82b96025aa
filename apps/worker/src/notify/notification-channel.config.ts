/**
 * What each notification channel kind needs, in one place: the worker reads it to send, the API to validate
 * and to show a channel without its secrets. Values are stored as strings (the cipher encrypts a string map).
 */
import { ALERT_KINDS } from '@otklik/persistence';
import { ESCALATION_LEVELS } from '@otklik/escalation';

export const NOTIFICATION_KINDS = ['slack', 'mattermost', 'telegram', 'email', 'webhook'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Alert levels from mildest to most urgent; every alert kind uses the escalation scale. */
export const ALERT_LEVELS = ESCALATION_LEVELS;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

type FieldType = 'url' | 'text' | 'port' | 'boolean' | 'emails' | 'email';

interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  /** Never returned by the API; kept when an update leaves it out. */
  secret: boolean;
}

const field = (name: string, type: FieldType, required: boolean, secret = false): FieldSpec => ({ name, type, required, secret });

export const CHANNEL_FIELDS: Record<NotificationKind, FieldSpec[]> = {
  // An incoming-webhook URL is itself the credential: whoever has it can post to the channel.
  slack: [field('url', 'url', true, true)],
  mattermost: [field('url', 'url', true, true), field('channel', 'text', false), field('username', 'text', false)],
  telegram: [field('botToken', 'text', true, true), field('chatId', 'text', true), field('apiBaseUrl', 'url', false)],
  email: [
    field('host', 'text', true),
    field('port', 'port', false),
    field('secure', 'boolean', false),
    field('user', 'text', false),
    field('password', 'text', false, true),
    field('from', 'email', true),
    field('to', 'emails', true),
    // Also address the alert's own recipients (an overdue mention's assignee, the workspace's leads).
    field('notifyRecipients', 'boolean', false),
  ],
  webhook: [field('url', 'url', true), field('secret', 'text', true, true)],
};

export class ChannelConfigError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ChannelConfigError';
  }
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function normalise(spec: FieldSpec, value: unknown, path: string): string {
  switch (spec.type) {
    case 'boolean':
      if (typeof value === 'boolean') return String(value);
      if (value === 'true' || value === 'false') return value;
      throw new ChannelConfigError(path, 'must be true or false');
    case 'port': {
      const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535) throw new ChannelConfigError(path, 'must be a port number (1-65535)');
      return String(number);
    }
    case 'emails': {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
      if (!list || list.some((item) => typeof item !== 'string')) throw new ChannelConfigError(path, 'must be a list of e-mail addresses');
      const emails = (list as string[]).map((item) => item.trim()).filter(Boolean);
      if (emails.length === 0) throw new ChannelConfigError(path, 'must name at least one e-mail address');
      const bad = emails.find((item) => !EMAIL.test(item));
      if (bad) throw new ChannelConfigError(path, `"${bad}" is not an e-mail address`);
      return emails.join(',');
    }
    default: {
      if (typeof value !== 'string' || value.trim() === '') throw new ChannelConfigError(path, 'must be a non-empty string');
      const text = value.trim();
      if (text.length > 2000) throw new ChannelConfigError(path, 'is longer than 2000 characters');
      if (spec.type === 'email' && !EMAIL.test(text.replace(/^.*<([^>]+)>\s*$/, '$1'))) throw new ChannelConfigError(path, 'is not an e-mail address');
      if (spec.type === 'url') {
        let url: URL;
        try {
          url = new URL(text);
        } catch {
          throw new ChannelConfigError(path, 'is not a URL');
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ChannelConfigError(path, 'must be an http:// or https:// URL');
      }
      return text;
    }
  }
}

/**
 * Validates a channel's settings. With `previous` (an update), a secret left out keeps its stored value and a
 * field set to null is cleared; unknown fields are refused so a typo never silently drops a setting.
 */
export function validateChannelConfig(kind: NotificationKind, input: unknown, previous: Record<string, string> = {}): Record<string, string> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ChannelConfigError('config', 'must be an object');
  const given = input as Record<string, unknown>;
  const specs = CHANNEL_FIELDS[kind];
  for (const key of Object.keys(given)) {
    if (!specs.some((spec) => spec.name === key)) throw new ChannelConfigError(`config.${key}`, `is not a setting of a ${kind} channel (settings: ${specs.map((spec) => spec.name).join(', ')})`);
  }
  const result: Record<string, string> = {};
  for (const spec of specs) {
    const path = `config.${spec.name}`;
    const value = given[spec.name];
    if (value === undefined) {
      if (previous[spec.name] !== undefined) result[spec.name] = previous[spec.name];
    } else if (value !== null && value !== '') {
      result[spec.name] = normalise(spec, value, path);
    }
    if (spec.required && result[spec.name] === undefined) throw new ChannelConfigError(path, 'is required');
  }
  return result;
}

export interface PublicChannelConfig {
  /** Settings that are not secret, as stored. */
  settings: Record<string, string | number | boolean | string[]>;
  /** For each secret setting: whether it is set (the value never leaves the server). */
  secrets: Record<string, boolean>;
}

export function publicChannelConfig(kind: NotificationKind, config: Record<string, string>): PublicChannelConfig {
  const settings: PublicChannelConfig['settings'] = {};
  const secrets: Record<string, boolean> = {};
  for (const spec of CHANNEL_FIELDS[kind]) {
    const value = config[spec.name];
    if (spec.secret) secrets[spec.name] = value !== undefined && value !== '';
    else if (value !== undefined) settings[spec.name] = spec.type === 'boolean' ? value === 'true' : spec.type === 'port' ? Number(value) : spec.type === 'emails' ? value.split(',') : value;
  }
  return { settings, secrets };
}

/** Which alert kinds and levels a channel receives: every kind and level when unset. */
export interface ChannelRoutes {
  kinds?: string[];
  minLevel?: string;
}

export function validateRoutes(input: unknown): ChannelRoutes {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new ChannelConfigError('routes', 'must be an object {kinds?, minLevel?}');
  const { kinds, minLevel, ...rest } = input as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra) throw new ChannelConfigError(`routes.${extra}`, 'is not a routing setting (kinds, minLevel)');
  const routes: ChannelRoutes = {};
  if (kinds !== undefined && kinds !== null) {
    if (!Array.isArray(kinds) || kinds.some((kind) => !(ALERT_KINDS as readonly string[]).includes(kind as string))) {
      throw new ChannelConfigError('routes.kinds', `must be a list of alert kinds (${ALERT_KINDS.join(', ')})`);
    }
    routes.kinds = [...new Set(kinds as string[])];
  }
  if (minLevel !== undefined && minLevel !== null) {
    if (!(ALERT_LEVELS as readonly string[]).includes(minLevel as string)) throw new ChannelConfigError('routes.minLevel', `must be one of ${ALERT_LEVELS.join(', ')}`);
    routes.minLevel = minLevel as string;
  }
  return routes;
}

/** Rank of a level; an unknown level counts as a warning rather than being dropped. */
export function alertLevelRank(level: string): number {
  const rank = (ALERT_LEVELS as readonly string[]).indexOf(level);
  return rank === -1 ? 1 : rank;
}

export function channelWantsAlert(routes: ChannelRoutes | null | undefined, alert: { kind: string; level: string }): boolean {
  if (routes?.kinds && routes.kinds.length > 0 && !routes.kinds.includes(alert.kind)) return false;
  if (routes?.minLevel && alertLevelRank(alert.level) < alertLevelRank(routes.minLevel)) return false;
  return true;
}
