import type { NormalisedMention, OutboundMessage, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { createConnector } from '../connector-registry';
import { deliverReply } from '../reply-delivery';
import { fixtureJson } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { TelegramConnector } from './telegram.connector';
import { normaliseTelegramUpdate } from './telegram.normaliser';
import { loopbackAllowed } from '../testing/loopback-outbound';

const BOT_TOKEN = '7000000001:AAH-secret-bot-token_xyz';
const fx = (file: string) => fixtureJson('telegram', file);

function tgSource(baseUrl: string, overrides: Partial<SourceSettings> = {}): SourceSettings {
  return {
    sourceId: 'src-tg-1',
    query: { brand: 'Бренд', keywords: ['Brand'], exclusions: [] },
    options: { baseUrl, longPollSeconds: 0, ownedChatIds: ['-1001500000002'] },
    credentials: { botToken: BOT_TOKEN, webhookSecret: 'wh-secret-Z9' },
    ...overrides,
  };
}

const ok = (result: unknown): FakeResponse => ({ body: { ok: true, result } });

describe('Telegram connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;
  const http = (timeoutMs = 2000) => ({ fetch: globalThis.fetch, clock: new ManualClock(0), timeoutMs });

  beforeEach(async () => {
    handler = () => ({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    server = await startFakeServer((request) => handler(request));
  });
  afterEach(() => server.close());

  describe('getUpdates', () => {
    const allUpdates = () => [
      fx('update_message_private_dm.json'),
      ...(fx('updates_supergroup_message_and_reply_thread.json') as unknown[]),
      fx('update_message_reaction_user.json'),
      ...(fx('own_updates_discussion_group.json') as unknown[]),
      fx('own_update_edited_message.json'),
    ];

    it('polls with the offset cursor, the message update kinds and the token only in the path', async () => {
      handler = (request) => {
        const offset = (request.json() as { offset?: number }).offset;
        return ok(offset === undefined ? allUpdates() : []);
      };
      const connector = new TelegramConnector(http());
      const source = tgSource(server.baseUrl);
      const first = await connector.fetch({ source, cursor: null, limit: 100 });
      const call = server.requests[0]!;
      expect(call.path).toBe(`/bot${BOT_TOKEN}/getUpdates`);
      expect(call.json()).toEqual({ limit: 100, timeout: 0, allowed_updates: ['message', 'edited_message', 'channel_post', 'edited_channel_post'] });
      expect(first.rejected).toEqual([]);
      expect(first.mentions.map((m) => m.externalId)).toEqual([
        '218485655:6557',
        '-1001293752024:134546',
        '-1001500000002:311',
        '-1001500000002:312',
        '218485655:6558',
      ]);
      expect(JSON.parse(first.cursor!)).toEqual({ v: 1, offset: 892252941 });
      expect(first.hasMore).toBe(false);

      const second = await connector.fetch({ source, cursor: first.cursor, limit: 100 });
      expect((server.requests[1]!.json() as { offset: number }).offset).toBe(892252941);
      expect(second).toMatchObject({ mentions: [], cursor: first.cursor, hasMore: false });
    });

    it('normalises a private message, a group reply, a discussion-group comment and a captioned photo', async () => {
      handler = () => ok(allUpdates());
      const { mentions } = await new TelegramConnector(http()).fetch({ source: tgSource(server.baseUrl), cursor: null, limit: 100 });
      const byId = new Map(mentions.map((m) => [m.externalId, m]));
      expect(byId.get('218485655:6557')).toEqual({
        externalId: '218485655:6557',
        channel: 'telegram',
        lang: null,
        publishedAt: '2019-09-26T17:19:02.000Z',
        isPrivate: true,
        author: { id: 'telegram:218485655', handle: 'WaffleLapkin', followers: null, accountCreatedAt: null, verified: null, kind: null },
        threadExternalId: '218485655:dm',
        inReplyTo: null,
        brand: null,
        text: 'hello there',
        url: null,
        likes: null,
        reposts: null,
        origin: 'owned',
        raw: fx('update_message_private_dm.json'),
      });
      expect(byId.get('-1001293752024:134546')).toMatchObject({
        isPrivate: false,
        threadExternalId: '-1001293752024:134545',
        inReplyTo: '-1001293752024:134545',
        text: '/report',
        url: 'https://t.me/cryptoinside_talk/134546',
        origin: 'search',
        author: { id: 'telegram:5964236329', handle: 'spacewhaleblues' },
      });
      expect(byId.get('-1001500000002:311')).toMatchObject({
        threadExternalId: '-1001500000002:310',
        inReplyTo: '-1001500000002:310',
        origin: 'owned',
        url: 'https://t.me/brand_chat/311',
      });
      expect(byId.get('-1001500000002:312')).toMatchObject({ text: '+1, вот скрин', inReplyTo: '-1001500000002:311', author: { handle: null } });
      expect(byId.get('218485655:6558')).toMatchObject({ text: 'hello there, edited', threadExternalId: '218485655:dm' });
    });

    it('reads an anonymous admin as the chat it speaks for', () => {
      const message = fx('message_anonymous_admin_sender_chat_forward_origin.json');
      const mention = normaliseTelegramUpdate({ update_id: 1, message }, { ownedChatIds: new Set(['-1001160242915']) });
      expect(mention).toMatchObject({
        externalId: '-1001160242915:1',
        author: { id: 'telegram:-1001160242915', handle: 'a', kind: 'brand' },
        url: 'https://t.me/c/1160242915/1',
      });
    });

    it('skips reactions, text-less messages and the channel’s own posts; rejects a broken update', async () => {
      const broken = { update_id: 892252935, message: { message_id: 9, date: 1569518342, text: 'no chat' } };
      handler = () =>
        ok([
          fx('update_message_reaction_anonymous_actor_chat.json'),
          fx('update_message_reaction_count_channel.json'),
          (fx('updates_supergroup_message_and_reply_thread.json') as unknown[])[0],
          (fx('own_updates_discussion_group.json') as unknown[])[0],
          (fx('own_updates_discussion_group.json') as unknown[])[1],
          broken,
        ]);
      const result = await new TelegramConnector(http()).fetch({ source: tgSource(server.baseUrl), cursor: null, limit: 100 });
      expect(result.mentions).toEqual([]);
      expect(result.rejected).toEqual([{ externalId: 'update:892252935', reason: 'telegram message: missing chat.id or message_id', raw: broken }]);
      expect(JSON.parse(result.cursor!).offset).toBe(892252936);
    });

    it('filters third-party group chatter by brand but keeps owned chats whatever they say', async () => {
      handler = () => ok(allUpdates());
      const result = await createConnector('telegram', loopbackAllowed).fetch!({ source: tgSource(server.baseUrl), cursor: null, limit: 100 });
      expect(result.mentions.map((m) => m.externalId)).toEqual(['218485655:6557', '-1001500000002:311', '-1001500000002:312', '218485655:6558']);
      expect(result.offTopic).toBe(1);
    });

    it('says there is more when a full batch came back', async () => {
      handler = () => ok([fx('update_message_private_dm.json')]);
      const result = await new TelegramConnector(http()).fetch({ source: tgSource(server.baseUrl), cursor: null, limit: 1 });
      expect(result.hasMore).toBe(true);
    });
  });

  describe('errors', () => {
    async function failure(status: number, body: unknown): Promise<ConnectorError> {
      handler = () => ({ status, body });
      const error = await new TelegramConnector(http()).fetch({ source: tgSource(server.baseUrl), cursor: null, limit: 10 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as Error).message).not.toContain(BOT_TOKEN);
      return error as ConnectorError;
    }

    it('429 retry_after → rate_limited for exactly that long', async () => {
      const error = await failure(429, fx('error_429_too_many_requests_retry_after.json'));
      expect(error).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 8000, status: 429 } });
    });

    it('401 and a 404 for a wrong token → auth_revoked; 409 with a webhook set → auth_revoked; 5xx → transient', async () => {
      expect((await failure(401, fx('own_error_401_unauthorized.json'))).kind).toBe('auth_revoked');
      expect((await failure(404, { ok: false, error_code: 404, description: 'Not Found' })).kind).toBe('auth_revoked');
      expect((await failure(409, fx('own_error_409_webhook_active.json'))).kind).toBe('auth_revoked');
      expect((await failure(409, { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request' })).kind).toBe('transient');
      expect((await failure(502, '<html>Bad Gateway</html>')).kind).toBe('transient');
    });

    it('a group upgraded to a supergroup → bad_request naming the new chat id', async () => {
      const error = await failure(400, fx('error_400_group_migrated_to_supergroup.json'));
      expect(error.kind).toBe('bad_request');
      expect(error.message).toContain('-100123456789');
    });
  });

  describe('webhook', () => {
    const receive = (headers: Record<string, string | undefined>, body: unknown = fx('update_message_private_dm.json')) =>
      new TelegramConnector(http()).receive({ source: tgSource('http://unused'), headers, rawBody: Buffer.from(JSON.stringify(body)) });

    it('accepts a delivery with the right secret token header', async () => {
      const result = await receive({ 'x-telegram-bot-api-secret-token': 'wh-secret-Z9' });
      expect(result.responseBody).toBeNull();
      expect(result.mentions.map((m) => m.externalId)).toEqual(['218485655:6557']);
      const mixedCase = await receive({ 'X-Telegram-Bot-Api-Secret-Token': 'wh-secret-Z9' }, fx('own_update_edited_message.json'));
      expect(mixedCase.mentions[0]!.text).toBe('hello there, edited');
    });

    it('refuses a wrong or missing secret, and a source without one', async () => {
      await expect(receive({ 'x-telegram-bot-api-secret-token': 'wh-secret-Z8' })).rejects.toMatchObject({ kind: 'bad_request' });
      await expect(receive({})).rejects.toMatchObject({ kind: 'bad_request' });
      const unconfigured = new TelegramConnector(http()).receive({
        source: tgSource('http://unused', { credentials: { botToken: BOT_TOKEN } }),
        headers: { 'x-telegram-bot-api-secret-token': '' },
        rawBody: Buffer.from('{}'),
      });
      await expect(unconfigured).rejects.toMatchObject({ kind: 'auth_revoked' });
    });
  });

  describe('replies', () => {
    const comment = (): NormalisedMention =>
      normaliseTelegramUpdate((fx('own_updates_discussion_group.json') as unknown[])[2], { ownedChatIds: new Set(['-1001500000002']) })!;
    const outbound = (visibility: 'public' | 'private', inReplyTo = comment()): OutboundMessage => ({
      source: tgSource(server.baseUrl),
      idempotencyKey: 'reply-1',
      visibility,
      body: 'Ирина, здравствуйте! Уже разбираемся — напишите, пожалуйста, боту в личные сообщения.',
      inReplyTo,
    });

    it('replies in the discussion group with reply_parameters', async () => {
      handler = () => ({ body: fx('own_sendMessage_reply_result.json') });
      const sent = await new TelegramConnector(http()).replyPublic(outbound('public'));
      expect(sent).toEqual({ platformId: '-1001500000002:313', url: 'https://t.me/brand_chat/313' });
      expect(server.requests[0]!.path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
      expect(server.requests[0]!.json()).toEqual({
        chat_id: '-1001500000002',
        text: outbound('public').body,
        reply_parameters: { message_id: 311, allow_sending_without_reply: true },
      });
    });

    it('sends a DM to the author; 403 (never started the bot, or blocked it) → not_permitted', async () => {
      handler = () => ok({ message_id: 9, chat: { id: 5001002003, type: 'private' }, date: 1721600400, text: 'x' });
      const sent = await new TelegramConnector(http()).sendPrivate(outbound('private'));
      expect(sent).toEqual({ platformId: '5001002003:9', url: null });
      expect((server.requests[0]!.json() as { chat_id: string }).chat_id).toBe('5001002003');
      for (const file of ['own_error_403_cant_initiate.json', 'own_error_403_blocked.json']) {
        handler = () => ({ status: 403, body: fx(file) });
        await expect(new TelegramConnector(http()).sendPrivate(outbound('private'))).rejects.toMatchObject({ kind: 'not_permitted' });
      }
    });

    it('cannot DM a chat author', async () => {
      const asChat = { ...comment(), author: { ...comment().author, id: 'telegram:-1001160242915' } };
      await expect(new TelegramConnector(http()).sendPrivate(outbound('private', asChat))).rejects.toMatchObject({ kind: 'not_permitted' });
      expect(server.requests).toHaveLength(0);
    });

    it('maps a vanished target message to bad_request', async () => {
      handler = () => ({ status: 400, body: fx('error_400_reply_message_not_found.json') });
      await expect(new TelegramConnector(http()).replyPublic(outbound('public'))).rejects.toMatchObject({ kind: 'bad_request' });
    });

    it('after a timeout, refuses to resend (no way to look up sent messages), so the reply is never posted twice', async () => {
      handler = () => ({ body: fx('own_sendMessage_reply_result.json'), delayMs: 500 });
      const connector = createConnector('telegram', { ...loopbackAllowed, timeoutMs: 150 });
      await expect(deliverReply(connector, outbound('public'), { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'transient' });
      await expect(deliverReply(connector, outbound('public'), { previousOutcomeUnknown: true })).rejects.toMatchObject({ kind: 'bad_request' });
      expect(server.requests.filter((r) => r.path.endsWith('/sendMessage'))).toHaveLength(1);
    });
  });
});
