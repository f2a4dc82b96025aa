/**
 * X's rotating refresh tokens against the real PostgreSQL: a source saved with the refresh form through the
 * sources API, tested with the api's own connector (the rotated refresh token lands in the source's
 * encrypted credentials before the new access token is used), and the store the worker and the api share
 * (PgSourceCredentialStore): two processes renewing one source at once are serialised so neither is refused,
 * and an admin's edit made during a renewal wins.
 */
import { ConnectorError, systemClock, type SourceSettings } from '@otklik/connectors';
import { createDataSource, CredentialCipher } from '@otklik/persistence';
import type { DataSource } from 'typeorm';
import { ConnectorResolver } from '../../apps/worker/src/pipeline/connector-resolver';
import { pollSource } from '../../apps/worker/src/pipeline/poll-source';
import { PgSourceCredentialStore } from '../../apps/worker/src/pipeline/source-credential-store';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../../libs/connectors/src/testing/fake-platform.server';
import { fakeXTokenEndpoint, X_TOKEN_PATH, type FakeXTokenEndpoint } from '../../libs/connectors/src/testing/fake-x-token';
import { XConnector } from '../../libs/connectors/src/x/x.connector';
import { loopbackFetch } from '../../libs/connectors/src/testing/loopback-outbound';
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness } from '../api/support/api-app';

jest.setTimeout(60_000);

const CLIENT_ID = 'x-client-id-TmV3QXBw';
const CLIENT_SECRET = 'x-client-secret-c2VjcmV0LXZhbHVl';
const CONSENTED = 'x-consented-refresh-token-b2ZmbGluZQ';

describe('X refresh-token rotation stored in PostgreSQL', () => {
  let harness: ApiHarness;
  let admin: string;
  let cipher: CredentialCipher;
  let server: FakePlatformServer;
  let endpoint: FakeXTokenEndpoint;
  /** The refresh token stored for the source when each API call arrived. */
  let storedWhenUsed: Array<{ bearer: string; refreshToken: string | undefined }>;
  let watchedSource: string | null;

  const storedCredentials = async (sourceId: string, dataSource: DataSource = harness.db.dataSource): Promise<Record<string, string>> => {
    const [row] = await dataSource.query('SELECT credentials_encrypted FROM source WHERE id = $1', [sourceId]);
    return cipher.decrypt(row.credentials_encrypted);
  };

  async function route(request: RecordedRequest): Promise<FakeResponse> {
    if (request.path === X_TOKEN_PATH) return endpoint.handle(request);
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (watchedSource) storedWhenUsed.push({ bearer: token, refreshToken: (await storedCredentials(watchedSource))['refreshToken'] });
    if (!endpoint.issued.includes(token)) return { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
    if (request.path === '/2/users/me') return { body: { data: { id: '1072250532645998596', name: 'Acme', username: 'acme' } } };
    if (request.path === '/2/users/1072250532645998596/mentions') return { body: { meta: { result_count: 0 } } };
    return { status: 404 };
  }

  async function createSource(credentials: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({
        channel: 'x',
        name: 'X @acme',
        brand: { name: 'Acme' },
        options: { baseUrl: server.baseUrl, tokenUrl: `${server.baseUrl}${X_TOKEN_PATH}`, mentionsUserId: '1072250532645998596', search: false },
        credentials,
      });
    return { status: response.status, body: response.body };
  }

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { ada: 'admin' });
    admin = (await login(harness, seeded.users.ada!)).accessToken;
    cipher = new CredentialCipher(harness.runtime.secretKey);
  });

  beforeEach(async () => {
    endpoint = fakeXTokenEndpoint({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, CONSENTED);
    server = await startFakeServer((request) => route(request));
    storedWhenUsed = [];
    watchedSource = null;
  });

  afterEach(() => server.close());
  afterAll(() => harness?.close());

  it('saves the refresh form through the API, and the test button stores the rotated token encrypted before using the new access token', async () => {
    const partial = await createSource({ refreshToken: CONSENTED, clientSecret: CLIENT_SECRET });
    expect(partial.status).toBe(400);
    expect(partial.body['errors']).toEqual([{ field: 'credentials.clientId', reason: 'is needed with credentials.refreshToken' }]);

    const created = await createSource({ refreshToken: CONSENTED, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect(created.body['credentialsSet']).toEqual(['clientId', 'clientSecret', 'refreshToken']);
    watchedSource = id;

    const tested = await harness.http.post(`/api/sources/${id}/test`).set(bearer(admin)).expect(200);
    expect(tested.body).toMatchObject({ ok: true, message: 'signed in as @acme' });
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]).toMatchObject({ basic: `${CLIENT_ID}:${CLIENT_SECRET}`, form: { grant_type: 'refresh_token', refresh_token: CONSENTED } });
    expect(await storedCredentials(id)).toEqual({ refreshToken: 'x-rotated-refresh-token-1', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect(storedWhenUsed).toEqual([{ bearer: 'x-user-access-token-1', refreshToken: 'x-rotated-refresh-token-1' }]);
    const [row] = await harness.db.dataSource.query('SELECT credentials_encrypted FROM source WHERE id = $1', [id]);
    expect(row.credentials_encrypted).not.toContain('x-rotated-refresh-token');

    // The next test reads the rotated token from the row: the api's connector knows it and keeps its access token.
    await harness.http.post(`/api/sources/${id}/test`).set(bearer(admin)).expect(200);
    expect(endpoint.requests).toHaveLength(1);
    const view = await harness.http.get(`/api/sources/${id}`).set(bearer(admin)).expect(200);
    expect(view.body.credentialsSet).toEqual(['clientId', 'clientSecret', 'refreshToken']);
    expect(JSON.stringify(view.body)).not.toContain('x-rotated-refresh-token');

    // Revoked at X: the test button reports it on the field, never quoting a token.
    endpoint.live.clear();
    await harness.http.patch(`/api/sources/${id}`).set(bearer(admin)).send({ credentials: { refreshToken: 'x-revoked-refresh-token-00' }, keepCredentials: ['clientId', 'clientSecret'] }).expect(200);
    const refused = await harness.http.post(`/api/sources/${id}/test`).set(bearer(admin)).expect(200);
    expect(refused.body).toMatchObject({ ok: false, kind: 'auth_revoked', message: expect.stringContaining('credentials.refreshToken was refused') });
    expect(refused.body.message).not.toContain('x-revoked-refresh-token-00');
  });

  describe('the store the worker and the api share', () => {
    let other: DataSource;
    let sourceId: string;

    beforeEach(async () => {
      const created = await createSource({ refreshToken: CONSENTED, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
      sourceId = created.body['id'] as string;
      // A second pool on the same database: another process.
      other = createDataSource(harness.db.url, { poolSize: 2, applicationName: 'otklik-test-other' });
      await other.initialize();
    });
    afterEach(() => other.destroy());

    const settingsOf = (credentials: Record<string, string>): SourceSettings => ({
      sourceId,
      query: { brand: 'Acme', keywords: ['Acme'], exclusions: [] },
      options: { baseUrl: server.baseUrl, tokenUrl: `${server.baseUrl}${X_TOKEN_PATH}` },
      credentials,
    });
    const connectorOn = (dataSource: DataSource) => new XConnector({ fetch: loopbackFetch, clock: systemClock, timeoutMs: 5_000 }, new PgSourceCredentialStore(dataSource, cipher));

    it('two processes refreshing one source at once take turns under the lock: neither is refused, the last token is stored', async () => {
      endpoint.delayMs = 200;
      const stale = settingsOf(await storedCredentials(sourceId));
      const [worker, api] = [connectorOn(harness.db.dataSource), connectorOn(other)];
      const results = await Promise.all([worker.testConnection(stale), api.testConnection(stale)]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      expect(endpoint.requests.map((r) => r.form['refresh_token'])).toEqual([CONSENTED, 'x-rotated-refresh-token-1']);
      expect((await storedCredentials(sourceId))['refreshToken']).toBe('x-rotated-refresh-token-2');
    });

    it('a worker poll through the resolver mints from the refresh form and stores the rotation in the row', async () => {
      const resolver = new ConnectorResolver({ fetch: loopbackFetch, credentialStore: new PgSourceCredentialStore(other, cipher) });
      watchedSource = sourceId;
      const outcome = await pollSource(other, resolver, cipher, sourceId, 50);
      expect(outcome).toMatchObject({ inserted: 0, hasMore: false });
      expect(endpoint.requests.map((r) => r.form['refresh_token'])).toEqual([CONSENTED]);
      expect(storedWhenUsed).toEqual([{ bearer: 'x-user-access-token-1', refreshToken: 'x-rotated-refresh-token-1' }]);
      expect((await storedCredentials(sourceId))['refreshToken']).toBe('x-rotated-refresh-token-1');
      // The next poll loads the rotated token from the row and keeps the cached access token.
      await pollSource(other, resolver, cipher, sourceId, 50);
      expect(endpoint.requests).toHaveLength(1);
      expect(storedWhenUsed.map((use) => use.bearer)).toEqual(['x-user-access-token-1', 'x-user-access-token-1']);
    });

    it('an admin’s edit during a renewal wins, and the next call uses it', async () => {
      const edited = { refreshToken: 'x-admin-pasted-refresh-token', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
      endpoint.onRefresh = async () => {
        endpoint.onRefresh = null;
        endpoint.live.add(edited.refreshToken);
        await other.query('UPDATE source SET credentials_encrypted = $2 WHERE id = $1', [sourceId, cipher.encrypt(edited)]);
      };
      const worker = connectorOn(harness.db.dataSource);
      const error = await worker.testConnection(settingsOf(await storedCredentials(sourceId))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ kind: 'transient', message: expect.stringContaining('edited while credentials.refreshToken was being refreshed') });
      expect(await storedCredentials(sourceId)).toEqual(edited);
      await worker.testConnection(settingsOf(await storedCredentials(sourceId)));
      expect(endpoint.requests.map((r) => r.form['refresh_token'])).toEqual([CONSENTED, edited.refreshToken]);
      expect((await storedCredentials(sourceId))['refreshToken']).toBe('x-rotated-refresh-token-2');
    });

    it('a renewal waits for another holding the source’s lock, and a deleted source is refused', async () => {
      const store = new PgSourceCredentialStore(harness.db.dataSource, cipher);
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = new PgSourceCredentialStore(other, cipher).renew(sourceId, async () => {
        order.push('first starts');
        await held;
        order.push('first ends');
        return { store: { refreshToken: 'from-first' }, result: 1 };
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = store.renew(sourceId, async (stored) => {
        order.push(`second reads ${stored['refreshToken']}`);
        return { store: null, result: 2 };
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      expect(await Promise.all([first, second])).toEqual([
        { result: 1, stored: true },
        { result: 2, stored: true },
      ]);
      expect(order).toEqual(['first starts', 'first ends', 'second reads from-first']);

      await harness.db.dataSource.query('DELETE FROM source WHERE id = $1', [sourceId]);
      await expect(store.renew(sourceId, async () => ({ store: null, result: 0 }))).rejects.toMatchObject({ kind: 'bad_request' });
    });
  });
});
