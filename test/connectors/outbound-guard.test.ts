/**
 * The outbound guard end to end. With the production default (OTKLIK_OUTBOUND_ALLOW empty): the API refuses to
 * save a source or a notification channel whose URL (or e-mail server) points into the deployment's network (400
 * naming the field), "test connection" of such a source already stored is refused before connecting, and the BUILT worker
 * marks it failing without one request reaching the fake platform on 127.0.0.1. With loopback allowed the
 * same source is polled; a redirect from the allowed platform to cloud metadata is still refused.
 * Run `npm run build` first.
 */
import { startFakeServer, type FakePlatformServer } from '../../libs/connectors/src/testing/fake-platform.server';
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness } from '../api/support/api-app';
import { exited, startBuilt, waitFor } from '../support/test-env';
import { insertSource, SECRET_KEY, workerEnv, type Workspace } from './support/connector-env';
import { fakeMastodon } from './support/fake-platforms';

jest.setTimeout(120_000);

const TOKEN = 'masto-guard-token';
const METADATA = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';

describe('outbound guard (api in-process, built worker)', () => {
  let harness: ApiHarness;
  let admin: string;
  let workspace: Workspace;
  let mastodon: FakePlatformServer;
  let redirector: FakePlatformServer;

  beforeAll(async () => {
    harness = await startApiHarness({ OTKLIK_OUTBOUND_ALLOW: '', OTKLIK_SECRET_KEY: SECRET_KEY.toString('base64') });
    const seeded = await seedWorkspace(harness, { ada: 'admin' });
    admin = (await login(harness, seeded.users.ada!)).accessToken;
    const [brand] = await harness.db.dataSource.query(`INSERT INTO brand (workspace_id, name) VALUES ($1, 'Acme') RETURNING id`, [
      seeded.workspaceId,
    ]);
    workspace = { workspaceId: seeded.workspaceId, brandId: brand.id };
    mastodon = await startFakeServer(
      fakeMastodon({
        tag: 'acme',
        token: TOKEN,
        statuses: [
          { id: '1001', acct: 'alice', text: 'Acme app is down again' },
          { id: '1002', acct: 'bob', text: 'Acme support?' },
        ],
      }).handler,
    );
    redirector = await startFakeServer(() => ({ status: 302, headers: { location: METADATA }, body: '' }));
  });

  afterAll(async () => {
    await mastodon?.close();
    await redirector?.close();
    await harness?.close();
  });

  const mastodonSource = (baseUrl: string) => ({
    channel: 'mastodon',
    options: { baseUrl, hashtags: ['acme'], mentions: false },
    credentials: { accessToken: TOKEN },
    pollIntervalMs: 300,
  });
  const sourceState = async (id: string): Promise<{ health: string; last_error: string | null; mentions: number }> =>
    (await harness.db.dataSource.query(`SELECT health, last_error, mentions_ingested::int AS mentions FROM source WHERE id = $1`, [id]))[0];

  it('refuses to save URLs that point into the network, naming the field and the setting', async () => {
    const source = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({
        channel: 'mastodon',
        name: 'internal',
        brandId: workspace.brandId,
        options: { baseUrl: mastodon.baseUrl, hashtags: ['acme'] },
        credentials: { accessToken: TOKEN },
      })
      .expect(400);
    expect(source.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(source.body.errors).toEqual([
      { field: 'options.baseUrl', reason: 'is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW' },
    ]);
    expect(source.body.detail).toBe('options.baseUrl: is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW');

    const feed = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({ channel: 'rss', name: 'feed', brandId: workspace.brandId, options: { feedUrl: 'http://[::ffff:10.0.0.5]/feed.xml' } })
      .expect(400);
    expect(feed.body.errors).toEqual([
      { field: 'options.feedUrl', reason: 'is a private address (::ffff:a00:5); allow it with OTKLIK_OUTBOUND_ALLOW' },
    ]);

    const hook = await harness.http
      .post('/api/notification-channels')
      .set(bearer(admin))
      .send({ kind: 'webhook', name: 'meta', config: { url: METADATA, secret: 'whsec' } })
      .expect(400);
    expect(hook.body.errors).toEqual([
      { field: 'config.url', reason: 'is a link-local address (169.254.169.254); allow it with OTKLIK_OUTBOUND_ALLOW' },
    ]);
    const mail = await harness.http
      .post('/api/notification-channels')
      .set(bearer(admin))
      .send({ kind: 'email', name: 'internal relay', config: { host: '127.0.0.1', port: '25', secure: 'false', from: 'alerts@example.com', to: 'duty@example.com' } })
      .expect(400);
    expect(mail.body.errors).toEqual([
      { field: 'config.host', reason: 'is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW' },
    ]);
    const [{ n }] = await harness.db.dataSource.query('SELECT count(*)::int AS n FROM source WHERE workspace_id = $1', [
      workspace.workspaceId,
    ]);
    expect(n).toBe(0);
  });

  it('refuses a stored source at request time: test connection and the built worker never reach it', async () => {
    // Stored before the rule (or its name resolved elsewhere then): only the request-time check stands between.
    const id = await insertSource(harness.db.dataSource, workspace, mastodonSource(mastodon.baseUrl));
    const tested = await harness.http.post(`/api/sources/${id}/test`).set(bearer(admin)).expect(200);
    expect(tested.body).toMatchObject({ ok: false, kind: 'bad_request' });
    expect(tested.body.message).toContain(
      'request to 127.0.0.1 refused: is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW',
    );

    const worker = startBuilt('worker', workerEnv(harness.db, { OTKLIK_OUTBOUND_ALLOW: '' }));
    try {
      const state = await waitFor(
        'the source marked failing',
        async () => {
          const current = await sourceState(id);
          return current.health === 'failing' ? current : null;
        },
        60_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nworker output:\n${worker.output()}`);
      });
      expect(state.last_error).toMatch(
        /^bad_request: mastodon .*request to 127\.0\.0\.1 refused: is a loopback address \(127\.0\.0\.1\); allow it with OTKLIK_OUTBOUND_ALLOW$/,
      );
    } finally {
      worker.child.kill('SIGTERM');
      await exited(worker.child);
    }
    expect(mastodon.requests).toHaveLength(0);
  });

  it('polls the same source once loopback is allowed, and still refuses a redirect to cloud metadata', async () => {
    const id = await insertSource(harness.db.dataSource, workspace, mastodonSource(mastodon.baseUrl));
    const redirected = await insertSource(harness.db.dataSource, workspace, mastodonSource(redirector.baseUrl));
    // startBuilt allows loopback (the tests' explicit OTKLIK_OUTBOUND_ALLOW), as a deployment polling an internal service would.
    const worker = startBuilt('worker', workerEnv(harness.db));
    try {
      await waitFor(
        'mentions from the allowed source and the redirect refused',
        async () => {
          const [polled, refused] = [await sourceState(id), await sourceState(redirected)];
          return polled.mentions >= 2 && refused.health === 'failing' ? true : null;
        },
        60_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nworker output:\n${worker.output()}`);
      });
    } finally {
      worker.child.kill('SIGTERM');
      await exited(worker.child);
    }
    expect((await sourceState(id)).health).toBe('ok');
    expect(mastodon.requests.length).toBeGreaterThan(0);
    expect((await sourceState(redirected)).last_error).toMatch(
      /request to 169\.254\.169\.254 refused: is a link-local address \(169\.254\.169\.254\); allow it with OTKLIK_OUTBOUND_ALLOW$/,
    );
    expect(redirector.requests.length).toBeGreaterThan(0);
  });
});
