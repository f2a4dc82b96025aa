import { createHash } from 'node:crypto';
import type { SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorForStatus } from '../shared/http-errors';
import { baseUrlOf, formBody, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { numberAt, stringAt } from '../shared/json-reader';
import { secretsOf } from '../shared/secret-redaction';

const DEFAULT_AUTH_BASE = 'https://www.reddit.com';

/**
 * OAuth tokens for Reddit: a given `accessToken` is used as is; otherwise a script app's password grant
 * (`clientId`, `clientSecret`, `username`, `password`) or an app-only `client_credentials` grant. Tokens
 * live an hour and are cached per app and user until a minute before expiry, or until Reddit says 401.
 */
export class RedditTokens {
  private readonly cache = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly http: HttpContext) {}

  async token(source: SourceSettings, signal?: AbortSignal): Promise<string> {
    const given = source.credentials['accessToken'];
    if (given) return given;
    const { clientId, clientSecret, username, password } = source.credentials;
    if (!clientId || !clientSecret) throw new ConnectorError('auth_revoked', 'reddit: the source has neither accessToken nor clientId/clientSecret');
    const key = cacheKey(clientId, username ?? '');
    const cached = this.cache.get(key);
    const now = this.http.clock.now();
    if (cached && cached.expiresAt > now) return cached.token;
    const reply = await sendHttp(this.http, {
      method: 'POST',
      url: urlFor(baseUrlOf({ baseUrl: source.options['authBaseUrl'] }, DEFAULT_AUTH_BASE), '/api/v1/access_token'),
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': userAgentOf(source),
      },
      body: username && password ? formBody({ grant_type: 'password', username, password }) : formBody({ grant_type: 'client_credentials' }),
      signal,
      operation: 'reddit access_token',
      secrets: secretsOf(source.credentials),
    });
    if (reply.status === 401 || reply.status === 403) throw errorForStatus({ operation: 'reddit access_token', status: reply.status, platformMessage: null }, 'auth_revoked');
    if (reply.status !== 200) throw errorForStatus({ operation: 'reddit access_token', status: reply.status, platformMessage: null });
    const body = reply.json();
    const token = stringAt(body, 'access_token');
    // A wrong password answers 200 with {"error": "invalid_grant"}.
    if (!token) throw new ConnectorError('auth_revoked', `reddit access_token: ${stringAt(body, 'error') ?? 'no token in the answer'}`);
    const lifetimeMs = (numberAt(body, 'expires_in') ?? 3600) * 1000;
    this.cache.set(key, { token, expiresAt: now + lifetimeMs - 60_000 });
    return token;
  }

  forget(source: SourceSettings): void {
    const { clientId, username } = source.credentials;
    if (clientId) this.cache.delete(cacheKey(clientId, username ?? ''));
  }
}

function cacheKey(clientId: string, username: string): string {
  return createHash('sha256').update(`${clientId}\u0000${username}`).digest('hex');
}

/** Reddit throttles generic user agents hard; its rules ask for `<platform>:<app id>:<version> (by /u/<user>)`. */
export function userAgentOf(source: SourceSettings): string {
  const configured = source.options['userAgent'];
  if (typeof configured === 'string' && configured.trim() !== '') return configured;
  const user = source.credentials['username'] ?? 'otklik';
  return `server:otklik-connectors:1.0 (by /u/${user})`;
}
