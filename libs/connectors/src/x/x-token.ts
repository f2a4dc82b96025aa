import type { SourceCredentialStore, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { formBody, sendHttp, tokenUrlOf, type HttpContext, type HttpReply } from '../shared/http-client';
import { errorForStatus, parseRetryAfter } from '../shared/http-errors';
import { numberAt, stringAt } from '../shared/json-reader';
import { readOAuthError } from '../shared/oauth-error';
import { redactSecrets, secretsOf } from '../shared/secret-redaction';
import { TokenCache, tokenCacheKey, type MintedToken } from '../shared/token-cache';

/**
 * X's OAuth 2.0 user-context tokens, minted from a refresh token. X access tokens live two hours, so a source
 * is given what mints them: `credentials.refreshToken` (issued with the `offline.access` scope) and the app's
 * `credentials.clientId`, plus `credentials.clientSecret` for a confidential client. The refresh is a form
 * POST to X's token endpoint (`grant_type=refresh_token`); a confidential client authenticates with HTTP
 * Basic (X answers 401 "Missing valid authorization header" otherwise), a public one sends only `client_id`.
 *
 * X ROTATES refresh tokens: every refresh answers a new `refresh_token` and the one sent stops working. So:
 * - the new refresh token is stored into the source's encrypted credentials (through the
 *   `SourceCredentialStore` port, connector.ts) BEFORE the new access token is used. When storing fails, the
 *   call fails (`transient`, saying so); this process keeps the new refresh token in memory and its next
 *   refresh starts from it (storing what that one issues), so a database hiccup does not lose the source.
 *   Only a restart in between does, and the error says so;
 * - refreshes of one source are serialised across processes by the store (the PostgreSQL store holds a lock
 *   for the source while the refresh runs and reads the credentials under it), so the worker polling and the
 *   api testing the source do not both spend the same refresh token;
 * - should they still race (a store without that lock, a lock lost with its connection), the loser is
 *   refused (`invalid_grant`, or X's `invalid_request` "Value passed for the token was invalid."). The winner
 *   stored the new token before using it, so the loser re-reads the stored credentials ONCE (after a short
 *   settle, so a winner still committing has done so) and refreshes with the newer token; only when the
 *   stored token is the very one refused is the source `auth_revoked`.
 *
 * Access tokens are cached per source until a minute before expiry (shared/token-cache.ts); callers asking
 * while a refresh is in flight share it; the API's 401 drops the token and the connector re-mints once. The
 * cache follows the refresh tokens this process rotated into: a poll handed the refresh token it stored a
 * moment ago keeps the cached access token, while a refresh token it never saw (an admin's edit, another
 * process's rotation) mints afresh rather than reuse a token that may belong to another account.
 *
 * `options.tokenUrl`, when set, is where tokens are minted (tests point it at a fake endpoint).
 */
export const X_TOKEN_URL = 'https://api.x.com/2/oauth2/token';

/** X documents two hours; used when an answer has no `expires_in`. */
const DEFAULT_TOKEN_LIFETIME_S = 7200;
/** How long a refused refresh waits before re-reading the stored credentials (a racing winner is committing). */
export const ROTATION_SETTLE_MS = 1_000;
/** Rotated refresh tokens remembered per source (a poll may hold one read just before the last rotations). */
const CHAIN_LENGTH = 4;
/** Codes X answers for a refresh token it will not take again: revoked, expired, or already used. */
const REFUSED_REFRESH_TOKEN = new Set(['invalid_grant', 'invalid_request']);
const REFUSED_CLIENT = new Set(['invalid_client', 'unauthorized_client', 'access_denied']);

export interface XRefreshGrant {
  clientId: string;
  /** Null for a public client (PKCE apps): it sends its id in the form and no Basic auth. */
  clientSecret: string | null;
  tokenUrl: string;
}

/** The refresh form of a source with `credentials.refreshToken` (+ `clientId`, optional `clientSecret`), or null without one. */
export function xRefreshGrantOf(credentials: Record<string, string>, options: Record<string, unknown>): XRefreshGrant | null {
  const { refreshToken, clientId, clientSecret } = credentials;
  if (!refreshToken) return null;
  if (!clientId) throw new ConnectorError('bad_request', 'x: credentials.clientId is needed with credentials.refreshToken');
  return { clientId, clientSecret: clientSecret || null, tokenUrl: tokenUrlOf('x', options, X_TOKEN_URL) };
}

/** X refused the refresh token itself (as opposed to the client, the network or a limit). */
export class RefreshTokenRefused extends ConnectorError {
  constructor(
    message: string,
    details: ConnectorError['details'],
    readonly refused: string,
  ) {
    super('auth_revoked', message, details);
  }
}

interface Refreshed {
  accessToken: string;
  refreshToken: string;
  lifetimeMs: number;
}

/** Mints and caches X user-context tokens for one connector instance. */
export class XTokens {
  private readonly cache: TokenCache;
  /** Source id → the refresh tokens (hashed) this process stored for it, newest last, under the chain's first one. */
  private readonly chains = new Map<string, { root: string; members: string[] }>();
  /**
   * Source id → a refresh token X issued whose storing failed: `holding` replaces the stored `replaced`,
   * which X no longer takes. The next refresh of the source starts from `holding`.
   */
  private readonly unstored = new Map<string, { replaced: string; holding: string }>();

  constructor(
    private readonly http: HttpContext,
    private readonly store: SourceCredentialStore | null,
    private readonly settleMs = ROTATION_SETTLE_MS,
  ) {
    this.cache = new TokenCache(http.clock);
  }

  /** A user-context access token for a source with the refresh form. */
  async token(source: SourceSettings): Promise<string> {
    const { cacheKey, root } = this.keyOf(source);
    return this.cache.token(cacheKey, () => this.mint(source, root));
  }

  /** Drops a token the API refused (401), so the next call refreshes. */
  forget(source: SourceSettings, refused: string): void {
    this.cache.forget(this.keyOf(source).cacheKey, refused);
  }

  private keyOf(source: SourceSettings): { cacheKey: string; root: string } {
    const grant = xRefreshGrantOf(source.credentials, source.options);
    if (!grant) throw new ConnectorError('bad_request', 'x: the source has no credentials.refreshToken');
    const given = tokenCacheKey(source.credentials['refreshToken']!);
    const chain = this.chains.get(source.sourceId);
    const root = chain?.members.includes(given) ? chain.root : given;
    return { root, cacheKey: tokenCacheKey('x', source.sourceId, grant.clientId, grant.clientSecret ?? '', grant.tokenUrl, root) };
  }

  /** No caller's signal: a refresh may be shared by several callers; the request timeout bounds it. */
  private async mint(source: SourceSettings, root: string): Promise<MintedToken> {
    const store = this.store;
    if (!store) {
      throw new ConnectorError(
        'bad_request',
        'x: credentials.refreshToken rotates on every refresh and this connector was built without a credential store to keep the new one',
      );
    }
    let refreshed: Refreshed;
    try {
      refreshed = await this.renew(store, source, null);
    } catch (error) {
      if (!(error instanceof RefreshTokenRefused)) throw error;
      // A racing process may have rotated it: it stored the new token before using it. Read once more.
      await this.http.clock.sleep(this.settleMs);
      refreshed = await this.renew(store, source, error.refused);
    }
    this.remember(source.sourceId, root, refreshed.refreshToken);
    return { token: refreshed.accessToken, lifetimeMs: refreshed.lifetimeMs };
  }

  /**
   * One refresh from the stored credentials, inside the store's renewal: the rotated refresh token is stored
   * before this resolves. `refusedBefore`: the token X already refused (a second read that finds it again
   * does not send it again).
   */
  private async renew(store: SourceCredentialStore, source: SourceSettings, refusedBefore: string | null): Promise<Refreshed> {
    const { sourceId } = source;
    // Written inside the renewal callback: an object, so the compiler does not narrow it to its initial null.
    const rotation: { issued: { replaced: string; holding: string } | null } = { issued: null };
    let secrets = secretsOf(source.credentials);
    let outcome: { result: Refreshed; stored: boolean };
    try {
      outcome = await store.renew(sourceId, async (stored) => {
        secrets = [...secrets, ...secretsOf(stored)];
        const grant = xRefreshGrantOf(stored, source.options);
        if (!grant) throw new ConnectorError('auth_revoked', 'x: credentials.refreshToken is no longer stored for this source');
        const storedToken = stored['refreshToken']!;
        const held = this.unstored.get(sourceId);
        const current = held?.replaced === storedToken ? held.holding : storedToken;
        secrets = [...secrets, current];
        if (current === refusedBefore) {
          throw new RefreshTokenRefused(
            'x: credentials.refreshToken was refused and the stored credentials hold no newer one: it was revoked, expired or already used; authorize the X app again (with offline.access) and save the new refresh token',
            {},
            current,
          );
        }
        let answer: Refreshed;
        try {
          answer = await this.refresh(grant, current, secrets);
        } catch (error) {
          if (error instanceof RefreshTokenRefused && held?.holding === current) this.unstored.delete(sourceId);
          throw error;
        }
        secrets = [...secrets, answer.refreshToken, answer.accessToken];
        if (answer.refreshToken !== current) {
          // From here the stored token is dead at X: the new one must reach the store, or at least stay here.
          rotation.issued = { replaced: storedToken, holding: answer.refreshToken };
          this.unstored.set(sourceId, rotation.issued);
        }
        return { store: answer.refreshToken !== storedToken ? { refreshToken: answer.refreshToken } : null, result: answer };
      });
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      const reason = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
      if (rotation.issued) {
        throw new ConnectorError(
          'transient',
          `x: X rotated credentials.refreshToken but the new one could not be stored (${reason}); the new access token is not used. ` +
            'This process keeps the new refresh token and refreshes from it on the next call; if it restarts first, the X account must be authorized again',
        );
      }
      throw new ConnectorError('transient', `x: the stored credentials could not be read to refresh credentials.refreshToken (${reason})`);
    }
    // Stored (or overruled by an edit): nothing is held back any more.
    this.unstored.delete(sourceId);
    if (!outcome.stored) {
      // An admin saved other credentials meanwhile: theirs win; what this refresh got is dropped.
      throw new ConnectorError('transient', 'x: the source’s credentials were edited while credentials.refreshToken was being refreshed; the edit is kept and the next call uses it');
    }
    return outcome.result;
  }

  private async refresh(grant: XRefreshGrant, refreshToken: string, secrets: readonly string[]): Promise<Refreshed> {
    const operation = 'x token (refresh token)';
    const reply = await sendHttp(this.http, {
      method: 'POST',
      url: new URL(grant.tokenUrl),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...(grant.clientSecret ? { authorization: `Basic ${Buffer.from(`${grant.clientId}:${grant.clientSecret}`).toString('base64')}` } : {}),
      },
      body: formBody({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: grant.clientSecret ? undefined : grant.clientId }),
      operation,
      secrets,
    });
    if (reply.status !== 200) throw tokenError(operation, reply, grant, refreshToken, secrets, this.http.clock.now());
    const body = reply.json();
    const accessToken = stringAt(body, 'access_token');
    if (!accessToken) throw new ConnectorError('transient', `${operation}: no access_token in the answer`);
    return {
      accessToken,
      // X always rotates; should an answer carry none, the one sent stays valid.
      refreshToken: stringAt(body, 'refresh_token') ?? refreshToken,
      lifetimeMs: (numberAt(body, 'expires_in') ?? DEFAULT_TOKEN_LIFETIME_S) * 1000,
    };
  }

  private remember(sourceId: string, root: string, refreshToken: string): void {
    const chain = this.chains.get(sourceId);
    const members = chain?.root === root ? chain.members : [root];
    this.chains.set(sourceId, { root, members: [...members, tokenCacheKey(refreshToken)].slice(-CHAIN_LENGTH) });
  }
}

/**
 * The token endpoint answers errors as `{"error", "error_description"}` (RFC 6749 §5.2). A refused refresh
 * token and a refused client name their fields; 429 waits; 5xx and network failures are retried.
 */
function tokenError(operation: string, reply: HttpReply, grant: XRefreshGrant, refreshToken: string, secrets: readonly string[], nowMs: number): ConnectorError {
  const { code, platformMessage } = readOAuthError(reply, secrets);
  const details: ConnectorError['details'] = { status: reply.status, ...(code !== null && /^[a-z_]{1,64}$/.test(code) ? { platformCode: code } : {}) };
  const said = platformMessage ? ` (${platformMessage})` : '';
  if (reply.status === 400 && code !== null && REFUSED_REFRESH_TOKEN.has(code)) {
    return new RefreshTokenRefused(
      `x: credentials.refreshToken was refused${said}: it was revoked, expired or already used; authorize the X app again (with offline.access) and save the new refresh token`,
      details,
      refreshToken,
    );
  }
  if (reply.status === 401 || reply.status === 403 || (code !== null && REFUSED_CLIENT.has(code))) {
    const fields = grant.clientSecret ? 'credentials.clientId and credentials.clientSecret' : 'credentials.clientId (a confidential client also needs credentials.clientSecret)';
    return new ConnectorError('auth_revoked', `x: the X app refused the refresh${said}: check ${fields}`, details);
  }
  return errorForStatus({
    operation,
    status: reply.status,
    platformMessage,
    platformCode: details.platformCode,
    retryAfterMs: reply.status === 429 ? parseRetryAfter(reply.headers.get('retry-after'), nowMs) : null,
  });
}
