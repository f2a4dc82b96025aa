/**
 * How a delivery failed decides what the queue does: transient → retry with backoff, rate_limited → wait
 * what the receiver said, permanent (a wrong URL, a revoked token, a refused address) → stop retrying and show
 * the reason on the delivery row.
 */
export type DeliveryErrorKind = 'transient' | 'rate_limited' | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Secrets sit in URLs (a Slack hook, a Telegram bot path): never put them in an error message. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) if (secret && secret.length >= 4) result = result.split(secret).join('***');
  return result;
}
