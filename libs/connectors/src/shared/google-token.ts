import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { SourceSettings } from '../connector';
import { ConnectorError, type ConnectorErrorKind } from '../connector-error';
import { formBody, isHttpUrl, sendHttp, tokenUrlOf, type HttpContext, type HttpReply } from './http-client';
import { errorForStatus, parseRetryAfter } from './http-errors';
import { isObject, numberAt, stringAt } from './json-reader';
import { readOAuthError } from './oauth-error';
import { secretsOf } from './secret-redaction';
import { TokenCache, tokenCacheKey, type MintedToken } from './token-cache';

/**
 * Google access tokens live an hour, so a source cannot be given one: it is given what mints them. Two
 * grants, both POSTed as a form to Google's token endpoint:
 * - a service account's JSON key (Google Play): an RS256-signed JWT exchanged with the JWT bearer grant
 *   (RFC 7523, as developers.google.com/identity/protocols/oauth2/service-account describes it);
 * - an OAuth client's refresh token (YouTube: the channel owner consented once; the scope came with it).
 * Minted tokens are cached per connector instance (token-cache.ts) until a minute before they expire.
 *
 * `options.tokenUrl`, when set, is where tokens are minted (tests and proxies point it elsewhere, as
 * `baseUrl` does for the API); otherwise the key's own `token_uri`, otherwise Google's endpoint.
 */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Google refuses an assertion meant to live longer than an hour. */
const ASSERTION_LIFETIME_S = 3600;
const DEFAULT_TOKEN_LIFETIME_S = 3600;
/** OAuth error codes meaning these credentials will not mint again until someone changes them (RFC 6749 §5.2). */
const REFUSED_CREDENTIALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'access_denied']);
const KEY_FIELD = 'credentials.serviceAccountKey';

/** The parts of a service account's JSON key that minting uses. */
export interface ServiceAccountKey {
  clientEmail: string;
  /** The PEM as written in the key: a secret, scrubbed from every message. */
  privateKeyPem: string;
  privateKeyId: string | null;
  tokenUri: string | null;
}

/** What a source mints its tokens from; `secrets` are scrubbed from every message minting produces. */
export type GoogleGrant =
  | { kind: 'service_account'; key: ServiceAccountKey; scope: string; tokenUrl: string; secrets: string[] }
  | { kind: 'refresh_token'; clientId: string; clientSecret: string; refreshToken: string; tokenUrl: string; secrets: string[] };

/**
 * The service-account grant of a source with `credentials.serviceAccountKey`, or null without one. A key
 * that cannot be used is the admin's to fix: `bad_request` naming the field, never quoting the key.
 */
export function serviceAccountGrantOf(channel: string, source: SourceSettings, scope: string): GoogleGrant | null {
  const text = source.credentials['serviceAccountKey'];
  if (!text) return null;
  const key = parseServiceAccountKey(channel, text);
  return {
    kind: 'service_account',
    key,
    scope,
    tokenUrl: tokenUrlOf(channel, source.options, key.tokenUri ?? GOOGLE_TOKEN_URL),
    secrets: [...secretsOf(source.credentials), key.privateKeyPem],
  };
}

/** The refresh-token grant of a source with `credentials.refreshToken` (+ `clientId`, `clientSecret`), or null without one. */
export function refreshTokenGrantOf(channel: string, source: SourceSettings): GoogleGrant | null {
  const { refreshToken, clientId, clientSecret } = source.credentials;
  if (!refreshToken) return null;
  for (const [name, value] of [
    ['clientId', clientId],
    ['clientSecret', clientSecret],
  ] as const) {
    if (!value) throw new ConnectorError('bad_request', `${channel}: credentials.${name} is needed with credentials.refreshToken`);
  }
  return {
    kind: 'refresh_token',
    clientId: clientId!,
    clientSecret: clientSecret!,
    refreshToken,
    tokenUrl: tokenUrlOf(channel, source.options, GOOGLE_TOKEN_URL),
    secrets: secretsOf(source.credentials),
  };
}

/** Reads the fields minting needs. JSON.parse's own message quotes the text, so it is never passed on. */
function parseServiceAccountKey(channel: string, text: string): ServiceAccountKey {
  const refuse = (why: string): never => {
    throw new ConnectorError('bad_request', `${channel}: ${KEY_FIELD}: ${why}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('is not JSON (paste the whole key file the Google Cloud console downloaded)');
  }
  if (!isObject(parsed)) return refuse('is not a JSON object');
  const type = stringAt(parsed, 'type');
  if (type !== null && type !== 'service_account')
    refuse('type is not "service_account" (an OAuth client or user file is not a service-account key)');
  const clientEmail = requiredString(parsed, 'client_email', refuse);
  const privateKeyPem = requiredString(parsed, 'private_key', refuse);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKeyPem)) refuse('private_key is not a PEM private key');
  const tokenUri = stringAt(parsed, 'token_uri');
  if (tokenUri !== null && !isHttpUrl(tokenUri)) refuse('token_uri is not an http(s) URL');
  return { clientEmail, privateKeyPem, privateKeyId: stringAt(parsed, 'private_key_id'), tokenUri };
}

function requiredString(parsed: Record<string, unknown>, field: string, refuse: (why: string) => never): string {
  const value = parsed[field];
  if (value === undefined || value === null) return refuse(`${field} is missing`);
  if (typeof value !== 'string' || value.trim() === '') return refuse(`${field} must be a non-empty string`);
  return value;
}

/** Mints and caches Google access tokens for one connector instance. */
export class GoogleTokens {
  private readonly cache: TokenCache;

  constructor(
    private readonly http: HttpContext,
    private readonly channel: string,
  ) {
    this.cache = new TokenCache(http.clock);
  }

  async token(grant: GoogleGrant): Promise<string> {
    return this.cache.token(cacheKeyOf(grant), () => this.mint(grant));
  }

  /** Drops a minted token the API refused (401), so the next call mints a fresh one. */
  forget(grant: GoogleGrant, refused: string): void {
    this.cache.forget(cacheKeyOf(grant), refused);
  }

  /** No caller's signal: a mint may be shared by several callers; the request timeout bounds it. */
  private async mint(grant: GoogleGrant): Promise<MintedToken> {
    const operation = `${this.channel} token (${grant.kind === 'service_account' ? 'service account' : 'refresh token'})`;
    const assertion =
      grant.kind === 'service_account' ? signAssertion(this.channel, grant.key, grant.scope, grant.tokenUrl, this.http.clock.now()) : null;
    // The signed assertion is itself a credential for an hour: scrubbed like the key.
    const secrets = assertion ? [...grant.secrets, assertion] : grant.secrets;
    const reply = await sendHttp(this.http, {
      method: 'POST',
      url: new URL(grant.tokenUrl),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body:
        grant.kind === 'service_account'
          ? formBody({ grant_type: JWT_BEARER_GRANT, assertion })
          : formBody({
              grant_type: 'refresh_token',
              client_id: grant.clientId,
              client_secret: grant.clientSecret,
              refresh_token: grant.refreshToken,
            }),
      operation,
      secrets,
    });
    if (reply.status !== 200) throw tokenError(operation, reply, secrets, this.http.clock.now());
    const body = reply.json();
    const token = stringAt(body, 'access_token');
    if (!token) throw new ConnectorError('transient', `${operation}: no access_token in the answer`);
    return { token, lifetimeMs: (numberAt(body, 'expires_in') ?? DEFAULT_TOKEN_LIFETIME_S) * 1000 };
  }
}

/** Everything that changes the token minted, hashed: a changed key, secret or scope never gets an old token. */
function cacheKeyOf(grant: GoogleGrant): string {
  return grant.kind === 'service_account'
    ? tokenCacheKey(grant.kind, grant.key.clientEmail, grant.key.privateKeyPem, grant.scope, grant.tokenUrl)
    : tokenCacheKey(grant.kind, grant.clientId, grant.clientSecret, grant.refreshToken, grant.tokenUrl);
}

/** The JWT a service account presents: RS256 over `iss`, `scope`, `aud` (the token endpoint), `iat`, `exp`. */
function signAssertion(channel: string, key: ServiceAccountKey, scope: string, audience: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const header = { alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) };
  const claims = { iss: key.clientEmail, scope, aud: audience, iat, exp: iat + ASSERTION_LIFETIME_S };
  const signingInput = `${base64UrlJson(header)}.${base64UrlJson(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), rsaKeyOf(channel, key));
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** crypto's parse errors say nothing useful to an admin and are not passed on; the field is named instead. */
function rsaKeyOf(channel: string, key: ServiceAccountKey): KeyObject {
  let parsed: KeyObject;
  try {
    parsed = createPrivateKey(key.privateKeyPem);
  } catch {
    throw new ConnectorError('bad_request', `${channel}: ${KEY_FIELD}: private_key cannot be read as a PEM private key`);
  }
  if (parsed.asymmetricKeyType !== 'rsa')
    throw new ConnectorError('bad_request', `${channel}: ${KEY_FIELD}: private_key is not an RSA key (RS256 needs one)`);
  return parsed;
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * The token endpoint answers errors as `{"error", "error_description"}` (RFC 6749 §5.2): credentials it
 * refuses are revoked until someone changes them; 429 waits; 5xx and network failures are retried.
 */
function tokenError(operation: string, reply: HttpReply, secrets: readonly string[], nowMs: number): ConnectorError {
  const { code, platformMessage } = readOAuthError(reply, secrets);
  const refused = reply.status === 401 || reply.status === 403 || (code !== null && REFUSED_CREDENTIALS.has(code));
  const kind: ConnectorErrorKind | undefined = refused ? 'auth_revoked' : undefined;
  return errorForStatus(
    {
      operation,
      status: reply.status,
      platformMessage,
      // The code is the platform's text: kept as a code only when it looks like one.
      platformCode: code !== null && /^[a-z_]{1,64}$/.test(code) ? code : undefined,
      retryAfterMs: reply.status === 429 ? parseRetryAfter(reply.headers.get('retry-after'), nowMs) : null,
    },
    kind,
  );
}
