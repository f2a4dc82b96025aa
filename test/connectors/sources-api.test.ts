/**
 * The sources API in-process (OTKLIK_ROLE=api) on a database of its own: credentials stored encrypted and
 * never returned, per-channel validation, roles, connection tests against a fake platform (ok, revoked
 * token, a failing source put back in service), poll schedulers following enable/disable/delete, audit,
 * and the dead-letter list.
 */
import { CredentialCipher } from '@otklik/persistence';
import { QueueProducer } from '@otklik/queues';
import { startFakeServer, type FakePlatformServer } from '../../libs/connectors/src/testing/fake-platform.server';
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness } from '../api/support/api-app';
import { fakeGoogleTokenEndpoint, rsaKeyPair, serviceAccountKeyJson, TOKEN_PATH } from '../../libs/connectors/src/testing/fake-google-token';
import { fakeMastodon } from './support/fake-platforms';

jest.setTimeout(60_000);

const TOKEN = 'masto-secret-token-7f3a9c';

describe('sources API', () => {
  let harness: ApiHarness;
  let mastodon: FakePlatformServer;
  let admin: string;
  let lead: string;
  let agent: string;
  let workspaceId: string;

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { ada: 'admin', leo: 'lead', aga: 'agent' });
    workspaceId = seeded.workspaceId;
    admin = (await login(harness, seeded.users.ada!)).accessToken;
    lead = (await login(harness, seeded.users.leo!)).accessToken;
    agent = (await login(harness, seeded.users.aga!)).accessToken;
    mastodon = await startFakeServer(fakeMastodon({ tag: 'acme', token: TOKEN, statuses: [] }).handler);
  });

  afterAll(async () => {
    await mastodon?.close();
    await harness?.close();
  });

  const schedulers = async (): Promise<string[]> => (await harness.app.get(QueueProducer).poll.getJobSchedulers(0, -1)).map((scheduler) => scheduler.key);

  async function createMastodon(extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const response = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({
        channel: 'mastodon',
        name: 'Mastodon #acme',
        brand: { name: 'Acme', aliases: ['Акме'], exclusions: ['acme corp'] },
        options: { baseUrl: mastodon.baseUrl, hashtags: ['acme'], mentions: false },
        credentials: { accessToken: TOKEN },
        ...extra,
      });
    if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('creates a source with encrypted credentials that are never returned, its brand inline, a poll scheduler and an audit entry', async () => {
    const created = await createMastodon();
    expect(JSON.stringify(created)).not.toContain(TOKEN);
    expect(created).toMatchObject({
      channel: 'mastodon',
      credentialsSet: ['accessToken'],
      brand: { name: 'Acme', aliases: ['Акме'], exclusions: ['acme corp'] },
      delivery: 'poll',
      webhookPath: null,
      capabilities: { poll: true, push: false, publicReply: true, privateMessage: true, replyMaxLength: 500 },
      enabled: true,
      health: 'ok',
      mentionsIngested: 0,
      mentionsOffTopic: 0,
    });
    const [row] = await harness.db.dataSource.query('SELECT credentials_encrypted, brand_id FROM source WHERE id = $1', [created.id]);
    expect(row.credentials_encrypted).not.toContain(TOKEN);
    expect(row.credentials_encrypted).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(new CredentialCipher(harness.runtime.secretKey).decrypt(row.credentials_encrypted)).toEqual({ accessToken: TOKEN });
    const [brand] = await harness.db.dataSource.query('SELECT name, aliases, exclusions FROM brand WHERE id = $1', [row.brand_id]);
    expect(brand).toEqual({ name: 'Acme', aliases: ['Акме'], exclusions: ['acme corp'] });
    expect(await schedulers()).toContain(`poll-${created.id}`);
    const audit = await harness.db.dataSource.query(`SELECT action, details FROM audit_log WHERE target_id = $1 ORDER BY id`, [created.id]);
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual(['source.created']);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
    expect(audit[0].details.credentialsSet).toEqual(['accessToken']);

    // Reads never carry the secret either; a second source reuses the brand by name.
    const list = await harness.http.get('/api/sources').set(bearer(lead)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(TOKEN);
    const again = await createMastodon({ name: 'second', brand: { name: 'Acme' } });
    expect((again.brand as { id: string }).id).toBe((created.brand as { id: string }).id);
    expect((again.brand as { aliases: string[] }).aliases).toEqual(['Акме']);
  });

  it('validates per channel, naming the field', async () => {
    const missing = await harness.http.post('/api/sources').set(bearer(admin)).send({ channel: 'mastodon', name: 'x', brand: { name: 'Acme' }, credentials: { accessToken: 't' } }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'options.baseUrl', reason: 'mastodon sources need options.baseUrl' }]);
    const typo = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({ channel: 'vk', name: 'x', brand: { name: 'Acme' }, credentials: { acessToken: 't' } })
      .expect(400);
    expect(typo.body.errors.map((error: { field: string }) => error.field)).toEqual(['credentials.acessToken', 'credentials.accessToken']);
    const unknown = await harness.http.post('/api/sources').set(bearer(admin)).send({ channel: 'myspace', name: 'x', brand: { name: 'Acme' } }).expect(400);
    expect(unknown.body.detail).toMatch(/no connector "myspace"/);
    const noBrand = await harness.http.post('/api/sources').set(bearer(admin)).send({ channel: 'rss', name: 'x', options: { feedUrl: 'https://example.com/feed.xml' } }).expect(400);
    expect(noBrand.body.errors[0].field).toBe('brandId');
    const pushSecret = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({ channel: 'telegram', name: 'x', brand: { name: 'Acme' }, options: { delivery: 'push' }, credentials: { botToken: '1:a' } })
      .expect(400);
    expect(pushSecret.body.errors).toEqual([{ field: 'credentials.webhookSecret', reason: 'is needed to verify pushes (options.delivery is "push")' }]);
    await harness.http.post('/api/sources').set(bearer(admin)).send({ channel: 'rss', name: 'x', brandId: '00000000-0000-4000-8000-000000000000', options: { feedUrl: 'https://example.com/f' } }).expect(400);
    // The demo replay reads and appends files on the server: only under the data directories.
    const outside = await harness.http.post('/api/sources').set(bearer(admin)).send({ channel: 'demo', name: 'demo', options: { file: '/etc/passwd' } }).expect(400);
    expect(outside.body.errors[0].field).toBe('options.file');
    await harness.http.post('/api/sources').set(bearer(admin)).send({ channel: 'demo', name: 'demo', options: { file: `${harness.runtime.config.dataDir}/t.jsonl`, speed: 0 } }).expect(201);
  });

  it('lets leads read and only admins change; agents see neither', async () => {
    const created = await createMastodon({ name: 'roles' });
    await harness.http.get(`/api/sources/${created.id}`).set(bearer(lead)).expect(200);
    await harness.http.get('/api/sources').set(bearer(agent)).expect(403);
    await harness.http.post('/api/sources').set(bearer(lead)).send({ channel: 'rss', name: 'x' }).expect(403);
    await harness.http.post(`/api/sources/${created.id}/disable`).set(bearer(lead)).expect(403);
    await harness.http.get('/api/sources/capabilities').set(bearer(agent)).expect(200);
    await harness.http.get('/api/dead-letters').set(bearer(lead)).expect(403);
    await harness.http.get('/api/sources/00000000-0000-4000-8000-000000000000').set(bearer(admin)).expect(404);
  });

  it('tests the connection: ok, then a revoked token reported by kind without the secret, then a failing source put back to ok', async () => {
    const created = await createMastodon({ name: 'tested' });
    const ok = await harness.http.post(`/api/sources/${created.id}/test`).set(bearer(admin)).expect(200);
    expect(ok.body).toEqual({ ok: true, message: 'signed in as @acme@' + new URL(mastodon.baseUrl).hostname, health: 'ok' });

    const revoked = 'revoked-token-0000-9999';
    const updated = await harness.http.patch(`/api/sources/${created.id}`).set(bearer(admin)).send({ credentials: { accessToken: revoked } }).expect(200);
    expect(JSON.stringify(updated.body)).not.toContain(revoked);
    const failed = await harness.http.post(`/api/sources/${created.id}/test`).set(bearer(admin)).expect(200);
    expect(failed.body).toMatchObject({ ok: false, kind: 'auth_revoked', health: 'ok' });
    expect(failed.body.message).toMatch(/401/);
    expect(failed.body.message).not.toContain(revoked);

    // The worker marked it failing (a poll got 401); the admin fixes the token and tests: back in service.
    await harness.db.dataSource.query(`UPDATE source SET health = 'failing', last_error = 'auth_revoked: mastodon GET /api/v1/timelines/tag/acme: HTTP 401' WHERE id = $1`, [created.id]);
    // Credentials not given in an update are kept as they are.
    await harness.http.patch(`/api/sources/${created.id}`).set(bearer(admin)).send({ name: 'renamed' }).expect(200);
    const [kept] = await harness.db.dataSource.query('SELECT credentials_encrypted FROM source WHERE id = $1', [created.id]);
    expect(new CredentialCipher(harness.runtime.secretKey).decrypt(kept.credentials_encrypted)).toEqual({ accessToken: revoked });
    await harness.http.patch(`/api/sources/${created.id}`).set(bearer(admin)).send({ credentials: { accessToken: TOKEN } }).expect(200);
    const restored = await harness.http.post(`/api/sources/${created.id}/test`).set(bearer(admin)).expect(200);
    expect(restored.body).toMatchObject({ ok: true, health: 'ok' });
    const view = await harness.http.get(`/api/sources/${created.id}`).set(bearer(admin)).expect(200);
    expect(view.body).toMatchObject({ name: 'renamed', health: 'ok', lastError: null });
    const actions = await harness.db.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [created.id]);
    expect(actions.map((row: { action: string }) => row.action)).toEqual([
      'source.created',
      'source.tested',
      'source.updated',
      'source.tested',
      'source.updated',
      'source.updated',
      'source.tested',
    ]);
  });

  it('disabling removes the poll scheduler, enabling brings it back, deleting removes source and scheduler', async () => {
    const created = await createMastodon({ name: 'toggled', pollIntervalMs: 30_000 });
    const id = created.id as string;
    expect(await schedulers()).toContain(`poll-${id}`);
    const disabled = await harness.http.post(`/api/sources/${id}/disable`).set(bearer(admin)).expect(200);
    expect(disabled.body.enabled).toBe(false);
    expect(await schedulers()).not.toContain(`poll-${id}`);
    await harness.http.post(`/api/sources/${id}/enable`).set(bearer(admin)).expect(200);
    const [scheduler] = (await harness.app.get(QueueProducer).poll.getJobSchedulers(0, -1)).filter((entry) => entry.key === `poll-${id}`);
    expect(Number(scheduler?.every)).toBe(30_000);
    await harness.http.delete(`/api/sources/${id}`).set(bearer(admin)).expect(204);
    expect(await schedulers()).not.toContain(`poll-${id}`);
    await harness.http.get(`/api/sources/${id}`).set(bearer(admin)).expect(404);
    const actions = await harness.db.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [id]);
    expect(actions.map((row: { action: string }) => row.action)).toEqual(['source.created', 'source.disabled', 'source.enabled', 'source.deleted']);
  });

  it('lists the capabilities of every channel, the demo one included', async () => {
    const response = await harness.http.get('/api/sources/capabilities').set(bearer(admin)).expect(200);
    const channels = response.body.map((entry: { channel: string }) => entry.channel);
    expect(channels).toEqual(expect.arrayContaining(['demo', 'vk', 'telegram', 'webhook', 'rss', 'mastodon', 'reddit', 'x', 'youtube', 'appstore', 'googleplay']));
    expect(response.body.find((entry: { channel: string }) => entry.channel === 'webhook').capabilities).toEqual({ poll: false, push: true, publicReply: false, privateMessage: false, replyMaxLength: null });
    // The fields a form asks for, from the table the save-time check uses: secrets marked, requirements named.
    const fields = (channel: string) => response.body.find((entry: { channel: string }) => entry.channel === channel).fields;
    expect(fields('webhook').options).toEqual([]);
    expect(fields('webhook').credentials).toEqual([
      { name: 'signingSecret', type: 'text', secret: true, required: true },
      { name: 'previousSigningSecret', type: 'text', secret: true, required: false },
    ]);
    expect(fields('rss').options).toEqual(
      expect.arrayContaining([
        { name: 'feedUrl', type: 'url', secret: false, required: false, oneOf: ['feedUrl', 'baseUrl'] },
        { name: 'origin', type: 'choice', values: ['search', 'owned'], secret: false, required: false },
      ]),
    );
    expect(fields('mastodon').options[0]).toEqual({ name: 'baseUrl', type: 'url', secret: false, required: true });
    expect(fields('vk').options.find((field: { name: string }) => field.name === 'delivery')).toEqual({
      name: 'delivery',
      type: 'choice',
      values: ['poll', 'push', 'both'],
      secret: false,
      required: false,
    });
    expect(fields('reddit').credentials.find((field: { name: string }) => field.name === 'clientId')).toMatchObject({
      secret: true,
      oneOf: ['accessToken', 'clientId'],
    });
  });

  it('takes Google credentials that mint their own tokens, and tests a service-account key by minting with it', async () => {
    const keyPair = rsaKeyPair();
    const endpoint = fakeGoogleTokenEndpoint(keyPair.publicKey);
    const play = await startFakeServer((request) =>
      request.path === TOKEN_PATH ? endpoint.handle(request) : request.headers.authorization === 'Bearer ya29.minted-token-1' ? { body: { reviews: [] } } : { status: 401 },
    );
    try {
      const serviceAccountKey = serviceAccountKeyJson(keyPair.privateKeyPem, { token_uri: `${play.baseUrl}${TOKEN_PATH}` });
      const created = await harness.http
        .post('/api/sources')
        .set(bearer(admin))
        .send({
          channel: 'googleplay',
          name: 'Play reviews',
          brand: { name: 'Acme' },
          options: { packageName: 'com.acme.app', baseUrl: `${play.baseUrl}/androidpublisher/v3` },
          credentials: { serviceAccountKey },
        })
        .expect(201);
      expect(created.body.credentialsSet).toEqual(['serviceAccountKey']);
      expect(JSON.stringify(created.body)).not.toContain('PRIVATE KEY');
      const tested = await harness.http.post(`/api/sources/${created.body.id}/test`).set(bearer(admin)).expect(200);
      expect(tested.body).toMatchObject({ ok: true, message: 'reviews readable for com.acme.app' });
      expect(endpoint.requests).toHaveLength(1);
      expect(endpoint.requests[0]!.jwt).toMatchObject({ signatureValid: true, claims: { scope: 'https://www.googleapis.com/auth/androidpublisher' } });

      // Another key (the API's connector keeps the first one's token for the hour; a new key mints afresh),
      // one Google does not know: reported as revoked with Google's reason, the key never in the message.
      const unknownKey = rsaKeyPair().privateKeyPem;
      await harness.http
        .patch(`/api/sources/${created.body.id}`)
        .set(bearer(admin))
        .send({ credentials: { serviceAccountKey: serviceAccountKeyJson(unknownKey, { token_uri: `${play.baseUrl}${TOKEN_PATH}` }) } })
        .expect(200);
      const refused = await harness.http.post(`/api/sources/${created.body.id}/test`).set(bearer(admin)).expect(200);
      expect(refused.body).toMatchObject({ ok: false, kind: 'auth_revoked', message: expect.stringContaining('invalid_grant: Invalid JWT Signature.') });
      expect(refused.body.message).not.toContain('PRIVATE KEY');
      expect(endpoint.requests.map((request) => request.jwt?.signatureValid)).toEqual([true, false]);
    } finally {
      await play.close();
    }

    const partial = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({ channel: 'youtube', name: 'yt', brand: { name: 'Acme' }, options: { channelId: 'UC1' }, credentials: { refreshToken: '1//r', clientId: 'c' } })
      .expect(400);
    expect(partial.body.errors).toEqual([{ field: 'credentials.clientSecret', reason: 'is needed with credentials.refreshToken' }]);
    await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({ channel: 'youtube', name: 'yt', brand: { name: 'Acme' }, options: { channelId: 'UC1' }, credentials: { refreshToken: '1//r', clientId: 'c', clientSecret: 's' } })
      .expect(201);
  });

  it('replaces one credential and keeps the others named in keepCredentials', async () => {
    const created = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({
        channel: 'webhook',
        name: 'Reviews',
        brand: { name: 'Acme' },
        credentials: { signingSecret: 'old-secret-1', previousSigningSecret: 'older-secret-0' },
      })
      .expect(201);
    const stored = async () => {
      const [row] = await harness.db.dataSource.query('SELECT credentials_encrypted FROM source WHERE id = $1', [created.body.id]);
      return new CredentialCipher(harness.runtime.secretKey).decrypt(row.credentials_encrypted);
    };
    const kept = await harness.http
      .patch(`/api/sources/${created.body.id}`)
      .set(bearer(admin))
      .send({ credentials: { signingSecret: 'new-secret-2' }, keepCredentials: ['previousSigningSecret'] })
      .expect(200);
    expect(kept.body.credentialsSet).toEqual(['previousSigningSecret', 'signingSecret']);
    expect(await stored()).toEqual({ signingSecret: 'new-secret-2', previousSigningSecret: 'older-secret-0' });
    // Without keepCredentials the given set replaces the stored one.
    await harness.http
      .patch(`/api/sources/${created.body.id}`)
      .set(bearer(admin))
      .send({ credentials: { signingSecret: 'new-secret-3' } })
      .expect(200);
    expect(await stored()).toEqual({ signingSecret: 'new-secret-3' });
    const alone = await harness.http
      .patch(`/api/sources/${created.body.id}`)
      .set(bearer(admin))
      .send({ keepCredentials: ['signingSecret'] })
      .expect(400);
    expect(alone.body.errors[0].field).toBe('keepCredentials');
  });

  it('lists dead letters newest first with their reasons, for admins, paged', async () => {
    const created = await createMastodon({ name: 'dead' });
    for (const reason of ['author.id: missing', 'text: missing', 'publishedAt: not a time']) {
      await harness.db.dataSource.query(`INSERT INTO dead_letter (workspace_id, source_id, stage, external_id, reason, payload) VALUES ($1, $2, 'ingest', 'x', $3, '{"a":1}')`, [
        workspaceId,
        created.id,
        reason,
      ]);
    }
    const first = await harness.http.get(`/api/dead-letters?sourceId=${created.id}&limit=2`).set(bearer(admin)).expect(200);
    expect(first.body.items.map((item: { reason: string }) => item.reason)).toEqual(['publishedAt: not a time', 'text: missing']);
    expect(first.body.items[0]).toMatchObject({ sourceId: created.id, sourceName: 'dead', stage: 'ingest', externalId: 'x', payload: { a: 1 } });
    const second = await harness.http.get(`/api/dead-letters?sourceId=${created.id}&limit=2&beforeId=${first.body.nextBeforeId}`).set(bearer(admin)).expect(200);
    expect(second.body).toMatchObject({ items: [{ reason: 'author.id: missing' }], nextBeforeId: null });
    const view = await harness.http.get(`/api/sources/${created.id}`).set(bearer(admin)).expect(200);
    expect(view.body.deadLetters).toBe(3);
  });
});
