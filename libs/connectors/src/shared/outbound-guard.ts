/**
 * The outbound guard: every request a worker or the API makes to a URL an admin configured (a source's
 * baseUrl or feed, a notification webhook) goes through `guard.fetch`, so such a URL cannot reach the
 * deployment's own network (databases, Redis, cloud metadata at 169.254.169.254) — server-side request forgery.
 *
 * - Only http and https.
 * - The host name is resolved (all addresses) and refused when any address is not public (address-ranges.ts),
 *   unless it lies in OTKLIK_OUTBOUND_ALLOW (for deployments that really poll internal services, and tests).
 * - The check happens in the socket's own `lookup`, so the connection goes to exactly the addresses checked:
 *   no second DNS answer between check and connect (DNS rebinding). IP literals skip `lookup` in node:net, so
 *   they are checked before the request.
 * - Redirects are followed here, hop by hop, each through the same checks.
 *
 * Connections that are not HTTP (SMTP for e-mail alerts) ask `guard.address(host)` for one checked address and
 * connect to that address, naming the host only for TLS.
 *
 * `guard.fetch` speaks enough of the fetch API for our callers (URL input, string or byte bodies, a signal,
 * `redirect`), over node:http/https: the built-in fetch offers no hook on its DNS lookup in Node 20.
 * A refused request never connects, so a refusal carries no response body; it is an OutboundRefusedError.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { OUTBOUND_ALLOW_SETTING, type CidrRange } from '@otklik/config';
import { effectiveAddress, nonPublicKind, numericAddress, numericRange, rangeContains, type NumericRange } from './address-ranges';

export class OutboundRefusedError extends Error {
  readonly code = 'OUTBOUND_REFUSED';

  constructor(
    readonly host: string,
    /** Reads after a field name: "resolves to a private address (10.0.0.5); allow it with ...". */
    readonly reason: string,
  ) {
    super(`request to ${host} refused: ${reason}`);
    this.name = 'OutboundRefusedError';
  }
}

const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** Headers that must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];
/** How long a save-time check waits for DNS before leaving the decision to the request-time check. */
const CHECK_DNS_TIMEOUT_MS = 3_000;

interface Hop {
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** A host without the brackets of an IPv6 literal (`[::1]` → `::1`). */
function bareHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}

function hostOf(url: URL): string {
  return bareHost(url.hostname);
}

/** Every address of a host name (node:dns lookup, as the OS resolves it); replaceable in tests. */
export type Resolver = (hostname: string, options?: LookupOptions) => Promise<LookupAddress[]>;

const resolveAll: Resolver = (hostname, options = {}) => {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });
};

export class OutboundGuard {
  private readonly allowed: readonly NumericRange[];
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(
    allow: readonly CidrRange[] = [],
    private readonly resolve: Resolver = resolveAll,
  ) {
    this.allowed = allow.map(numericRange);
    // Agents of our own: a pooled socket is reused only if it was connected through this guard's lookup.
    this.httpAgent = new http.Agent({ keepAlive: true, timeout: 5_000 });
    this.httpsAgent = new https.Agent({ keepAlive: true, timeout: 5_000 });
  }

  /** Why a request may not go to this address, or null when it may (public, or in the allow-list). */
  refusal(address: string): string | null {
    const parsed = numericAddress(address);
    if (parsed && this.allowed.some((range) => rangeContains(range, effectiveAddress(parsed)))) return null;
    const kind = nonPublicKind(address);
    return kind && `${kind} (${address}); allow it with ${OUTBOUND_ALLOW_SETTING}`;
  }

  /** The scheme and an IP-literal host, before any connection (node:net does not call `lookup` for literals). */
  assertUrl(url: URL): void {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new OutboundRefusedError(url.protocol, 'must be an http:// or https:// URL');
    const host = hostOf(url);
    const refused = numericAddress(host) === null ? null : this.refusedLiteral(host);
    if (refused) throw refused;
  }

  /** An IP literal, checked as it is (no DNS), as the error to throw; null when it may be reached. */
  private refusedLiteral(address: string): OutboundRefusedError | null {
    const refusal = this.refusal(address);
    return refusal ? new OutboundRefusedError(address, `is ${refusal}`) : null;
  }

  /** The first refused address of a resolved host name, as an error; null when every address may be reached. */
  private refusedAmong(hostname: string, addresses: readonly LookupAddress[]): OutboundRefusedError | null {
    for (const { address } of addresses) {
      const refusal = this.refusal(address);
      if (refusal) return new OutboundRefusedError(hostname, `resolves to ${refusal}`);
    }
    return null;
  }

  /** net's `lookup`: resolves every address, refuses the host if any is refused, connects only to checked ones. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolve(hostname, { family: options.family, hints: options.hints }).then(
      (addresses) => {
        const refused = this.refusedAmong(hostname, addresses);
        if (refused) callback(refused, '', 0);
        else if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

  /**
   * One address of `host` to connect to, every address of it checked (an IP literal is checked as it is); throws
   * OutboundRefusedError, or the resolver's error when the name does not resolve. For non-HTTP connections.
   */
  async address(host: string): Promise<string> {
    const bare = bareHost(host);
    if (numericAddress(bare) !== null) {
      const refused = this.refusedLiteral(bare);
      if (refused) throw refused;
      return bare;
    }
    const addresses = await this.resolve(bare);
    const refused = this.refusedAmong(bare, addresses);
    if (refused) throw refused;
    if (addresses.length === 0) throw new OutboundRefusedError(bare, 'has no address');
    return addresses[0]!.address;
  }

  /**
   * For input validation (saving a source or a channel): why this URL would be refused now, or null. A name
   * that does not resolve now passes: the request-time check decides when it does.
   */
  async check(value: string): Promise<string | null> {
    let url: URL;
    try {
      url = new URL(value);
      this.assertUrl(url);
    } catch (error) {
      return error instanceof OutboundRefusedError ? error.reason : 'is not a URL';
    }
    return this.checkHost(hostOf(url));
  }

  /** `check` for a bare host name or address (an SMTP server): why it would be refused now, or null. */
  async checkHost(host: string): Promise<string | null> {
    const bare = bareHost(host);
    if (numericAddress(bare) !== null) return this.refusedLiteral(bare)?.reason ?? null;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, CHECK_DNS_TIMEOUT_MS, null).unref()));
    const addresses = await Promise.race([this.resolve(bare).catch(() => null), timeout]).finally(() => clearTimeout(timer));
    return addresses ? (this.refusedAmong(bare, addresses)?.reason ?? null) : null;
  }

  /** A fetch for configured URLs: every hop checked, refusals thrown as OutboundRefusedError. */
  readonly fetch = (async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (typeof input !== 'string' && !(input instanceof URL)) throw new TypeError('the outbound guard takes a URL, not a Request');
    let url = new URL(input);
    let hop: Hop = { method: (init.method ?? 'GET').toUpperCase(), headers: requestHeaders(init.headers), body: requestBody(init.body) };
    for (let redirects = 0; ; redirects += 1) {
      const answer = await this.send(url, hop, init.signal ?? undefined);
      const location = answer.headers.get('location');
      if (!REDIRECT_STATUSES.has(answer.status) || location === null || init.redirect === 'manual') return toResponse(answer);
      if (init.redirect === 'error')
        throw new TypeError('fetch failed', { cause: new Error(`unexpected redirect (HTTP ${answer.status})`) });
      if (redirects >= MAX_REDIRECTS) throw new TypeError('fetch failed', { cause: new Error('too many redirects') });
      const next = new URL(location, url);
      hop = redirectedHop(hop, answer.status, url, next);
      url = next;
    }
  }) as typeof fetch;

  /** One request, one answer (its body read whole); network failures as fetch reports them. */
  private send(url: URL, hop: Hop, signal: AbortSignal | undefined): Promise<Answer> {
    this.assertUrl(url);
    const secure = url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: hop.method,
      headers: hop.headers,
      agent: secure ? this.httpsAgent : this.httpAgent,
      lookup: this.lookup,
      signal,
    };
    return new Promise((resolve, reject) => {
      const fail = (error: Error) =>
        reject(
          error instanceof OutboundRefusedError ? error : signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }),
        );
      const request = (secure ? https : http).request(url, options, (response) => {
        buffer(response)
          .then((body) => ({
            status: response.statusCode ?? 0,
            headers: responseHeaders(response.headers),
            body: decoded(body, response.headers['content-encoding']),
          }))
          .then(resolve, fail);
      });
      request.on('error', fail);
      request.end(hop.body);
    });
  }
}

function requestHeaders(given: RequestInit['headers']): Record<string, string> {
  const headers: Record<string, string> = { accept: '*/*', 'accept-encoding': 'gzip, deflate', 'user-agent': 'Otklik' };
  new Headers(given).forEach((value, name) => (headers[name] = value));
  return headers;
}

function requestBody(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('the outbound guard sends only string or byte bodies');
}

function responseHeaders(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}

function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      return body;
  }
}

function toResponse(answer: Answer): Response {
  return new Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.body, { status: answer.status, headers: answer.headers });
}

/** What the next hop sends, as fetch does: 303 (and 301/302 after a POST) become a GET without a body; credentials stay on their origin. */
function redirectedHop(hop: Hop, status: number, from: URL, to: URL): Hop {
  const toGet = (status === 303 && hop.method !== 'HEAD') || ((status === 301 || status === 302) && hop.method === 'POST');
  const dropped = [...(toGet ? BODY_HEADERS : []), ...(from.origin !== to.origin ? CREDENTIAL_HEADERS : [])];
  const headers = Object.fromEntries(Object.entries(hop.headers).filter(([name]) => !dropped.includes(name)));
  return { method: toGet ? 'GET' : hop.method, headers, body: toGet ? undefined : hop.body };
}
