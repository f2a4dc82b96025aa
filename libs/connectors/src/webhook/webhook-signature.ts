import { createHmac } from 'node:crypto';
import { ConnectorError } from '../connector-error';
import { headerValue, secretsEqual } from '../shared/webhook-secret';

export const SIGNATURE_HEADER = 'x-otklik-signature';
export const TIMESTAMP_HEADER = 'x-otklik-timestamp';
/** Deliveries older or newer than this are refused as replays (or a sender clock too far off). */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

/**
 * The signed string is `<timestamp>.<raw body>`: signing the timestamp with the body is what makes the
 * replay window hold (with the body alone, an attacker could resend a captured body under a fresh timestamp).
 */
export function signWebhook(secret: string, timestamp: string, rawBody: Buffer): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return `sha256=${hmac.digest('hex')}`;
}

/**
 * Checks the signature against every configured secret (the current one and, during a rotation, the
 * previous one) and the timestamp against the replay window. Throws bad_request naming what is wrong,
 * never the expected value.
 */
export function verifyWebhook(headers: Record<string, string | undefined>, rawBody: Buffer, secrets: readonly string[], nowMs: number): void {
  const signature = headerValue(headers, SIGNATURE_HEADER)?.trim();
  const timestamp = headerValue(headers, TIMESTAMP_HEADER)?.trim();
  if (!signature) throw new ConnectorError('bad_request', 'webhook: X-Otklik-Signature header missing');
  if (!timestamp) throw new ConnectorError('bad_request', 'webhook: X-Otklik-Timestamp header missing');
  if (!/^\d{1,12}$/.test(timestamp)) throw new ConnectorError('bad_request', 'webhook: X-Otklik-Timestamp is not unix seconds');
  if (!/^sha256=[0-9a-f]{64}$/i.test(signature)) throw new ConnectorError('bad_request', 'webhook: X-Otklik-Signature is not sha256=<64 hex>');
  const valid = secrets.some((secret) => secretsEqual(signature.toLowerCase(), signWebhook(secret, timestamp, rawBody)));
  if (!valid) throw new ConnectorError('bad_request', 'webhook: signature does not match');
  const skew = Math.abs(nowMs - Number(timestamp) * 1000);
  if (skew > REPLAY_WINDOW_MS) throw new ConnectorError('bad_request', `webhook: timestamp is ${Math.round(skew / 1000)} s away from now (limit 300 s)`);
}
