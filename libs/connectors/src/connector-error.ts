/**
 * Connector failures carry a kind; one handler in the pipeline turns the kind into a queue outcome and a
 * source state:
 * - transient: network errors, 5xx, timeouts → retry with exponential backoff;
 * - rate_limited: the platform said to wait → delay exactly `retryAfterMs` (or until `resumeAt`);
 * - auth_revoked: token invalid or revoked → source marked failing, an alert, no retries;
 * - bad_request: our request or the payload is wrong → fail the job with the reason (dead-letter);
 * - not_permitted: the platform refuses this action for this target (e.g. DM closed) → the caller falls back.
 */
export type ConnectorErrorKind = 'transient' | 'rate_limited' | 'auth_revoked' | 'bad_request' | 'not_permitted';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: { retryAfterMs?: number; resumeAt?: string; platformCode?: string | number; status?: number } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }

  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'rate_limited';
  }
}
