/**
 * What a source of each channel must be given before it can work, checked when an admin saves it, so a
 * missing token is a 400 naming the field rather than a source that fails on its first poll. Read from the
 * header comment of each connector (libs/connectors/src/<platform>/<platform>.connector.ts); the connectors
 * stay the authority on what a value must look like (they answer `bad_request` on the first call).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { ConnectorCapabilities, OutboundGuard } from '@otklik/connectors';
import { MAX_REQUEST_TIMEOUT_MS, MIN_REQUEST_TIMEOUT_MS } from '../../../worker/src/pipeline/connector-resolver';

export interface FieldProblem {
  field: string;
  reason: string;
}

export type Delivery = 'poll' | 'push' | 'both';
export const DELIVERIES: readonly Delivery[] = ['poll', 'push', 'both'];

interface ChannelRequirement {
  /** Each inner list: at least one of these options must be set. */
  options: string[][];
  /** Each inner list: at least one of these credentials must be set. */
  credentials: string[][];
  /** Every credential field the connector reads; anything else is a typo. */
  knownCredentials: string[];
  /** The credentials that verify a push delivery (needed when the source receives pushes). */
  pushSecret?: string[];
  /** Credentials that only make sense together: when any of them is set, all must be. */
  together?: string[][];
  /** Credentials that only work with others, which work without them: when the key is set, each listed must be. */
  requires?: Record<string, string[]>;
  /** Credentials that usually come as a downloaded file, with the file types a form offers to read them from. */
  files?: Record<string, string>;
}

const REQUIREMENTS: Record<string, ChannelRequirement> = {
  demo: { options: [['file']], credentials: [], knownCredentials: [] },
  vk: {
    options: [],
    credentials: [['accessToken', 'groupToken', 'callbackSecret']],
    knownCredentials: ['accessToken', 'groupToken', 'callbackSecret', 'confirmationCode'],
    pushSecret: ['callbackSecret', 'confirmationCode'],
  },
  telegram: { options: [], credentials: [['botToken']], knownCredentials: ['botToken', 'webhookSecret'], pushSecret: ['webhookSecret'] },
  webhook: { options: [], credentials: [['signingSecret']], knownCredentials: ['signingSecret', 'previousSigningSecret'], pushSecret: ['signingSecret'] },
  rss: { options: [['feedUrl', 'baseUrl']], credentials: [], knownCredentials: ['authorization'] },
  mastodon: { options: [['baseUrl']], credentials: [['accessToken']], knownCredentials: ['accessToken'] },
  reddit: {
    options: [],
    credentials: [['accessToken', 'clientId']],
    knownCredentials: ['accessToken', 'clientId', 'clientSecret', 'username', 'password'],
    together: [['clientId', 'clientSecret'], ['username', 'password']],
  },
  x: {
    options: [],
    // User context (mentions, replies, DMs): the refresh form (rotating, stored back by the connector) or a fixed token.
    credentials: [['bearerToken', 'userAccessToken', 'refreshToken']],
    knownCredentials: ['bearerToken', 'userAccessToken', 'refreshToken', 'clientId', 'clientSecret'],
    together: [['refreshToken', 'clientId']],
    // A confidential client's secret; a public (PKCE) client has none, so it is not part of `together`.
    requires: { clientSecret: ['refreshToken', 'clientId'] },
  },
  youtube: {
    options: [['channelId', 'videoIds']],
    // Replies need user credentials (refreshToken or accessToken); a read-only source may have just the key.
    credentials: [['apiKey', 'refreshToken', 'accessToken']],
    knownCredentials: ['apiKey', 'refreshToken', 'clientId', 'clientSecret', 'accessToken'],
    together: [['refreshToken', 'clientId', 'clientSecret']],
  },
  appstore: { options: [['appId']], credentials: [], knownCredentials: [] },
  googleplay: {
    options: [['packageName']],
    credentials: [['serviceAccountKey', 'accessToken']],
    knownCredentials: ['serviceAccountKey', 'accessToken'],
    // Google hands the key out as a JSON file; typed into a one-line secret field it would lose its line breaks.
    files: { serviceAccountKey: '.json,application/json' },
  },
};

/** How a settings form should ask for a field: `list` is a list of strings (one per line), `choice` one of `values`. */
export type SourceFieldType = 'text' | 'url' | 'number' | 'boolean' | 'list' | 'choice';

export interface SourceFieldSpec {
  name: string;
  type: SourceFieldType;
  /** Credentials are secret: stored encrypted, never returned (a form shows only whether each is set). */
  secret: boolean;
  /** Needed on its own (alone in its requirement group). */
  required: boolean;
  /** Needed unless another of these is set (a requirement group of two or more). */
  oneOf?: string[];
  values?: string[];
  /** A credential a form may read from a file instead (an HTML `accept` list of file types). */
  fromFile?: string;
}

export interface SourceFields {
  options: SourceFieldSpec[];
  credentials: SourceFieldSpec[];
}

type OptionField = Pick<SourceFieldSpec, 'name' | 'type' | 'values'>;
const option = (name: string, type: SourceFieldType, values?: string[]): OptionField => ({ name, type, ...(values ? { values } : {}) });

/** The options each connector reads (docs/connectors.md, "Platforms"), in the order a form shows them. */
const OPTION_FIELDS: Record<string, OptionField[]> = {
  demo: [option('file', 'text'), option('speed', 'number'), option('startedAt', 'text'), option('outboxFile', 'text')],
  vk: [
    option('groupId', 'text'),
    option('search', 'boolean'),
    option('searchTerms', 'list'),
    option('watchPosts', 'number'),
    option('lookbackHours', 'number'),
  ],
  telegram: [option('ownedChatIds', 'list'), option('longPollSeconds', 'number')],
  webhook: [],
  rss: [option('feedUrl', 'url'), option('origin', 'choice', ['search', 'owned']), option('userAgent', 'text')],
  mastodon: [
    option('baseUrl', 'url'),
    option('hashtags', 'list'),
    option('mentions', 'boolean'),
    option('search', 'boolean'),
    option('brandAccount', 'text'),
  ],
  reddit: [
    option('search', 'boolean'),
    option('searchSubreddit', 'text'),
    option('subreddits', 'list'),
    option('ownedSubreddits', 'list'),
    option('mentions', 'boolean'),
    option('messages', 'boolean'),
    option('watchPosts', 'number'),
    option('messageSubject', 'text'),
    option('userAgent', 'text'),
  ],
  x: [option('query', 'text'), option('mentionsUserId', 'text'), option('search', 'boolean')],
  youtube: [option('channelId', 'text'), option('videoIds', 'list')],
  appstore: [option('appId', 'text'), option('country', 'text')],
  googleplay: [option('packageName', 'text'), option('translationLanguage', 'text')],
};

function requirementOf(name: string, groups: string[][]): Pick<SourceFieldSpec, 'required' | 'oneOf'> {
  const group = groups.find((candidates) => candidates.includes(name));
  if (!group) return { required: false };
  return group.length === 1 ? { required: true } : { required: false, oneOf: group };
}

/**
 * The fields a form for a source of this channel shows, from the same table the save-time check uses, so the
 * form cannot ask for something the check refuses. Every channel that calls its platform also takes the
 * common `requestTimeoutMs` and `baseUrl`; `delivery` is offered where the connector can both poll and receive
 * pushes.
 */
export function sourceFields(channel: string, capabilities: ConnectorCapabilities): SourceFields {
  const requirement = REQUIREMENTS[channel] ?? { options: [], credentials: [], knownCredentials: [] };
  const own = OPTION_FIELDS[channel] ?? [];
  // A push-only channel without outbound (the generic webhook) never calls anyone: no address, no timeout.
  const callsOut = channel !== 'demo' && (capabilities.poll || capabilities.publicReply || capabilities.privateMessage);
  const common: OptionField[] = [
    ...(capabilities.poll && capabilities.push ? [option('delivery', 'choice', [...DELIVERIES])] : []),
    ...(callsOut && !own.some((field) => field.name === 'baseUrl') ? [option('baseUrl', 'url')] : []),
    ...(callsOut ? [option('requestTimeoutMs', 'number')] : []),
  ];
  return {
    options: [...own, ...common].map((field) => ({ ...field, secret: false, ...requirementOf(field.name, requirement.options) })),
    credentials: requirement.knownCredentials.map((name) => ({
      name,
      type: 'text',
      secret: true,
      ...requirementOf(name, requirement.credentials),
      ...(requirement.files?.[name] ? { fromFile: requirement.files[name] } : {}),
    })),
  };
}

const URL_OPTIONS = ['baseUrl', 'feedUrl', 'authBaseUrl', 'tokenUrl'];
const MAX_CREDENTIAL_LENGTH = 8_192;

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** How a source gets its mentions: as configured, else polling where the connector polls, else pushes. */
export function deliveryOf(options: Record<string, unknown>, capabilities: ConnectorCapabilities): Delivery {
  const configured = options['delivery'];
  if (typeof configured === 'string' && (DELIVERIES as readonly string[]).includes(configured)) return configured as Delivery;
  return capabilities.poll ? 'poll' : 'push';
}

export function polls(delivery: Delivery): boolean {
  return delivery !== 'push';
}

export function receivesPushes(delivery: Delivery): boolean {
  return delivery !== 'poll';
}

/** Every problem with a source's options and credentials for its channel, each naming the field. */
export function checkSourceConfig(
  channel: string,
  capabilities: ConnectorCapabilities,
  options: Record<string, unknown>,
  credentials: Record<string, unknown>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const requirement = REQUIREMENTS[channel] ?? { options: [], credentials: [], knownCredentials: Object.keys(credentials) };

  for (const [field, value] of Object.entries(credentials)) {
    if (typeof value !== 'string' || value.trim() === '') problems.push({ field: `credentials.${field}`, reason: 'must be a non-empty string' });
    else if (value.length > MAX_CREDENTIAL_LENGTH) problems.push({ field: `credentials.${field}`, reason: `must be at most ${MAX_CREDENTIAL_LENGTH} characters` });
    if (!requirement.knownCredentials.includes(field)) {
      const known = requirement.knownCredentials.length > 0 ? `: ${requirement.knownCredentials.join(', ')}` : ': none';
      problems.push({ field: `credentials.${field}`, reason: `is not a credential of ${channel} sources (known${known})` });
    }
  }
  for (const group of requirement.options) {
    if (!group.some((name) => present(options[name]))) problems.push({ field: `options.${group[0]}`, reason: `${channel} sources need ${group.map((name) => `options.${name}`).join(' or ')}` });
  }
  for (const group of requirement.credentials) {
    if (!group.some((name) => present(credentials[name]))) {
      problems.push({ field: `credentials.${group[0]}`, reason: `${channel} sources need ${group.map((name) => `credentials.${name}`).join(' or ')}` });
    }
  }
  for (const group of requirement.together ?? []) {
    const given = group.find((name) => present(credentials[name]));
    if (!given) continue;
    for (const name of group) if (!present(credentials[name])) problems.push({ field: `credentials.${name}`, reason: `is needed with credentials.${given}` });
  }
  for (const [given, needed] of Object.entries(requirement.requires ?? {})) {
    if (!present(credentials[given])) continue;
    for (const name of needed) {
      if (!present(credentials[name]) && !problems.some((problem) => problem.field === `credentials.${name}`)) {
        problems.push({ field: `credentials.${name}`, reason: `is needed with credentials.${given}` });
      }
    }
  }

  for (const name of URL_OPTIONS) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/i.test(value)) problems.push({ field: `options.${name}`, reason: 'must be an http(s) URL' });
  }
  const timeout = options['requestTimeoutMs'];
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < MIN_REQUEST_TIMEOUT_MS || timeout > MAX_REQUEST_TIMEOUT_MS)) {
    problems.push({ field: 'options.requestTimeoutMs', reason: `must be a whole number of milliseconds between ${MIN_REQUEST_TIMEOUT_MS} and ${MAX_REQUEST_TIMEOUT_MS}` });
  }

  const delivery = options['delivery'];
  if (delivery !== undefined) {
    if (typeof delivery !== 'string' || !(DELIVERIES as readonly string[]).includes(delivery)) {
      problems.push({ field: 'options.delivery', reason: `must be one of ${DELIVERIES.join(', ')}` });
    } else {
      if (polls(delivery as Delivery) && !capabilities.poll) problems.push({ field: 'options.delivery', reason: `${channel} cannot be polled; use "push"` });
      if (receivesPushes(delivery as Delivery) && !capabilities.push) problems.push({ field: 'options.delivery', reason: `${channel} does not receive pushes; use "poll"` });
      // Telegram refuses getUpdates (409) while a webhook is set: one or the other.
      if (channel === 'telegram' && delivery === 'both') problems.push({ field: 'options.delivery', reason: 'a Telegram bot receives either by polling or by webhook, not both' });
    }
  }
  const effective = deliveryOf(options, capabilities);
  if (receivesPushes(effective) && capabilities.push && requirement.pushSecret) {
    const [secret] = requirement.pushSecret;
    if (secret && !present(credentials[secret]) && !problems.some((problem) => problem.field === `credentials.${secret}`)) {
      problems.push({ field: `credentials.${secret}`, reason: `is needed to verify pushes (options.delivery is "${effective}")` });
    }
  }
  return problems;
}

/**
 * The URL options that point at an address the outbound guard refuses (loopback, private, cloud metadata...),
 * checked on save so the admin hears it at once; the guard checks again on every request (DNS can change).
 * A malformed URL is left to `checkSourceConfig`.
 */
export async function outboundProblems(options: Record<string, unknown>, guard: Pick<OutboundGuard, 'check'>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const name of URL_OPTIONS) {
    const value = options[name];
    if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/i.test(value)) continue;
    const reason = await guard.check(value.trim());
    if (reason) problems.push({ field: `options.${name}`, reason });
  }
  return problems;
}

/**
 * The demo replay reads `options.file` and appends to `options.outboxFile` on the server: through the API
 * both must stay under the given roots (the data directory, the shipped demo data), or an admin could read
 * or write any file the process can.
 */
export function demoPathProblems(options: Record<string, unknown>, roots: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const name of ['file', 'outboxFile']) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ field: `options.${name}`, reason: 'must be a file path' });
      continue;
    }
    const path = resolve(roots[0] ?? '/', value);
    const inside = roots.some((root) => {
      const rel = relative(resolve(root), path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
    if (!inside) problems.push({ field: `options.${name}`, reason: `must be under ${roots.join(' or ')}` });
  }
  return problems;
}

/** `message` with every credential value replaced, for anything shown to a person (defence in depth: connectors already redact). */
export function withoutSecrets(message: string, credentials: Record<string, string>): string {
  let out = message;
  for (const value of Object.values(credentials)) {
    if (typeof value === 'string' && value.length >= 4) out = out.split(value).join('***');
  }
  return out;
}
