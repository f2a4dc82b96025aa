import { ConnectorError, type ConnectorErrorKind } from '../connector-error';
import { errorForStatus, parseRetryAfter } from './http-errors';
import { arrayAt, objectAt, stringAt } from './json-reader';
import { htmlToText } from './html-text';
import { redactSecrets } from './secret-redaction';

/**
 * Google APIs (YouTube Data, Android Publisher) answer errors as
 * `{"error":{"code","message","status"?,"errors":[{"reason","domain"}]}}`; the reason decides the kind.
 * Daily quotas reset at midnight Pacific time (Google's documented quota day), DST included.
 */
export function nextPacificMidnight(nowMs: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(nowMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  // Midnight PST is 08:00 UTC; on a daylight-saving day it is 07:00 UTC.
  const pst = Date.UTC(part('year'), part('month') - 1, part('day') + 1, 8);
  const hourThere = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', hourCycle: 'h23' }).format(new Date(pst)));
  return new Date(pst - hourThere * 3_600_000).toISOString();
}

const KINDS: Record<string, ConnectorErrorKind> = {
  quotaExceeded: 'rate_limited',
  dailyLimitExceeded: 'rate_limited',
  rateLimitExceeded: 'rate_limited',
  userRateLimitExceeded: 'rate_limited',
  keyInvalid: 'auth_revoked',
  keyExpired: 'auth_revoked',
  authError: 'auth_revoked',
  insufficientPermissions: 'auth_revoked',
  permissionDenied: 'auth_revoked',
  commentsDisabled: 'not_permitted',
  forbidden: 'not_permitted',
  ineligibleAccount: 'not_permitted',
  processingFailure: 'transient',
  backendError: 'transient',
};

export function googleError(operation: string, status: number, body: unknown, headers: Headers, nowMs: number, secrets: readonly string[]): ConnectorError {
  const error = objectAt(body, 'error');
  const reason = stringAt(arrayAt(error, 'errors')[0], 'reason') ?? stringAt(error, 'status');
  const message = stringAt(error, 'message');
  const platformMessage = message ? redactSecrets(htmlToText(message), secrets) : null;
  const unnamedQuota = !(reason && KINDS[reason]) && status === 403 && /quota/i.test(message ?? '');
  const kind: ConnectorErrorKind | undefined = (reason ? KINDS[reason] : undefined) ?? (unnamedQuota ? 'rate_limited' : undefined);
  // Per-minute limits pass in a minute; the daily quota only at the quota day's end.
  const daily = reason === 'quotaExceeded' || reason === 'dailyLimitExceeded' || unnamedQuota;
  return errorForStatus(
    {
      operation,
      status,
      platformMessage: reason ? `${reason}: ${platformMessage ?? ''}`.trim() : platformMessage,
      platformCode: reason ?? undefined,
      resumeAt: daily ? nextPacificMidnight(nowMs) : null,
      retryAfterMs: daily ? null : parseRetryAfter(headers.get('retry-after'), nowMs),
    },
    kind,
  );
}
