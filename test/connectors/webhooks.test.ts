/**
 * Push platforms end to end: sources created through the API, deliveries POSTed to /api/webhooks/:sourceId
 * (the API in-process, OTKLIK_ROLE=api) signed as each platform signs them, and the BUILT worker classifying
 * and routing what was stored, until it is in the inbox. Bad signatures are refused with 401 problem+json,
 * unreadable bodies with 400 and the reason, malformed items dead-lettered while the rest go through.
 * Run `npm run build` first.
 */
import { signWebhook } from '@otklik/connectors';
import { fixtureJson } from '../../libs/connectors/src/testing/fixture-files';
import { exited, startBuilt, waitFor } from '../support/test-env';
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness } from '../api/support/api-app';
import { workerEnv } from './support/connector-env';

jest.setTimeout(120_000);

const GROUP = 777;

describe('push webhooks into the inbox (API in-process, built worker)', () => {
  let harness: ApiHarness;
  let admin: string;
  let workspaceId: string;
  let worker: ReturnType<typeof startBuilt> | null = null;
  const sources: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { ada: 'admin' });
    workspaceId = seeded.workspaceId;
    admin = (await login(harness, seeded.users.ada!)).accessToken;
    const create = async (body: Record<string, unknown>): Promise<string> => {
      const response = await harness.http.post('/api/sources').set(bearer(admin)).send({ brand: { name: 'Acme', aliases: ['Акме'] }, ...body });
      if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.id;
    };
    sources.webhook = await create({ channel: 'webhook', name: 'Reviews scraper', credentials: { signingSecret: 'wh-secret-1' } });
    sources.telegram = await create({ channel: 'telegram', name: 'Support bot', options: { delivery: 'push' }, credentials: { botToken: '42:abc', webhookSecret: 'tg-secret-1' } });
    sources.vk = await create({
      channel: 'vk',
      name: 'VK community',
      options: { groupId: GROUP, delivery: 'push' },
      credentials: { groupToken: 'vk-token', callbackSecret: 'vk-secret-1', confirmationCode: 'c0nf1rm42' },
    });
    // Classify and route happen in the built worker, on the same database and queue prefix as the API.
    worker = startBuilt('worker', {
      ...workerEnv(harness.db, { OTKLIK_QUEUE_PREFIX: harness.queuePrefix }),
      OTKLIK_SECRET_KEY: harness.runtime.secretKey.toString('base64'),
    });
  });

  afterAll(async () => {
    if (worker) {
      worker.child.kill('SIGTERM');
      await exited(worker.child);
    }
    await harness?.close();
  });

  async function routed(externalId: string): Promise<{ stage: string; text: string; origin: string | null; source_id: string }> {
    const row = await waitFor(`${externalId} routed`, async () => {
      const [mention] = await harness.db.dataSource.query('SELECT stage, text, origin, source_id FROM mention WHERE workspace_id = $1 AND external_id = $2', [workspaceId, externalId]);
      return mention?.stage === 'routed' ? mention : null;
    }, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker?.output() ?? ''}`);
    });
    return row;
  }

  const signed = (secret: string, body: string, timestamp = String(Math.floor(Date.now() / 1000))) => ({
    'content-type': 'application/json',
    'x-otklik-timestamp': timestamp,
    'x-otklik-signature': signWebhook(secret, timestamp, Buffer.from(body)),
  });

  it('generic webhook: a signed batch goes in (off-topic dropped and counted, a malformed item dead-lettered), a bad signature is 401', async () => {
    // Spacing and key order as the sender wrote them: the signature is over these exact bytes.
    const body = JSON.stringify(
      [
        { id: 'otz-1', text: 'Acme: третий день не могу дозвониться в поддержку', published_at: '2026-03-02T10:15:00Z', author: { id: 'u-1', handle: 'olga' }, lang: 'ru' },
        { id: 'otz-2', text: 'Погода сегодня отличная', published_at: '2026-03-02T10:16:00Z', author: { id: 'u-2' } },
        { id: 'otz-3', text: 'Acme без автора', published_at: '2026-03-02T10:17:00Z' },
      ],
      null,
      2,
    );
    const url = `/api/webhooks/${sources.webhook}`;
    const accepted = await harness.http.post(url).set(signed('wh-secret-1', body)).send(body).expect(200);
    expect(accepted.body).toEqual({ accepted: 1, duplicates: 0, deadLettered: 1, offTopic: 1 });
    // The same delivery again (a sender's retry) is one mention, not two.
    const again = await harness.http.post(url).set(signed('wh-secret-1', body)).send(body).expect(200);
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, deadLettered: 1, offTopic: 1 });

    const forged = await harness.http.post(url).set(signed('not-the-secret', body)).send(body).expect(401);
    expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(forged.body).toMatchObject({ status: 401, detail: 'webhook: signature does not match' });
    const unsigned = await harness.http.post(url).set('content-type', 'application/json').send(body).expect(401);
    expect(unsigned.body.detail).toMatch(/X-Otklik-Signature header missing/);
    const stale = await harness.http.post(url).set(signed('wh-secret-1', body, String(Math.floor(Date.now() / 1000) - 3_600))).send(body).expect(401);
    expect(stale.body.detail).toMatch(/timestamp/);
    // Signed correctly but not JSON (sent as text, so it reaches the connector as raw bytes): 400 with the reason.
    const garbage = 'id=1&text=hello';
    const unreadable = await harness.http.post(url).set({ ...signed('wh-secret-1', garbage), 'content-type': 'text/plain' }).send(garbage).expect(400);
    expect(unreadable.body).toMatchObject({ status: 400, detail: 'webhook: body is not JSON' });

    const mention = await routed(`${sources.webhook}:otz-1`);
    expect(mention).toMatchObject({ text: 'Acme: третий день не могу дозвониться в поддержку', origin: 'search', source_id: sources.webhook });
    const [{ n }] = await harness.db.dataSource.query('SELECT count(*)::int AS n FROM mention WHERE source_id = $1', [sources.webhook]);
    expect(n).toBe(1);
    const letters = await harness.http.get(`/api/dead-letters?sourceId=${sources.webhook}`).set(bearer(admin)).expect(200);
    // Counted per delivery: the retried delivery dead-lettered its malformed item and dropped its off-topic one again.
    const letter = expect.objectContaining({ externalId: `${sources.webhook}:otz-3`, reason: 'author: required object', payload: expect.objectContaining({ id: 'otz-3' }) });
    expect(letters.body.items).toEqual([letter, letter]);
    const view = await harness.http.get(`/api/sources/${sources.webhook}`).set(bearer(admin)).expect(200);
    expect(view.body).toMatchObject({ mentionsIngested: 1, mentionsOffTopic: 2, deadLetters: 2, delivery: 'push', webhookPath: `/api/webhooks/${sources.webhook}` });
    expect(Date.now() - Date.parse(view.body.lastPollAt)).toBeLessThan(60_000);
  });

  it('Telegram: the secret-token header is checked; a private message lands in the inbox', async () => {
    const update = JSON.stringify(fixtureJson('telegram', 'update_message_private_dm.json'));
    const url = `/api/webhooks/${sources.telegram}`;
    const wrong = await harness.http.post(url).set({ 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'guess' }).send(update).expect(401);
    expect(wrong.body.detail).toMatch(/Secret-Token missing or wrong/);
    await harness.http.post(url).set('content-type', 'application/json').send(update).expect(401);
    const ok = await harness.http.post(url).set({ 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'tg-secret-1' }).send(update).expect(200);
    expect(ok.body).toMatchObject({ accepted: 1 });
    // A group message that does not name the brand is off-topic; one that does goes in.
    const [, second] = fixtureJson<Array<{ update_id: number; message: { message_id: number; chat: { id: number }; text: string } }>>('telegram', 'updates_supergroup_message_and_reply_thread.json');
    const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'tg-secret-1' };
    const dropped = await harness.http.post(url).set(headers).send(JSON.stringify(second)).expect(200);
    expect(dropped.body).toEqual({ accepted: 0, duplicates: 0, deadLettered: 0, offTopic: 1 });
    const naming = { ...second!, update_id: second!.update_id + 1, message: { ...second!.message, message_id: 1, text: 'Акме, у вас опять не работает оплата' } };
    const kept = await harness.http.post(url).set(headers).send(JSON.stringify(naming)).expect(200);
    expect(kept.body).toMatchObject({ accepted: 1, offTopic: 0 });
    expect(await routed(`${second!.message.chat.id}:1`)).toMatchObject({ origin: 'search' });

    const mention = await routed('218485655:6557');
    expect(mention).toMatchObject({ text: 'hello there', origin: 'owned' });
  });

  it('VK Callback API: confirmation answered with the code, events with "ok", a wrong secret refused', async () => {
    const url = `/api/webhooks/${sources.vk}`;
    const confirmation = await harness.http.post(url).set('content-type', 'application/json').send({ type: 'confirmation', group_id: GROUP, secret: 'vk-secret-1' }).expect(200);
    expect(confirmation.headers['content-type']).toMatch(/^text\/plain/);
    expect(confirmation.text).toBe('c0nf1rm42');

    const comment = { ...fixtureJson<Record<string, unknown>>('vk', 'callback_wall_reply_new.json'), group_id: GROUP, secret: 'vk-secret-1', event_id: 'ev-1' };
    const wrong = await harness.http.post(url).set('content-type', 'application/json').send({ ...comment, secret: 'guess' }).expect(401);
    expect(wrong.body.detail).toBe('vk callback: secret missing or wrong');
    const ok = await harness.http.post(url).set('content-type', 'application/json').send(comment).expect(200);
    expect(ok.text).toBe('ok');
    const message = { ...fixtureJson<Record<string, unknown>>('vk', 'callback_message_new.json'), group_id: GROUP, secret: 'vk-secret-1' };
    await harness.http.post(url).set('content-type', 'application/json').send(message).expect(200, 'ok');
    // A malformed comment is dead-lettered, VK still gets "ok" (or it would retry it forever).
    const broken = { type: 'wall_reply_new', object: { id: 9, text: 'no ids' }, group_id: GROUP, secret: 'vk-secret-1', event_id: 'ev-broken' };
    await harness.http.post(url).set('content-type', 'application/json').send(broken).expect(200, 'ok');

    expect(await routed('comment:-1234_6_9')).toMatchObject({ text: 'test', origin: 'owned' });
    expect(await routed('message:123456789_985')).toMatchObject({ text: 'f', origin: 'owned' });
    const letters = await harness.http.get(`/api/dead-letters?sourceId=${sources.vk}`).set(bearer(admin)).expect(200);
    expect(letters.body.items).toEqual([expect.objectContaining({ externalId: 'wall_reply_new:ev-broken', reason: 'vk comment: missing id, owner or post id' })]);
  });

  it('unknown, non-push and disabled sources are refused', async () => {
    await harness.http.post('/api/webhooks/00000000-0000-4000-8000-000000000000').send({}).expect(404);
    await harness.http.post('/api/webhooks/not-a-uuid').send({}).expect(404);
    const rss = await harness.http
      .post('/api/sources')
      .set(bearer(admin))
      .send({ channel: 'rss', name: 'feed', brand: { name: 'Acme' }, options: { feedUrl: 'https://example.com/feed.xml' } })
      .expect(201);
    await harness.http.post(`/api/webhooks/${rss.body.id}`).send({}).expect(404);
    await harness.http.post(`/api/sources/${sources.telegram}/disable`).set(bearer(admin)).expect(200);
    const update = JSON.stringify(fixtureJson('telegram', 'update_message_private_dm.json'));
    await harness.http.post(`/api/webhooks/${sources.telegram}`).set({ 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'tg-secret-1' }).send(update).expect(403);
  });
});
