/**
 * The send queue end to end: reply rows queued in the database, the BUILT worker posting them through the
 * real connectors pointed at local fake platforms. A first attempt that times out after the platform kept
 * the post is retried and found (posted once, in the right thread, with the right visibility); a DM to a
 * user who closed them fails with the fall-back; a channel with no outbound fails honestly; a rate limit
 * waits what the platform said; revoked credentials fail the reply and the source, with an alert.
 * Run `npm run build` first.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnector, signWebhook, type PushResult } from '@otklik/connectors';
import { fixtureJson } from '../../libs/connectors/src/testing/fixture-files';
import { startFakeServer, type FakePlatformServer } from '../../libs/connectors/src/testing/fake-platform.server';
import { createTestDatabase, dropQueueSchema, exited, startBuilt, waitFor, type TestDatabase } from '../support/test-env';
import {
  cipher,
  createWorkspace,
  ingest,
  insertReply,
  insertSource,
  mentionId,
  replyState,
  sendQueue,
  workerEnv,
  type ReplyState,
  type Workspace,
} from './support/connector-env';
import { fakeMastodon, fakeTelegram, fakeVk } from './support/fake-platforms';

const GROUP = 1234;
const MASTODON_TOKEN = 'masto-token-1';
const BOT_TOKEN = '4242:bot-token';
/** The connectors' per-request timeout in this test; the slow platforms answer well after it. */
const TIMEOUT_MS = 800;
const LATE_MS = 2_500;

describe.each(['redis', 'postgres'] as const)('outbound replies through the send queue (built worker, %s queues)', (backend) => {
  let database: TestDatabase;
  let workspace: Workspace;
  const servers: FakePlatformServer[] = [];
  const prefixes: string[] = [];
  const vk = fakeVk({ groupId: GROUP, dmClosedFor: [123], comments: { slowFirstMs: LATE_MS } });
  const mastodon = fakeMastodon({
    tag: 'acme',
    token: MASTODON_TOKEN,
    statuses: [
      { id: '1001', acct: 'alice', text: 'Acme app is down again', behaviour: { slowFirstMs: LATE_MS } },
      { id: '1002', acct: 'bob', text: 'My Acme order never arrived' },
      { id: '1003', acct: 'carol', text: 'Acme support, please help', behaviour: { rateLimitFirstSeconds: 1 } },
      { id: '1004', acct: 'dave', text: 'Lovely weather today' },
      { id: '1005', acct: 'frank', text: 'Acme, where is my refund?' },
    ],
  });
  const telegram = fakeTelegram({ token: BOT_TOKEN, behaviour: { slowFirstMs: LATE_MS } });

  beforeAll(async () => {
    database = await createTestDatabase();
    workspace = await createWorkspace(database.dataSource);
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const prefix of prefixes) await dropQueueSchema(database.url, prefix);
    await database.drop();
  });

  async function server(handler: Parameters<typeof startFakeServer>[0]): Promise<FakePlatformServer> {
    const started = await startFakeServer(handler);
    servers.push(started);
    return started;
  }

  it('posts each reply once in the right thread, and ends every other reply with its reason', async () => {
    const ds = database.dataSource;
    const vkServer = await server(vk.handler);
    const mastodonServer = await server(mastodon.handler);
    const telegramServer = await server(telegram.handler);
    const mastodonHost = new URL(mastodonServer.baseUrl).host;

    // VK community on the Callback API (push only): its mentions arrive through the connector's `receive`.
    const vkSource = await insertSource(ds, workspace, {
      channel: 'vk',
      options: { baseUrl: `${vkServer.baseUrl}/method`, groupId: GROUP, delivery: 'push', requestTimeoutMs: TIMEOUT_MS },
      credentials: { groupToken: 'vk-group-token', callbackSecret: 'cb-secret', confirmationCode: 'c0nf1rm' },
    });
    const vkConnector = createConnector('vk');
    const vkSettings = { sourceId: vkSource, query: { brand: 'Acme', keywords: ['Acme'], exclusions: [] }, options: { groupId: GROUP }, credentials: { callbackSecret: 'cb-secret' } };
    const vkPush = async (fixture: string): Promise<PushResult> => {
      const body = { ...fixtureJson<Record<string, unknown>>('vk', fixture), group_id: GROUP, secret: 'cb-secret' };
      return vkConnector.receive!({ source: vkSettings, headers: {}, rawBody: Buffer.from(JSON.stringify(body)) });
    };
    await ingest(ds, workspace, vkSource, await vkPush('callback_wall_reply_new.json'));
    await ingest(ds, workspace, vkSource, await vkPush('callback_message_new.json'));

    // Mastodon polled by the worker: the brand filter drops the off-topic toot and counts it.
    const mastodonSource = await insertSource(ds, workspace, {
      channel: 'mastodon',
      options: { baseUrl: mastodonServer.baseUrl, hashtags: ['acme'], mentions: false, requestTimeoutMs: TIMEOUT_MS },
      credentials: { accessToken: MASTODON_TOKEN },
    });
    // A second Mastodon account whose token the instance has revoked (disabled, so only the send uses it).
    const revokedSource = await insertSource(ds, workspace, {
      channel: 'mastodon',
      name: 'revoked',
      enabled: false,
      options: { baseUrl: mastodonServer.baseUrl, hashtags: ['acme'], mentions: false },
      credentials: { accessToken: 'masto-token-revoked' },
    });
    const revokedMention = {
      externalId: `${mastodonHost}:1900`,
      channel: 'mastodon',
      lang: 'en',
      publishedAt: new Date().toISOString(),
      isPrivate: false,
      author: { id: `mastodon:erin@${mastodonHost}`, handle: '@erin', followers: 1, accountCreatedAt: null, verified: null, kind: null },
      threadExternalId: `${mastodonHost}:1900`,
      inReplyTo: null,
      brand: 'Acme',
      text: 'Acme, where is my refund?',
      origin: 'search' as const,
      raw: { id: '1900', account: { acct: 'erin' } },
    };
    await ingest(ds, workspace, revokedSource, { mentions: [revokedMention] });

    // Telegram bot on a webhook: a private chat with the bot.
    const telegramSource = await insertSource(ds, workspace, {
      channel: 'telegram',
      options: { baseUrl: telegramServer.baseUrl, delivery: 'push', requestTimeoutMs: TIMEOUT_MS },
      credentials: { botToken: BOT_TOKEN, webhookSecret: 'tg-secret' },
    });
    const dm = await createConnector('telegram').receive!({
      source: { sourceId: telegramSource, query: { brand: 'Acme', keywords: ['Acme'], exclusions: [] }, options: {}, credentials: { webhookSecret: 'tg-secret' } },
      headers: { 'x-telegram-bot-api-secret-token': 'tg-secret' },
      rawBody: Buffer.from(JSON.stringify(fixtureJson('telegram', 'update_message_private_dm.json'))),
    });
    await ingest(ds, workspace, telegramSource, dm);

    // A generic webhook source: push in, nothing out.
    const webhookSource = await insertSource(ds, workspace, { channel: 'webhook', credentials: { signingSecret: 'wh-secret' } });
    const payload = Buffer.from(JSON.stringify({ id: 'r-1', text: 'Acme review: slow delivery', published_at: '2026-03-02T10:15:00Z', author: { id: 'u-1' } }));
    const ts = String(Math.floor(Date.now() / 1000));
    const pushed = await createConnector('webhook').receive!({
      source: { sourceId: webhookSource, query: { brand: 'Acme', keywords: ['Acme'], exclusions: [] }, options: {}, credentials: { signingSecret: 'wh-secret' } },
      headers: { 'x-otklik-timestamp': ts, 'x-otklik-signature': signWebhook('wh-secret', ts, payload) },
      rawBody: payload,
    });
    await ingest(ds, workspace, webhookSource, pushed);

    // The demo replay source: its sandbox outbound records replies in a local file.
    const dir = mkdtempSync(join(tmpdir(), 'otklik-outbound-'));
    const timeline = join(dir, 'timeline.jsonl');
    writeFileSync(
      timeline,
      `${JSON.stringify({ id: 'demo-1', channel: 'x', lang: 'en', published_at: '2026-03-01T08:00:00Z', is_private: false, author: { id: 'x:1', handle: 'demo_user' }, thread: { id: 'demo-1', in_reply_to: null }, brand: 'Acme', text: 'Acme, my card was charged twice' })}\n`,
    );
    const outbox = join(dir, 'sent.jsonl');
    const demoSource = await insertSource(ds, workspace, { channel: 'demo', options: { file: timeline, speed: 0, startedAt: new Date().toISOString(), outboxFile: outbox } });

    const env = workerEnv(database, {}, backend);
    if (backend === 'postgres') prefixes.push(env.OTKLIK_QUEUE_PREFIX);
    const queue = sendQueue(env.OTKLIK_QUEUE_PREFIX, backend, database.url);
    const worker = startBuilt('worker', env);
    try {
      // The worker polls Mastodon and the demo timeline.
      await waitFor('the polled Mastodon and demo mentions', async () => {
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM mention WHERE source_id = ANY($1::uuid[])`, [[mastodonSource, demoSource]]);
        return n >= 5;
      }, 30_000);
      const [counters] = await ds.query('SELECT mentions_ingested::int AS ingested, mentions_off_topic::int AS off_topic, health FROM source WHERE id = $1', [mastodonSource]);
      expect(counters).toEqual({ ingested: 4, off_topic: 1, health: 'ok' });
      const origins = await ds.query(`SELECT DISTINCT origin FROM mention WHERE source_id = $1`, [mastodonSource]);
      expect(origins).toEqual([{ origin: 'search' }]);
      const [vkOrigin] = await ds.query(`SELECT DISTINCT origin FROM mention WHERE source_id = $1`, [vkSource]);
      expect(vkOrigin).toEqual({ origin: 'owned' });

      const replies = {
        vkPublic: await insertReply(ds, workspace, await mentionId(ds, workspace, 'comment:-1234_6_9'), 'public', 'Здравствуйте! Напишите нам в сообщения сообщества.'),
        vkClosedDm: await insertReply(ds, workspace, await mentionId(ds, workspace, 'comment:-1234_6_9'), 'private', 'Пишем вам в личные сообщения.'),
        vkDm: await insertReply(ds, workspace, await mentionId(ds, workspace, 'message:123456789_985'), 'private', 'Проверили заказ, всё в порядке.'),
        mastodonPublic: await insertReply(ds, workspace, await mentionId(ds, workspace, `${mastodonHost}:1001`), 'public', 'Sorry about that, we are on it.'),
        mastodonPrivate: await insertReply(ds, workspace, await mentionId(ds, workspace, `${mastodonHost}:1002`), 'private', 'Could you send us the order number?'),
        mastodonLimited: await insertReply(ds, workspace, await mentionId(ds, workspace, `${mastodonHost}:1003`), 'public', 'Happy to help, what happened?'),
        revoked: await insertReply(ds, workspace, await mentionId(ds, workspace, `${mastodonHost}:1900`), 'public', 'Your refund is on its way.'),
        telegram: await insertReply(ds, workspace, await mentionId(ds, workspace, '218485655:6557'), 'private', 'Hello! How can we help?'),
        webhook: await insertReply(ds, workspace, await mentionId(ds, workspace, `${webhookSource}:r-1`), 'public', 'Thanks for the review.'),
        crashed: await insertReply(ds, workspace, await mentionId(ds, workspace, `${mastodonHost}:1005`), 'public', 'The refund left today.'),
        demo: await insertReply(ds, workspace, await mentionId(ds, workspace, 'demo-1'), 'public', 'We are refunding the second charge.'),
      };
      // A worker died mid-post earlier: the row says "maybe posted" and the instance has the status. The next attempt finds it.
      await ds.query('UPDATE reply SET outcome_unknown = true, attempts = 1, attempted_at = now() WHERE id = $1', [replies.crashed.id]);
      mastodon.posted.push({ id: '1999', in_reply_to_id: '1005', visibility: 'public', content: '<p>@frank The refund left today.</p>', url: 'https://social.example/@acme/1999', account: { id: '900', acct: 'acme' } });
      // Every reply but the demo one is enqueued as the API does; the demo one's job is "lost" and the reconcile finds it.
      for (const [name, reply] of Object.entries(replies)) if (name !== 'demo') await queue.enqueue(reply.id);

      const final: Record<string, ReplyState> = {};
      await waitFor('every reply to end', async () => {
        for (const [name, reply] of Object.entries(replies)) final[name] = await replyState(ds, reply.id);
        return Object.values(final).every((state) => state.status === 'sent' || state.status === 'failed');
      }, 60_000, 250).catch((error: Error) => {
        throw new Error(`${error.message}\n${JSON.stringify(final, null, 1)}\nworker output:\n${worker.output()}`);
      });

      // VK: the first createComment timed out but was kept; the retry found it: one comment, in the commenter's thread.
      expect(final.vkPublic).toMatchObject({ status: 'sent', platform_id: 'comment:-1234_6_500', outcome_unknown: false, attempts: 2 });
      const comments = vkServer.requests.filter((request) => request.path === '/method/wall.createComment');
      expect(comments).toHaveLength(1);
      expect(Object.fromEntries(comments[0]!.form)).toMatchObject({ owner_id: '-1234', post_id: '6', reply_to_comment: '9', from_group: String(GROUP), guid: replies.vkPublic.key });
      expect(vkServer.requests.some((request) => request.path === '/method/wall.getComments')).toBe(true);
      // VK: the commenter does not take messages from the community: the inbox's fall-back.
      expect(final.vkClosedDm).toMatchObject({ status: 'failed', failure_reason: 'direct messages closed for this user: invite them publicly', platform_id: null });
      // VK: a message in the community's inbox is answered in that dialog.
      expect(final.vkDm).toMatchObject({ status: 'sent', platform_id: 'message:123456789_7000' });
      const dmSends = vkServer.requests.filter((request) => request.path === '/method/messages.send' && request.form.get('peer_id') === '123456789');
      expect(dmSends).toHaveLength(1);
      expect(dmSends[0]!.form.get('reply_to')).toBe('985');

      // Mastodon: posted once though the first attempt timed out, public, under the toot, addressed to its author.
      const toAlice = mastodon.posted.filter((status) => status['in_reply_to_id'] === '1001');
      expect(toAlice).toEqual([expect.objectContaining({ visibility: 'public', content: '<p>@alice Sorry about that, we are on it.</p>' })]);
      expect(final.mastodonPublic).toMatchObject({ status: 'sent', platform_id: `${mastodonHost}:${toAlice[0]!['id']}`, attempts: 2 });
      expect(final.mastodonPublic.platform_url).toBe(toAlice[0]!['url']);
      // Mastodon private: a direct status to the author.
      expect(final.mastodonPrivate).toMatchObject({ status: 'sent' });
      expect(mastodon.posted.filter((status) => status['in_reply_to_id'] === '1002')).toEqual([expect.objectContaining({ visibility: 'direct', content: '<p>@bob Could you send us the order number?</p>' })]);
      // Mastodon rate limit: waited the second it was told, then posted once, without spending a retry on it.
      expect(final.mastodonLimited).toMatchObject({ status: 'sent' });
      const limitedPosts = mastodonServer.requests.filter((request) => request.method === 'POST' && (request.json() as { in_reply_to_id: string }).in_reply_to_id === '1003');
      expect(limitedPosts).toHaveLength(2);
      expect(mastodon.posted.filter((status) => status['in_reply_to_id'] === '1003')).toHaveLength(1);
      // The reply a dead worker had posted is found, not posted again.
      expect(final.crashed).toMatchObject({ status: 'sent', platform_id: `${mastodonHost}:1999`, outcome_unknown: false, attempts: 2 });
      expect(mastodonServer.requests.filter((request) => request.method === 'POST' && (request.json() as { in_reply_to_id: string }).in_reply_to_id === '1005')).toHaveLength(0);
      // Revoked token: the reply fails, the source is marked failing, one alert for the escalation side.
      expect(final.revoked.status).toBe('failed');
      expect(final.revoked.failure_reason).toMatch(/credentials were refused/);
      expect(final.revoked.failure_reason).not.toContain('masto-token-revoked');
      const [revokedRow] = await ds.query('SELECT health, last_error FROM source WHERE id = $1', [revokedSource]);
      expect(revokedRow.health).toBe('failing');
      const alerts = await ds.query(`SELECT kind, source_id FROM alert WHERE source_id = $1`, [revokedSource]);
      expect(alerts).toEqual([{ kind: 'source_failing', source_id: revokedSource }]);

      // Telegram cannot look up what it sent: after the timeout, the reply is failed for a person to check, never resent.
      expect(final.telegram.status).toBe('failed');
      expect(final.telegram.failure_reason).toMatch(/may have posted this reply/);
      expect(telegram.sent).toHaveLength(1);
      expect(telegram.sent[0]).toMatchObject({ chat_id: '218485655', text: 'Hello! How can we help?' });

      // The generic webhook has no outbound.
      expect(final.webhook).toMatchObject({ status: 'failed', failure_reason: 'channel has no outbound', attempts: 0 });

      // Demo: recorded once in the sandbox file (enqueued by the reconcile, its job having been "lost").
      expect(final.demo).toMatchObject({ status: 'sent', platform_id: `demo-sent-${replies.demo.key}` });
      expect(readFileSync(outbox, 'utf8').trim().split('\n')).toHaveLength(1);

    } finally {
      await queue.close();
      worker.child.kill('SIGTERM');
      await exited(worker.child);
    }
    // The credentials column never holds a token in clear.
    const stored = await ds.query('SELECT credentials_encrypted FROM source WHERE id = $1', [mastodonSource]);
    expect(stored[0].credentials_encrypted).not.toContain(MASTODON_TOKEN);
    expect(cipher.decrypt(stored[0].credentials_encrypted)).toEqual({ accessToken: MASTODON_TOKEN });
  }, 120_000);
});
