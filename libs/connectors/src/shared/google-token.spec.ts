import { generateKeyPairSync } from 'node:crypto';
import type { SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import {
  fakeGoogleTokenEndpoint,
  JWT_BEARER_GRANT,
  rsaKeyPair,
  serviceAccountKeyJson,
  TOKEN_PATH,
  type FakeGoogleTokenEndpoint,
} from '../testing/fake-google-token';
import { startFakeServer, type FakePlatformServer } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { GoogleTokens, refreshTokenGrantOf, serviceAccountGrantOf, type GoogleGrant } from './google-token';
import { OutboundGuard } from './outbound-guard';

const SCOPE = 'https://www.googleapis.com/auth/androidpublisher';
const CLIENT_SECRET = 'GOCSPX-client-secret-5f1e';
const REFRESH_TOKEN = '1//0refresh-token-of-the-channel-owner';
const NOW = Date.parse('2026-03-02T10:00:00Z');
const pair = rsaKeyPair();

describe('Google token minting', () => {
  let server: FakePlatformServer;
  let endpoint: FakeGoogleTokenEndpoint;
  let clock: ManualClock;
  const http = (fetch: typeof globalThis.fetch = globalThis.fetch) => ({ fetch, clock, timeoutMs: 2000 });
  const tokenUrl = () => `${server.baseUrl}${TOKEN_PATH}`;
  const source = (credentials: Record<string, string>, options: Record<string, unknown> = { tokenUrl: tokenUrl() }): SourceSettings => ({
    sourceId: 'src-google-1',
    query: { brand: 'Brand', keywords: [], exclusions: [] },
    options,
    credentials,
  });
  const serviceAccount = (
    keyJson = serviceAccountKeyJson(pair.privateKeyPem, { token_uri: tokenUrl() }),
    options?: Record<string, unknown>,
  ): GoogleGrant => serviceAccountGrantOf('googleplay', source({ serviceAccountKey: keyJson }, options ?? {}), SCOPE)!;
  const refresh = (refreshToken = REFRESH_TOKEN): GoogleGrant =>
    refreshTokenGrantOf('youtube', source({ refreshToken, clientId: 'client-1.apps.googleusercontent.com', clientSecret: CLIENT_SECRET }))!;
  /** Every secret that must stay out of messages: the PEM whole and each of its lines, the client secret, the refresh token. */
  const secrets = [pair.privateKeyPem, ...pair.privateKeyPem.split('\n').filter((line) => line.length > 40), CLIENT_SECRET, REFRESH_TOKEN];
  const expectNoSecret = (error: unknown) => {
    expect(error).toBeInstanceOf(ConnectorError);
    for (const secret of secrets) expect((error as Error).message).not.toContain(secret);
  };
  const failure = async (attempt: Promise<unknown> | (() => unknown)): Promise<ConnectorError> => {
    const error = await (typeof attempt === 'function' ? Promise.resolve().then(attempt) : attempt).then(
      () => null,
      (e: unknown) => e,
    );
    expectNoSecret(error);
    return error as ConnectorError;
  };

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    endpoint = fakeGoogleTokenEndpoint(pair.publicKey);
    server = await startFakeServer((request) => (request.path === TOKEN_PATH ? endpoint.handle(request) : { status: 404 }));
  });
  afterEach(() => server.close());

  describe('service account (JWT bearer grant)', () => {
    it('posts an RS256 JWT whose signature and claims the endpoint verifies, and returns the token', async () => {
      const token = await new GoogleTokens(http(), 'googleplay').token(serviceAccount());
      expect(token).toBe('ya29.minted-token-1');
      const [minted] = endpoint.requests;
      expect(minted!.contentType).toBe('application/x-www-form-urlencoded');
      expect(Object.keys(minted!.form)).toEqual(['grant_type', 'assertion']);
      expect(minted!.form['grant_type']).toBe(JWT_BEARER_GRANT);
      expect(minted!.jwt).toEqual({
        header: { alg: 'RS256', typ: 'JWT', kid: 'key-id-0001' },
        claims: {
          iss: 'otklik@brand-reviews.iam.gserviceaccount.com',
          scope: SCOPE,
          aud: tokenUrl(),
          iat: NOW / 1000,
          exp: NOW / 1000 + 3600,
        },
        signatureValid: true,
      });
    });

    it('a JWT signed with another key is refused: invalid_grant → auth_revoked with Google’s description', async () => {
      const other = rsaKeyPair();
      const error = await failure(
        new GoogleTokens(http(), 'googleplay').token(serviceAccount(serviceAccountKeyJson(other.privateKeyPem, { token_uri: tokenUrl() }))),
      );
      expect(endpoint.requests[0]!.jwt!.signatureValid).toBe(false);
      expect(error).toMatchObject({ kind: 'auth_revoked', details: { status: 400, platformCode: 'invalid_grant' } });
      expect(error.message).toBe('googleplay token (service account): HTTP 400 invalid_grant: Invalid JWT Signature.');
      for (const line of other.privateKeyPem.split('\n').filter((l) => l.length > 40)) expect(error.message).not.toContain(line);
    });

    it('options.tokenUrl replaces the key’s token_uri, as endpoint and audience', async () => {
      const grant = serviceAccount(serviceAccountKeyJson(pair.privateKeyPem), { tokenUrl: tokenUrl() });
      await new GoogleTokens(http(), 'googleplay').token(grant);
      expect(endpoint.requests[0]!.jwt!.claims['aud']).toBe(tokenUrl());
      expect(
        serviceAccountGrantOf('googleplay', source({ serviceAccountKey: serviceAccountKeyJson(pair.privateKeyPem) }, {}), SCOPE),
      ).toMatchObject({
        tokenUrl: 'https://oauth2.googleapis.com/token',
      });
    });

    it('a key that cannot be used → bad_request naming the field, never quoting the key', async () => {
      const grantOf =
        (keyJson: string, options: Record<string, unknown> = {}) =>
        () =>
          serviceAccountGrantOf('googleplay', source({ serviceAccountKey: keyJson }, options), SCOPE);
      const mint = (keyJson: string) => () => new GoogleTokens(http(), 'googleplay').token(serviceAccount(keyJson));
      const cases: Array<[() => unknown, string]> = [
        [
          grantOf(`{"private_key": "${pair.privateKeyPem.slice(0, 200)}`),
          'googleplay: credentials.serviceAccountKey: is not JSON (paste the whole key file the Google Cloud console downloaded)',
        ],
        [grantOf('["a key"]'), 'googleplay: credentials.serviceAccountKey: is not a JSON object'],
        [
          grantOf(serviceAccountKeyJson(pair.privateKeyPem, { client_email: undefined })),
          'googleplay: credentials.serviceAccountKey: client_email is missing',
        ],
        [
          grantOf(serviceAccountKeyJson(pair.privateKeyPem, { client_email: 42 })),
          'googleplay: credentials.serviceAccountKey: client_email must be a non-empty string',
        ],
        [
          grantOf(serviceAccountKeyJson(pair.privateKeyPem, { private_key: undefined })),
          'googleplay: credentials.serviceAccountKey: private_key is missing',
        ],
        [
          grantOf(serviceAccountKeyJson(pair.privateKeyPem.replace(/-----[A-Z ]+-----/g, ''))),
          'googleplay: credentials.serviceAccountKey: private_key is not a PEM private key',
        ],
        [
          grantOf(serviceAccountKeyJson(pair.privateKeyPem, { type: 'authorized_user' })),
          'googleplay: credentials.serviceAccountKey: type is not "service_account" (an OAuth client or user file is not a service-account key)',
        ],
        [
          grantOf(serviceAccountKeyJson(pair.privateKeyPem, { token_uri: 'oauth2.googleapis.com/token' })),
          'googleplay: credentials.serviceAccountKey: token_uri is not an http(s) URL',
        ],
        [
          grantOf(serviceAccountKeyJson(pair.privateKeyPem), { tokenUrl: 'not a url' }),
          'googleplay: options.tokenUrl must be an http(s) URL',
        ],
        [
          mint(serviceAccountKeyJson(pair.privateKeyPem.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!'), { token_uri: tokenUrl() })),
          'googleplay: credentials.serviceAccountKey: private_key cannot be read as a PEM private key',
        ],
        [
          mint(
            serviceAccountKeyJson(
              generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
              { token_uri: tokenUrl() },
            ),
          ),
          'googleplay: credentials.serviceAccountKey: private_key is not an RSA key (RS256 needs one)',
        ],
      ];
      for (const [attempt, message] of cases) {
        const error = await failure(attempt);
        expect([error.kind, error.message]).toEqual(['bad_request', message]);
      }
      expect(endpoint.requests).toEqual([]);
    });
  });

  describe('refresh token grant', () => {
    it('posts grant_type, client_id, client_secret and refresh_token as a form', async () => {
      expect(await new GoogleTokens(http(), 'youtube').token(refresh())).toBe('ya29.minted-token-1');
      expect(endpoint.requests).toEqual([
        {
          form: {
            grant_type: 'refresh_token',
            client_id: 'client-1.apps.googleusercontent.com',
            client_secret: CLIENT_SECRET,
            refresh_token: REFRESH_TOKEN,
          },
          contentType: 'application/x-www-form-urlencoded',
          jwt: null,
        },
      ]);
    });

    it('needs clientId and clientSecret with the refresh token, and mints nothing without one', async () => {
      const error = await failure(() => refreshTokenGrantOf('youtube', source({ refreshToken: REFRESH_TOKEN, clientId: 'client-1' })));
      expect([error.kind, error.message]).toEqual([
        'bad_request',
        'youtube: credentials.clientSecret is needed with credentials.refreshToken',
      ]);
      expect(refreshTokenGrantOf('youtube', source({ apiKey: 'AIza-key' }))).toBeNull();
    });
  });

  describe('cache', () => {
    it('one mint serves every call until a minute before expiry, then a new one is minted', async () => {
      const tokens = new GoogleTokens(http(), 'googleplay');
      for (let call = 0; call < 5; call += 1) expect(await tokens.token(serviceAccount())).toBe('ya29.minted-token-1');
      expect(endpoint.requests).toHaveLength(1);
      // expires_in 3599 s: reused until 3539 s after the answer.
      clock.advance(3_539_000 - 1);
      expect(await tokens.token(serviceAccount())).toBe('ya29.minted-token-1');
      clock.advance(1);
      expect(await tokens.token(serviceAccount())).toBe('ya29.minted-token-2');
      expect(endpoint.requests).toHaveLength(2);
      expect(endpoint.requests[1]!.jwt!.claims['iat']).toBe((NOW + 3_539_000) / 1000);
    });

    it('concurrent callers share one mint', async () => {
      endpoint.delayMs = 100;
      const tokens = new GoogleTokens(http(), 'youtube');
      const all = await Promise.all([1, 2, 3, 4].map(() => tokens.token(refresh())));
      expect(all).toEqual(Array(4).fill('ya29.minted-token-1'));
      expect(endpoint.requests).toHaveLength(1);
    });

    it('other credentials get their own token; each connector instance its own cache', async () => {
      const tokens = new GoogleTokens(http(), 'youtube');
      await tokens.token(refresh());
      expect(await tokens.token(refresh('1//0another-refresh-token'))).toBe('ya29.minted-token-2');
      expect(await tokens.token(refresh())).toBe('ya29.minted-token-1');
      expect(await new GoogleTokens(http(), 'youtube').token(refresh())).toBe('ya29.minted-token-3');
    });

    it('forget drops the refused token only: one replaced meanwhile is kept', async () => {
      const tokens = new GoogleTokens(http(), 'youtube');
      const first = await tokens.token(refresh());
      tokens.forget(refresh(), first);
      const second = await tokens.token(refresh());
      expect(second).toBe('ya29.minted-token-2');
      tokens.forget(refresh(), first);
      expect(await tokens.token(refresh())).toBe(second);
      expect(endpoint.requests).toHaveLength(2);
    });

    it('a failed mint is not cached: the next call tries again', async () => {
      endpoint.failWith = { status: 503, body: 'upstream' };
      const tokens = new GoogleTokens(http(), 'youtube');
      await expect(tokens.token(refresh())).rejects.toMatchObject({ kind: 'transient' });
      endpoint.failWith = null;
      expect(await tokens.token(refresh())).toBe('ya29.minted-token-1');
    });
  });

  describe('token endpoint errors', () => {
    const mintFailure = async (answer: NonNullable<FakeGoogleTokenEndpoint['failWith']>) => {
      endpoint.failWith = answer;
      return failure(new GoogleTokens(http(), 'youtube').token(refresh()));
    };

    it('invalid_grant and invalid_client → auth_revoked with Google’s words, secrets echoed by the endpoint scrubbed', async () => {
      const revoked = await mintFailure({
        status: 400,
        body: { error: 'invalid_grant', error_description: `Token has been expired or revoked: ${REFRESH_TOKEN}` },
      });
      expect(revoked).toMatchObject({ kind: 'auth_revoked', details: { platformCode: 'invalid_grant' } });
      expect(revoked.message).toBe('youtube token (refresh token): HTTP 400 invalid_grant: Token has been expired or revoked: [redacted]');
      const client = await mintFailure({
        status: 401,
        body: { error: 'invalid_client', error_description: `The OAuth client was not found (secret ${CLIENT_SECRET}).` },
      });
      expect(client).toMatchObject({ kind: 'auth_revoked', details: { status: 401, platformCode: 'invalid_client' } });
      expect(client.message).toContain('[redacted]');
      expect((await mintFailure({ status: 401, body: '' })).kind).toBe('auth_revoked');
    });

    it('429 → rate_limited for Retry-After, 5xx and a body that is not JSON → transient, another 400 → bad_request', async () => {
      expect(await mintFailure({ status: 429, headers: { 'retry-after': '7' }, body: { error: 'rate_limit_exceeded' } })).toMatchObject({
        kind: 'rate_limited',
        details: { retryAfterMs: 7000 },
      });
      expect((await mintFailure({ status: 503, body: '<html>unavailable</html>' })).kind).toBe('transient');
      expect(await mintFailure({ status: 200, body: '<html>proxy</html>' })).toMatchObject({
        kind: 'transient',
        message: expect.stringContaining('not JSON'),
      });
      expect(await mintFailure({ status: 200, body: { token_type: 'Bearer' } })).toMatchObject({
        kind: 'transient',
        message: 'youtube token (refresh token): no access_token in the answer',
      });
      expect(await mintFailure({ status: 400, body: { error: 'invalid_scope', error_description: 'Bad scope' } })).toMatchObject({
        kind: 'bad_request',
        details: { platformCode: 'invalid_scope' },
      });
    });

    it('a network failure → transient', async () => {
      const grant = refresh();
      await server.close();
      expect((await failure(new GoogleTokens(http(), 'youtube').token(grant))).kind).toBe('transient');
      server = await startFakeServer(() => ({ status: 404 }));
    });

    it('goes through the outbound guard: a token endpoint on a private address is refused', async () => {
      const error = await failure(new GoogleTokens(http(new OutboundGuard().fetch), 'googleplay').token(serviceAccount()));
      expect(error.kind).toBe('bad_request');
      expect(error.message).toMatch(/^googleplay token \(service account\): /);
      expect(endpoint.requests).toEqual([]);
    });
  });
});
