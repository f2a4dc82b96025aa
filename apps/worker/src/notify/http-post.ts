/**
 * One JSON POST with a timeout, its outcome classified for the queue (see delivery-error.ts). It goes out
 * through the `fetch` it is given: the runtime's outbound guard, which refuses private addresses.
 */
import { OutboundRefusedError } from '@otklik/connectors';
import { DeliveryError } from './delivery-error';

export const DELIVERY_TIMEOUT_MS = 10_000;

export interface PostResult {
  status: number;
  body: string;
}

/** `Retry-After` as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : null;
}

export async function postJson(
  fetch: typeof globalThis.fetch,
  url: string,
  body: string,
  headers: Record<string, string> = {},
  describe = url,
): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Otklik-Alerts/1', ...headers },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    // Refused before connecting: the configured address is the problem, retrying cannot help.
    if (error instanceof OutboundRefusedError) throw new DeliveryError('permanent', `${describe}: ${error.reason}`);
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new DeliveryError('transient', `${describe}: no answer (${cause})`);
  }
  const text = await response.text().catch(() => '');
  const excerpt = text.replace(/\s+/g, ' ').slice(0, 200);
  if (response.ok) return { status: response.status, body: text };
  if (response.status === 429) {
    throw new DeliveryError('rate_limited', `${describe}: HTTP 429 ${excerpt}`.trim(), retryAfterMs(response.headers.get('retry-after')));
  }
  if (response.status >= 500 || response.status === 408 || response.status === 409 || response.status === 425) {
    throw new DeliveryError('transient', `${describe}: HTTP ${response.status} ${excerpt}`.trim());
  }
  throw new DeliveryError('permanent', `${describe}: HTTP ${response.status} ${excerpt}`.trim());
}
