import { errorForStatus, kindForStatus, parseRetryAfter } from './http-errors';
import { redactSecrets } from './secret-redaction';

describe('HTTP error mapping', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-02T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Mon, 02 Mar 2026 12:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('maps statuses to kinds', () => {
    expect([401, 403, 404, 408, 422, 429, 500, 503].map(kindForStatus)).toEqual([
      'auth_revoked',
      'not_permitted',
      'bad_request',
      'transient',
      'bad_request',
      'rate_limited',
      'transient',
      'transient',
    ]);
  });

  it('gives a 429 without a hint a one-minute wait, and keeps the hint when there is one', () => {
    expect(errorForStatus({ operation: 'op', status: 429, platformMessage: null }).details).toEqual({ status: 429, retryAfterMs: 60_000 });
    expect(errorForStatus({ operation: 'op', status: 429, platformMessage: 'slow', resumeAt: '2026-03-03T00:00:00.000Z' })).toMatchObject({
      message: 'op: HTTP 429 slow',
      details: { status: 429, resumeAt: '2026-03-03T00:00:00.000Z' },
    });
  });

  it('scrubs secrets, URL-encoded ones too, longest first; values too short to be secrets are left alone', () => {
    const secrets = ['abcd/def+ghi', 'abcd', 'xyz'];
    expect(redactSecrets('token abcd/def+ghi or abcd%2Fdef%2Bghi or abcd; xyz stays', secrets)).toBe('token [redacted] or [redacted] or [redacted]; xyz stays');
  });
});
