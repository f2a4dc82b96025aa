import type { SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorForStatus } from '../shared/http-errors';
import { baseUrlOf, formBody, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { numberAt, stringAt } from '../shared/json-reader';
import { secretsOf } from '../shared/secret-redaction';
import { TokenCache, tokenCacheKey, type MintedToken } from '../shared/token-cache';

const DEFAULT_AUTH_BASE = 'https://www.reddit.com';

/**
 * OAuth tokens for Reddit: a given `accessToken` is used as is; otherwise a script app's password grant
 * (`clientId`, `clientSecret`, `username`, `password`) or an app-only `client_credentials` grant. Tokens
 * live an hour and are cached per app and user (shared/token-cache.ts) until a minute before expiry, or until
 * Reddit says 401.
 */
export class RedditTokens {
  private readonly cache: TokenCache;

  constructor(private readonly http: HttpContext) {
    this.cache = new TokenCache(http.clock);
  }

  async token(source: SourceSettings): Promise<string> {
    const given = source.credentials['accessToken'];
    if (given) return given;
    const { clientId, clientSecret } = source.credentials;
    if (!clientId || !clientSecret) throw new ConnectorError('auth_revoked', 'reddit: the source has neither accessToken nor clientId/clientSecret');
    return this.cache.token(cacheKeyOf(source), () => this.mint(source, clientId, clientSecret));
  }

  /** Drops a minted token Reddit refused, so the next call gets a fresh one. */
  forget(source: SourceSettings, refused: string): void {
    if (source.credentials['clientId']) this.cache.forget(cacheKeyOf(source), refused);
  }

  /** No caller's signal: the request may be shared by several callers, its own timeout bounds it. */
  private async mint(source: SourceSettings, clientId: string, clientSecret: string): Promise<MintedToken> {
    const { username, password } = source.credentials;
    const reply = await sendHttp(this.http, {
      method: 'POST',
      url: urlFor(baseUrlOf({ baseUrl: source.options['authBaseUrl'] }, DEFAULT_AUTH_BASE), '/api/v1/access_token'),
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': userAgentOf(source),
      },
      body: username && password ? formBody({ grant_type: 'password', username, password }) : formBody({ grant_type: 'client_credentials' }),
      operation: 'reddit access_token',
      secrets: secretsOf(source.credentials),
    });
    if (reply.status === 401 || reply.status === 403) throw errorForStatus({ operation: 'reddit access_token', status: reply.status, platformMessage: null }, 'auth_revoked');
    if (reply.status !== 200) throw errorForStatus({ operation: 'reddit access_token', status: reply.status, platformMessage: null });
    const body = reply.json();
    const token = stringAt(body, 'access_token');
    // A wrong password answers 200 with {"error": "invalid_grant"}.
    if (!token) throw new ConnectorError('auth_revoked', `reddit access_token: ${stringAt(body, 'error') ?? 'no token in the answer'}`);
    return { token, lifetimeMs: (numberAt(body, 'expires_in') ?? 3600) * 1000 };
  }
}

/** Per app and user, secrets included: a changed secret or password mints afresh. */
function cacheKeyOf(source: SourceSettings): string {
  const { clientId, clientSecret, username, password } = source.credentials;
  return tokenCacheKey(clientId ?? '', clientSecret ?? '', username ?? '', password ?? '');
}

/** Reddit throttles generic user agents hard; its rules ask for `<platform>:<app id>:<version> (by /u/<user>)`. */
export function userAgentOf(source: SourceSettings): string {
  const configured = source.options['userAgent'];
  if (typeof configured === 'string' && configured.trim() !== '') return configured;
  const user = source.credentials['username'] ?? 'otklik';
  return `server:otklik-connectors:1.0 (by /u/${user})`;
}
