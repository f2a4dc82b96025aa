import { ConnectorError, type ConnectorErrorKind } from '../connector-error';

/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds to wait,
 * or null when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

export interface StatusContext {
  /** "vk wall.get", "mastodon notifications": names the call, never its URL (it may carry a token). */
  operation: string;
  status: number;
  /** The platform's own message, already redacted. */
  platformMessage: string | null;
  platformCode?: string | number;
  /** When the platform said how long to wait (header or body). */
  retryAfterMs?: number | null;
  resumeAt?: string | null;
}

/**
 * The generic HTTP status → kind mapping. Connectors first handle their platform's own signals (a 403 that
 * means "quota exhausted" on YouTube, "DM closed" on Telegram) and fall back to this.
 */
export function kindForStatus(status: number): ConnectorErrorKind {
  if (status === 401) return 'auth_revoked';
  if (status === 403) return 'not_permitted';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 425 || status >= 500) return 'transient';
  return 'bad_request';
}

export function errorForStatus(context: StatusContext, kind: ConnectorErrorKind = kindForStatus(context.status)): ConnectorError {
  const message = `${context.operation}: HTTP ${context.status}${context.platformMessage ? ` ${context.platformMessage}` : ''}`;
  const details: ConnectorError['details'] = { status: context.status };
  if (context.platformCode !== undefined) details.platformCode = context.platformCode;
  if (context.retryAfterMs !== null && context.retryAfterMs !== undefined) details.retryAfterMs = context.retryAfterMs;
  if (context.resumeAt) details.resumeAt = context.resumeAt;
  // A 429 with no hint still needs a wait the pipeline can honour: one minute is the common window.
  if (kind === 'rate_limited' && details.retryAfterMs === undefined && details.resumeAt === undefined) details.retryAfterMs = 60_000;
  return new ConnectorError(kind, message, details);
}
