import { ConnectorError } from '../connector-error';
import type { Clock } from './clock';
import { OutboundRefusedError } from './outbound-guard';
import { redactSecrets } from './secret-redaction';

/** What every connector gets from the registry: the transport and time, both replaceable in tests. */
export interface HttpContext {
  /** The outbound guard's fetch in production (outbound-guard.ts): configured URLs never reach private addresses. */
  fetch: typeof fetch;
  clock: Clock;
  /** Per-request timeout; a caller's own signal can cut it shorter. */
  timeoutMs: number;
}

export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Names the call in error messages ("vk wall.get"); the URL is never used there (it may carry a token). */
  operation: string;
  /** Values to scrub from anything this call puts into an error message. */
  secrets: readonly string[];
}

export interface HttpReply {
  status: number;
  headers: Headers;
  body: Buffer;
  text(): string;
  /** The body as JSON; a body that is not JSON is a transient failure (a proxy's HTML error page, a cut stream). */
  json(): unknown;
}

export async function sendHttp(context: HttpContext, call: HttpCall): Promise<HttpReply> {
  const timeoutMs = call.timeoutMs ?? context.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  let response: Response;
  let body: Buffer;
  try {
    response = await context.fetch(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal,
      redirect: 'follow',
    });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    // A refused address is the source's configuration, not a passing failure: no retry, the source is marked.
    if (error instanceof OutboundRefusedError)
      throw new ConnectorError('bad_request', redactSecrets(`${call.operation}: ${error.message}`, call.secrets));
    if (call.signal?.aborted) throw new ConnectorError('transient', `${call.operation}: cancelled by the caller`);
    if (timeout.aborted) throw new ConnectorError('transient', `${call.operation}: no answer within ${timeoutMs} ms`);
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new ConnectorError('transient', redactSecrets(`${call.operation}: network error: ${reason}`, call.secrets));
  }
  return {
    status: response.status,
    headers: response.headers,
    body,
    text: () => body.toString('utf8'),
    json: () => {
      try {
        return JSON.parse(body.toString('utf8')) as unknown;
      } catch {
        throw new ConnectorError('transient', `${call.operation}: HTTP ${response.status} with a body that is not JSON`, {
          status: response.status,
        });
      }
    },
  };
}

/** A form body (VK, Reddit): `application/x-www-form-urlencoded`, undefined values left out. */
export function formBody(fields: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    params.set(key, String(value));
  }
  return params.toString();
}

/** `source.options.baseUrl` when set (tests point it at a fake server), else the platform's default. */
export function baseUrlOf(options: Record<string, unknown>, fallback: string): string {
  const configured = options['baseUrl'];
  const base = typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : fallback;
  return base.replace(/\/+$/, '');
}

/** Whether `value` parses as an http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Where a connector mints OAuth tokens: `source.options.tokenUrl` when set (tests and proxies point it
 * elsewhere), else `fallback`. Anything but an http(s) URL is refused, naming the option.
 */
export function tokenUrlOf(channel: string, options: Record<string, unknown>, fallback: string): string {
  const configured = options['tokenUrl'];
  if (configured === undefined || configured === null || configured === '') return fallback;
  if (typeof configured !== 'string' || !isHttpUrl(configured.trim())) throw new ConnectorError('bad_request', `${channel}: options.tokenUrl must be an http(s) URL`);
  return configured.trim();
}

/** Joins a base URL and a path, keeping the base's own path prefix (`https://host/api` + `/v1/x`). */
export function urlFor(base: string, path: string, query: Record<string, string | number | boolean | undefined | null> = {}): URL {
  const url = new URL(base + (path.startsWith('/') ? path : `/${path}`));
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    url.searchParams.set(key, String(value));
  }
  return url;
}
