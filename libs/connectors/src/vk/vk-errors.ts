import { ConnectorError } from '../connector-error';

/**
 * VK answers errors with HTTP 200 and `{"error":{"error_code","error_msg"}}`; the code decides the kind
 * (PLATFORMS.md §1). The message never includes `request_params`: VK echoes the access token there.
 */
const MSK_OFFSET_MS = 3 * 60 * 60 * 1000;

/** Daily per-method quotas (code 29) roll over at midnight; VK is a Moscow company and Moscow has no DST. */
export function nextMoscowMidnight(nowMs: number): string {
  const moscow = new Date(nowMs + MSK_OFFSET_MS);
  const nextMidnightMoscow = Date.UTC(moscow.getUTCFullYear(), moscow.getUTCMonth(), moscow.getUTCDate() + 1);
  return new Date(nextMidnightMoscow - MSK_OFFSET_MS).toISOString();
}

export function vkError(operation: string, code: number, platformMessage: string, nowMs: number): ConnectorError {
  const message = `${operation}: VK error ${code} ${platformMessage}`;
  const base = { platformCode: code };
  switch (code) {
    case 5:
      return new ConnectorError('auth_revoked', message, base);
    case 6:
      // Per-second limit: one third of a second is enough by the rules; a full second also clears bursts from other workers.
      return new ConnectorError('rate_limited', message, { ...base, retryAfterMs: 1000 });
    case 9:
      // Flood control punishes repeating the same action; retrying soon only extends the ban.
      return new ConnectorError('rate_limited', message, { ...base, retryAfterMs: 30 * 60 * 1000 });
    case 223:
      return new ConnectorError('rate_limited', message, { ...base, retryAfterMs: 30 * 60 * 1000 });
    case 29:
      return new ConnectorError('rate_limited', message, { ...base, resumeAt: nextMoscowMidnight(nowMs) });
    case 1:
    case 10:
      return new ConnectorError('transient', message, base);
    case 14:
      // A captcha needs a person: the source is flagged and nobody retries until it is solved.
      return new ConnectorError('auth_revoked', `${message} (captcha: an operator must act)`, base);
    case 15:
    case 212:
    case 213:
    case 901:
    case 902:
      return new ConnectorError('not_permitted', message, base);
    default:
      return new ConnectorError('bad_request', message, base);
  }
}
