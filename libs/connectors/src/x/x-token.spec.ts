import type { SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { systemClock } from '../shared/clock';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { fakeXTokenEndpoint, X_TOKEN_PATH, type FakeXTokenEndpoint } from '../testing/fake-x-token';
import { ManualClock } from '../testing/manual-clock';
import { MemoryCredentialStore } from '../testing/memory-credential-store';
import { cassette } from '../testing/fixture-files';
import { XConnector } from './x.connector';

const SOURCE_ID = 'src-x-oauth2';
const CLIENT_ID = 'cl1ent-1d-M1pHYzVQb3JhTg';
const CLIENT_SECRET = 'cl1ent-secret-Zq9-never-shown';
const CONSENTED = 'consented-refresh-token-OTk4NzY1';
const NOW = Date.parse('2026-11-23T09:00:00Z');
const unauthorized = (): FakeResponse => {
  const recorded = cassette('x', 'error_401_unauthorized.httptest.json')[0]!.response;
  return { status: 401, body: recorded.body };
};

describe('X user-context tokens from a rotating refresh token', () => {
  let server: FakePlatformServer;
  let endpoint: FakeXTokenEndpoint;
  let store: MemoryCredentialStore;
  let clock: ManualClock;
  /** Access tokens the API takes; a test may revoke one. */
  let refusedAccess: Set<string>;
  /** What the store held for the source when each API call arrived, by the bearer it carried. */
  let storedWhenUsed: Array<{ bearer: string; refreshToken: string | undefined }>;

  async function start(client: { clientId: string; clientSecret?: string } = { clientId: CLIENT_ID }): Promise<void> {
    endpoint = fakeXTokenEndpoint(client, CONSENTED);
    store = new MemoryCredentialStore({ [SOURCE_ID]: credentialsOf(client) });
    server = await startFakeServer((request) => route(request));
  }

  function credentialsOf(client: { clientId: string; clientSecret?: string }): Record<string, string> {
    return { refreshToken: CONSENTED, clientId: client.clientId, ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}) };
  }

  async function route(request: RecordedRequest): Promise<FakeResponse> {
    if (request.path === X_TOKEN_PATH) return endpoint.handle(request);
    const bearer = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    storedWhenUsed.push({ bearer, refreshToken: store.credentials.get(SOURCE_ID)?.['refreshToken'] });
    if (!endpoint.issued.includes(bearer) || refusedAccess.has(bearer)) return unauthorized();
    if (request.path === '/2/users/me') return { body: { data: { id: '1072250532645998596', name: 'Brand', username: 'brand' } } };
    return { status: 404 };
  }

  /** The source as a job would load it now: the credentials as stored. */
  const source = (): SourceSettings => ({
    sourceId: SOURCE_ID,
    query: { brand: 'Brand', keywords: [], exclusions: [] },
    options: { baseUrl: server.baseUrl, tokenUrl: `${server.baseUrl}${X_TOKEN_PATH}` },
    credentials: { ...store.credentials.get(SOURCE_ID)! },
  });
  const connector = (options: { clock?: typeof clock | typeof systemClock; settleMs?: number; withStore?: boolean } = {}) =>
    new XConnector({ fetch: globalThis.fetch, clock: options.clock ?? clock, timeoutMs: 2000 }, options.withStore === false ? null : store, {
      rotationSettleMs: options.settleMs ?? 1000,
    });
  const signIn = (x: XConnector, settings: SourceSettings = source()) => x.testConnection(settings);
  const apiCalls = () => server.requests.filter((r) => r.path !== X_TOKEN_PATH);
  const everySecret = () => [CLIENT_SECRET, CONSENTED, ...endpoint.issued, ...endpoint.rotated];

  async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    for (const secret of everySecret()) expect((error as Error).message).not.toContain(secret);
    return error as ConnectorError;
  }

  beforeEach(() => {
    clock = new ManualClock(NOW);
    refusedAccess = new Set();
    storedWhenUsed = [];
  });
  afterEach(() => server.close());

  it('refreshes with grant_type=refresh_token and the public client’s id, and caches the token until a minute before expiry', async () => {
    await start();
    const x = connector();
    await expect(signIn(x)).resolves.toEqual({ ok: true, detail: 'signed in as @brand' });
    expect(endpoint.requests).toEqual([
      { form: { grant_type: 'refresh_token', refresh_token: CONSENTED, client_id: CLIENT_ID }, contentType: 'application/x-www-form-urlencoded', basic: null },
    ]);
    expect(apiCalls()[0]!.headers.authorization).toBe('Bearer x-user-access-token-1');

    // The next poll loads the source with the refresh token stored a moment ago: the cached token is still good.
    clock.advance(7200_000 - 61_000);
    await signIn(x);
    expect(endpoint.requests).toHaveLength(1);
    // A minute before expiry it is given up and the stored (rotated) refresh token mints the next one.
    clock.advance(2_000);
    await signIn(x);
    expect(endpoint.requests.map((r) => r.form['refresh_token'])).toEqual([CONSENTED, 'x-rotated-refresh-token-1']);
    expect(apiCalls().map((r) => r.headers.authorization)).toEqual(['Bearer x-user-access-token-1', 'Bearer x-user-access-token-1', 'Bearer x-user-access-token-2']);
    expect(store.credentials.get(SOURCE_ID)).toEqual({ refreshToken: 'x-rotated-refresh-token-2', clientId: CLIENT_ID });
  });

  it('a confidential client authenticates with HTTP Basic and does not put its id in the form', async () => {
    await start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    await signIn(connector());
    expect(endpoint.requests[0]).toMatchObject({ basic: `${CLIENT_ID}:${CLIENT_SECRET}`, form: { grant_type: 'refresh_token', refresh_token: CONSENTED } });
    expect(endpoint.requests[0]!.form).not.toHaveProperty('client_id');
    expect(store.credentials.get(SOURCE_ID)).toEqual({ refreshToken: 'x-rotated-refresh-token-1', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  });

  it('callers asking together share one refresh', async () => {
    await start();
    endpoint.delayMs = 150;
    const x = connector();
    const settings = source();
    const results = await Promise.all(Array.from({ length: 5 }, () => signIn(x, settings)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(endpoint.requests).toHaveLength(1);
    expect(store.writes).toHaveLength(1);
    expect(new Set(apiCalls().map((r) => r.headers.authorization))).toEqual(new Set(['Bearer x-user-access-token-1']));
  });

  it('stores the rotated refresh token before the new access token is used', async () => {
    await start();
    await signIn(connector());
    expect(store.writes).toEqual([{ sourceId: SOURCE_ID, fields: { refreshToken: 'x-rotated-refresh-token-1' } }]);
    expect(storedWhenUsed).toEqual([{ bearer: 'x-user-access-token-1', refreshToken: 'x-rotated-refresh-token-1' }]);
  });

  it('a failed store fails the call without using the token, and the held refresh token is the next one sent', async () => {
    await start();
    const x = connector();
    store.failWrites = 'connection terminated unexpectedly';
    const error = await failure(signIn(x));
    expect(error.kind).toBe('transient');
    expect(error.message).toContain('X rotated credentials.refreshToken but the new one could not be stored (connection terminated unexpectedly)');
    expect(error.message).toContain('the new access token is not used');
    expect(apiCalls()).toHaveLength(0);
    expect(store.credentials.get(SOURCE_ID)!['refreshToken']).toBe(CONSENTED);

    // The database is back: the next call starts from the token X issued (the stored one is dead at X) and stores what it gets.
    store.failWrites = null;
    await signIn(x);
    expect(endpoint.requests.map((r) => r.form['refresh_token'])).toEqual([CONSENTED, 'x-rotated-refresh-token-1']);
    expect(store.credentials.get(SOURCE_ID)!['refreshToken']).toBe('x-rotated-refresh-token-2');
    expect(storedWhenUsed).toEqual([{ bearer: 'x-user-access-token-2', refreshToken: 'x-rotated-refresh-token-2' }]);
  });

  it('a 401 from the API drops the token and mints once; a second 401 is auth_revoked', async () => {
    await start();
    const x = connector();
    await signIn(x);
    refusedAccess.add('x-user-access-token-1');
    await signIn(x);
    expect(endpoint.requests).toHaveLength(2);
    expect(apiCalls().map((r) => r.headers.authorization)).toEqual(['Bearer x-user-access-token-1', 'Bearer x-user-access-token-1', 'Bearer x-user-access-token-2']);

    refusedAccess.add('x-user-access-token-2');
    refusedAccess.add('x-user-access-token-3');
    const error = await failure(signIn(x));
    expect(error).toMatchObject({ kind: 'auth_revoked', details: { status: 401 } });
    expect(endpoint.requests).toHaveLength(3);
    expect(apiCalls()).toHaveLength(5);
  });

  it('two processes behind the store’s lock: the second reads the token the first stored, nobody is refused', async () => {
    await start();
    endpoint.delayMs = 100;
    const [worker, api] = [connector(), connector()];
    const stale = source();
    await Promise.all([signIn(worker, stale), signIn(api, stale)]);
    expect(endpoint.requests.map((r) => r.form['refresh_token'])).toEqual([CONSENTED, 'x-rotated-refresh-token-1']);
    expect(store.credentials.get(SOURCE_ID)!['refreshToken']).toBe('x-rotated-refresh-token-2');
  });

  it.each(['invalid_request', 'invalid_grant'] as const)(
    'rotation race without the lock: the loser is refused (%s), re-reads the stored credentials once and refreshes with the winner’s token',
    async (code) => {
      await start();
      endpoint.refusalCode = code;
      store.serialise = false;
      // The winner's answer comes after the loser's refusal; the settle wait covers the winner's write.
      let winnerGone = false;
      endpoint.onRefresh = async () => {
        if (!winnerGone) {
          winnerGone = true;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const [worker, api] = [connector({ clock: systemClock, settleMs: 400 }), connector({ clock: systemClock, settleMs: 400 })];
      const stale = source();
      const results = await Promise.all([signIn(worker, stale), signIn(api, stale)]);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(endpoint.requests.map((r) => r.form['refresh_token'])).toEqual([CONSENTED, CONSENTED, 'x-rotated-refresh-token-1']);
      expect(store.reads).toBe(3);
      expect(store.credentials.get(SOURCE_ID)!['refreshToken']).toBe('x-rotated-refresh-token-2');
      expect(store.writes.map((w) => w.fields['refreshToken'])).toEqual(['x-rotated-refresh-token-1', 'x-rotated-refresh-token-2']);
    },
  );

  it.each(['invalid_request', 'invalid_grant'] as const)('a revoked refresh token (%s) is auth_revoked naming the field, after one re-read that sends nothing', async (code) => {
    await start();
    endpoint.refusalCode = code;
    endpoint.live.clear();
    const error = await failure(signIn(connector()));
    expect(error.kind).toBe('auth_revoked');
    expect(error.message).toContain('credentials.refreshToken was refused');
    expect(error.message).toContain('offline.access');
    expect(endpoint.requests).toHaveLength(1);
    expect(store.reads).toBe(2);
    expect(clock.sleeps).toEqual([1000]);
    expect(store.writes).toEqual([]);
    expect(apiCalls()).toHaveLength(0);
  });

  it('a refused client is auth_revoked naming the client fields, never quoting the secret', async () => {
    await start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    store.credentials.set(SOURCE_ID, { ...credentialsOf({ clientId: CLIENT_ID }), clientSecret: 'wrong-secret-value' });
    const error = await failure(signIn(connector()));
    expect(error.kind).toBe('auth_revoked');
    expect(error.message).toBe('x: the X app refused the refresh (unauthorized_client: Missing valid authorization header): check credentials.clientId and credentials.clientSecret');
    expect(error.message).not.toContain('wrong-secret-value');
    expect(endpoint.live.has(CONSENTED)).toBe(true);
  });

  it('token endpoint 5xx → transient, 429 → rate_limited; nothing is stored', async () => {
    await start();
    endpoint.failWith = { status: 503, body: 'upstream unavailable' };
    expect((await failure(signIn(connector()))).kind).toBe('transient');
    endpoint.failWith = { status: 429, headers: { 'retry-after': '30' }, body: { title: 'Too Many Requests', status: 429 } };
    expect(await failure(signIn(connector()))).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 30_000 } });
    expect(store.writes).toEqual([]);
  });

  it('credentials edited while the refresh ran: the edit is kept and the next call uses it', async () => {
    await start();
    const x = connector();
    store.beforeWrite = (sourceId) => {
      store.beforeWrite = null;
      endpoint.live.add('admin-pasted-refresh-token-77');
      store.credentials.set(sourceId, { refreshToken: 'admin-pasted-refresh-token-77', clientId: CLIENT_ID });
    };
    const error = await failure(signIn(x));
    expect(error).toMatchObject({ kind: 'transient', message: expect.stringContaining('edited while credentials.refreshToken was being refreshed') });
    expect(store.credentials.get(SOURCE_ID)!['refreshToken']).toBe('admin-pasted-refresh-token-77');
    await signIn(x);
    expect(endpoint.requests.map((r) => r.form['refresh_token'])).toEqual([CONSENTED, 'admin-pasted-refresh-token-77']);
  });

  it('is refused without a credential store, and without clientId; a fixed userAccessToken still works', async () => {
    await start();
    expect(await failure(signIn(connector({ withStore: false })))).toMatchObject({ kind: 'bad_request', message: expect.stringContaining('without a credential store') });
    const noClient = { ...source(), credentials: { refreshToken: CONSENTED } };
    expect(await failure(signIn(connector(), noClient))).toMatchObject({ kind: 'bad_request', message: 'x: credentials.clientId is needed with credentials.refreshToken' });
    expect(endpoint.requests).toHaveLength(0);

    endpoint.issued.push('fixed-user-access-token');
    const fixed = { ...source(), credentials: { userAccessToken: 'fixed-user-access-token' } };
    await signIn(connector({ withStore: false }), fixed);
    expect(apiCalls()[0]!.headers.authorization).toBe('Bearer fixed-user-access-token');
    expect(endpoint.requests).toHaveLength(0);
  });
});
