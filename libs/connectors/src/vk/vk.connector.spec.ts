import type { NormalisedMention, OutboundMessage, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { createConnector } from '../connector-registry';
import { deliverReply, outcomeUnknown } from '../reply-delivery';
import { fixtureJson } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import type { HttpContext } from '../shared/http-client';
import { nextMoscowMidnight } from './vk-errors';
import { randomIdFor, VkConnector } from './vk.connector';
import { loopbackAllowed } from '../testing/loopback-outbound';

const TOKEN = 'vk1.a.SERVICE-token-0123456789';
const GROUP_TOKEN = 'vk1.a.GROUP-token-9876543210';
const fx = (file: string) => fixtureJson('vk', file);

function vkSource(baseUrl: string, overrides: Partial<SourceSettings> = {}): SourceSettings {
  return {
    sourceId: 'src-vk-1',
    query: { brand: 'Парсинг', keywords: ['парсинг'], exclusions: [] },
    options: { baseUrl: `${baseUrl}/method`, search: true },
    credentials: { accessToken: TOKEN, groupToken: GROUP_TOKEN, callbackSecret: 'cb-secret-42', confirmationCode: 'a1b2c3d4' },
    ...overrides,
  };
}

function method(request: RecordedRequest): string {
  return request.path.replace('/method/', '');
}

function http(clock = new ManualClock(Date.parse('2019-08-03T00:00:00Z')), timeoutMs = 2000): HttpContext {
  return { fetch: globalThis.fetch, clock, timeoutMs };
}

describe('VK connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;

  beforeEach(async () => {
    handler = () => ({ status: 404, body: 'no route' });
    server = await startFakeServer((request) => handler(request));
  });
  afterEach(() => server.close());

  describe('newsfeed.search', () => {
    it('pages with next_from inside a fixed window, then starts the next window at the newest post', async () => {
      handler = (request) => {
        expect(method(request)).toBe('newsfeed.search');
        return { body: request.form.get('start_from') === '3/-184898883_177' ? fx('own_newsfeed.search_page2_last.json') : fx('newsfeed.search_next_from.json') };
      };
      const clock = new ManualClock(Date.parse('2019-08-03T00:00:00Z'));
      const connector = new VkConnector(http(clock));
      const source = vkSource(server.baseUrl);

      const first = await connector.fetch({ source, cursor: null, limit: 50 });
      expect(first.hasMore).toBe(true);
      expect(first.rejected).toEqual([]);
      expect(first.mentions.map((m) => m.externalId)).toEqual(['post:388444282_11454', 'post:-31130529_49163', 'post:-184898883_177']);
      const firstCall = server.requests[0]!;
      expect(firstCall.method).toBe('POST');
      expect(firstCall.url.search).toBe('');
      expect(firstCall.form.get('q')).toBe('Парсинг');
      expect(firstCall.form.get('v')).toBe('5.199');
      expect(firstCall.form.get('extended')).toBe('1');
      expect(firstCall.form.get('start_time')).toBe(String(clock.now() / 1000 - 24 * 3600));
      expect(firstCall.form.get('end_time')).toBe(String(clock.now() / 1000));

      const [user, , community] = first.mentions as [NormalisedMention, NormalisedMention, NormalisedMention];
      expect(user).toMatchObject({
        channel: 'vk',
        lang: null,
        publishedAt: '2019-08-02T21:05:00.000Z',
        isPrivate: false,
        author: { id: 'vk:388444282', handle: 'elinastayl', followers: null, accountCreatedAt: null, verified: null, kind: null },
        threadExternalId: 'post:388444282_11454',
        inReplyTo: null,
        text: '❗Принимаю заказы до 23.00 завтрашнего дня&',
        url: 'https://vk.com/wall388444282_11454',
        likes: 0,
        reposts: 0,
        origin: 'search',
      });
      expect(community.author).toMatchObject({ id: 'vk:-184898883', handle: 'leads_seo' });
      expect((user.raw as { id: number }).id).toBe(11454);

      // The clock moves on; the window's end must not.
      clock.advance(60_000);
      const second = await connector.fetch({ source, cursor: first.cursor, limit: 50 });
      const pageTwo = server.requests.filter((r) => r.form.get('q') === 'Парсинг')[1]!;
      expect(pageTwo.form.get('start_from')).toBe('3/-184898883_177');
      expect(pageTwo.form.get('end_time')).toBe(firstCall.form.get('end_time'));
      expect(second.hasMore).toBe(false);
      expect(second.mentions).toHaveLength(1);
      expect(second.mentions[0]).toMatchObject({
        externalId: 'post:-184898883_176',
        author: { id: 'vk:412000111', handle: 'p.smirnov', followers: 245, verified: false },
        likes: 3,
        reposts: 1,
      });

      // The next window starts at the newest post delivered and does not deliver it again.
      handler = () => ({ body: fx('newsfeed.search_next_from.json') });
      const third = await connector.fetch({ source, cursor: second.cursor, limit: 50 });
      const windowThree = server.requests[server.requests.length - 1]!;
      expect(windowThree.form.get('start_time')).toBe('1564779900');
      expect(windowThree.form.get('start_from')).toBeNull();
      expect(third.mentions.map((m) => m.externalId)).not.toContain('post:388444282_11454');
    });

    it('drops off-topic hits through the registry brand filter and counts them', async () => {
      handler = (request) => ({
        body: request.form.get('start_from') ? fx('own_newsfeed.search_page2_last.json') : fx('newsfeed.search_next_from.json'),
      });
      const connector = createConnector('vk', { ...loopbackAllowed, clock: new ManualClock(Date.parse('2019-08-03T00:00:00Z')) });
      const result = await connector.fetch!({ source: vkSource(server.baseUrl), cursor: null, limit: 50 });
      expect(result.mentions.map((m) => m.externalId)).toEqual(['post:-184898883_177']);
      expect(result.mentions[0]!.brand).toBe('Парсинг');
      expect(result.offTopic).toBe(2);
    });

    it('rejects a malformed item and lets the rest through', async () => {
      const page = fx('newsfeed.search_next_from.json') as { response: { items: Array<Record<string, unknown>> } };
      const broken = structuredClone(page);
      delete broken.response.items[1]!['date'];
      handler = () => ({ body: broken });
      const result = await new VkConnector(http()).fetch({ source: vkSource(server.baseUrl), cursor: null, limit: 50 });
      expect(result.mentions).toHaveLength(2);
      expect(result.rejected).toEqual([
        { externalId: 'post:-31130529_49163', reason: 'vk post post:-31130529_49163: missing or invalid date', raw: broken.response.items[1] },
      ]);
    });

    it('searches each term with its own cursor', async () => {
      handler = () => ({ body: fx('own_newsfeed.search_page2_last.json') });
      const source = vkSource(server.baseUrl, { query: { brand: 'Бренд', keywords: ['Brand', 'бренд'], exclusions: [] } });
      const result = await new VkConnector(http()).fetch({ source, cursor: null, limit: 50 });
      expect(server.requests.map((r) => r.form.get('q'))).toEqual(['Бренд', 'Brand']);
      expect(Object.keys(JSON.parse(result.cursor!).search)).toEqual(['Бренд', 'Brand']);
    });
  });

  describe('community wall', () => {
    function wallHandler(request: RecordedRequest): FakeResponse {
      switch (method(request)) {
        case 'wall.get':
          return { body: fx('own_wall.get_community.json') };
        case 'wall.getComments':
          return { body: request.form.get('comment_id') === '482124' ? fx('own_wall.getComments_branch.json') : { response: { count: 0, items: [] } } };
        default:
          return { status: 404 };
      }
    }

    it('delivers visitor posts and new comments, threads included, and skips the community and deleted comments', async () => {
      handler = (request) => {
        if (method(request) === 'wall.getComments' && !request.form.get('comment_id')) return { body: fx('wall.getComments_threads.json') };
        return wallHandler(request);
      };
      const source = vkSource(server.baseUrl, { options: { baseUrl: `${server.baseUrl}/method`, groupId: 69459624, search: false } });
      const result = await new VkConnector(http()).fetch({ source, cursor: null, limit: 50 });
      expect(result.rejected).toEqual([]);
      expect(result.mentions.map((m) => m.externalId)).toEqual([
        'post:-69459624_482130',
        'comment:-69459624_482121_482124',
        'comment:-69459624_482121_482200',
        'comment:-69459624_482121_482418',
      ]);
      const [post, top, reply] = result.mentions as [NormalisedMention, NormalisedMention, NormalisedMention];
      expect(post).toMatchObject({ origin: 'owned', author: { id: 'vk:287979664', handle: 'anna_k', followers: 87, verified: false }, likes: 4 });
      expect(top).toMatchObject({
        threadExternalId: 'post:-69459624_482121',
        inReplyTo: 'post:-69459624_482121',
        text: 'Текст 1го комментария',
        url: 'https://vk.com/wall-69459624_482121?reply=482124',
        publishedAt: '2019-03-21T14:59:56.000Z',
      });
      expect(reply).toMatchObject({
        threadExternalId: 'post:-69459624_482121',
        inReplyTo: 'comment:-69459624_482121_482124',
        text: 'Анна, у меня то же самое',
        author: { id: 'vk:197900038', followers: 12000, verified: true },
        url: 'https://vk.com/wall-69459624_482121?reply=482200&thread=482124',
        likes: 2,
      });
      const branchCall = server.requests.find((r) => r.form.get('comment_id') === '482124')!;
      expect(branchCall.form.get('owner_id')).toBe('-69459624');
      const cursor = JSON.parse(result.cursor!);
      expect(cursor.wall).toEqual({ lastPostId: 482130, posts: [{ id: 482121, comments: 6, lastCommentId: 482418 }, { id: 482130, comments: 0, lastCommentId: 0 }] });

      // Nothing changed: one wall.get, no comment reads, nothing delivered twice.
      const before = server.requests.length;
      const again = await new VkConnector(http()).fetch({ source, cursor: result.cursor, limit: 50 });
      expect(again.mentions).toEqual([]);
      expect(server.requests.slice(before).map(method)).toEqual(['wall.get']);
    });

    it('stops at the limit and resumes after the last comment delivered', async () => {
      handler = (request) => {
        if (method(request) === 'wall.getComments' && !request.form.get('comment_id')) return { body: fx('wall.getComments_threads.json') };
        return wallHandler(request);
      };
      const source = vkSource(server.baseUrl, { options: { baseUrl: `${server.baseUrl}/method`, groupId: 69459624, search: false } });
      const connector = new VkConnector(http());
      const first = await connector.fetch({ source, cursor: null, limit: 2 });
      expect(first.mentions.map((m) => m.externalId)).toEqual(['post:-69459624_482130', 'comment:-69459624_482121_482124']);
      expect(first.hasMore).toBe(true);
      const second = await connector.fetch({ source, cursor: first.cursor, limit: 2 });
      expect(second.mentions.map((m) => m.externalId)).toEqual(['comment:-69459624_482121_482200', 'comment:-69459624_482121_482418']);
    });

    it('reads comments without owner and post ids from the call, with likes and attachments', async () => {
      handler = (request) => {
        if (method(request) === 'wall.get')
          return {
            body: {
              response: { count: 1, items: [{ id: 3800, owner_id: -69459624, from_id: -69459624, date: 1385090000, text: 'С днём рождения!', comments: { count: 2 } }] },
            },
          };
        return { body: fx('wall.getComments_likes_attachments.json') };
      };
      const source = vkSource(server.baseUrl, { options: { baseUrl: `${server.baseUrl}/method`, groupId: 69459624, search: false } });
      const result = await new VkConnector(http()).fetch({ source, cursor: null, limit: 50 });
      expect(result.mentions.map((m) => [m.externalId, m.text, m.likes])).toEqual([
        ['comment:-69459624_3800_3809', 'Поздравляю вас!!!\nРастите здоровыми, счастливыми и красивыми!', 1],
        ['comment:-69459624_3800_3810', 'C днем рождения малышку и родителей!!!', 1],
      ]);
    });

    it('keeps a repost readable: own text, else the reposted text, else its attachments', async () => {
      handler = () => ({ body: fx('wall.get_extended.json') });
      const source = vkSource(server.baseUrl, { options: { baseUrl: `${server.baseUrl}/method`, groupId: 10, search: false } });
      const result = await new VkConnector(http()).fetch({ source, cursor: null, limit: 50 });
      expect(result.mentions).toHaveLength(1);
      expect(result.mentions[0]).toMatchObject({ externalId: 'post:10_41', text: '» [photo]', likes: 1, reposts: 0, author: { id: 'vk:10', handle: 'id10' } });
    });
  });

  describe('errors', () => {
    async function searchError(body: unknown, status = 200): Promise<ConnectorError> {
      handler = () => ({ status, body });
      const error = await new VkConnector(http()).fetch({ source: vkSource(server.baseUrl), cursor: null, limit: 10 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      const connectorError = error as ConnectorError;
      expect(connectorError.message).not.toContain(TOKEN);
      expect(connectorError.message).not.toContain(GROUP_TOKEN);
      return connectorError;
    }

    it.each([
      ['error_5_auth_failed.json', 'auth_revoked', 5],
      ['own_error_6_too_many_requests.json', 'rate_limited', 6],
      ['own_error_9_flood_control.json', 'rate_limited', 9],
      ['own_error_10_internal.json', 'transient', 10],
      ['error_14_captcha.json', 'auth_revoked', 14],
      ['error_15_access_denied.json', 'not_permitted', 15],
      ['own_error_29_rate_limit_reached.json', 'rate_limited', 29],
    ])('%s → %s', async (file, kind, code) => {
      const error = await searchError(fx(file));
      expect(error.kind).toBe(kind);
      expect(error.details.platformCode).toBe(code);
    });

    it('waits a second after error 6, until the next Moscow midnight after error 29', async () => {
      expect((await searchError(fx('own_error_6_too_many_requests.json'))).details.retryAfterMs).toBe(1000);
      const error = await searchError(fx('own_error_29_rate_limit_reached.json'));
      expect(error.details.resumeAt).toBe('2019-08-03T21:00:00.000Z');
      expect(nextMoscowMidnight(Date.parse('2019-08-03T20:59:00Z'))).toBe('2019-08-03T21:00:00.000Z');
      expect(nextMoscowMidnight(Date.parse('2019-08-03T21:00:00Z'))).toBe('2019-08-04T21:00:00.000Z');
    });

    it('maps HTTP failures: 5xx transient, a non-JSON body transient', async () => {
      expect((await searchError('<html>bad gateway</html>', 502)).kind).toBe('transient');
      expect((await searchError('<html>oops</html>', 200)).kind).toBe('transient');
    });

    it('never puts the token into an error even when VK echoes it', async () => {
      const echoed = { error: { error_code: 100, error_msg: `One of the parameters specified was missing or invalid: access_token ${TOKEN}` } };
      const error = await searchError(echoed);
      expect(error.kind).toBe('bad_request');
      expect(error.message).toContain('[redacted]');
    });

    it('times out as transient', async () => {
      handler = () => ({ body: fx('newsfeed.search_next_from.json'), delayMs: 500 });
      const error = await new VkConnector(http(undefined, 100)).fetch({ source: vkSource(server.baseUrl), cursor: null, limit: 10 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'transient' });
    });

    it('refuses a cursor it did not write', async () => {
      await expect(new VkConnector(http()).fetch({ source: vkSource(server.baseUrl), cursor: '{"v":9}', limit: 10 })).rejects.toMatchObject({
        kind: 'bad_request',
      });
    });
  });

  describe('self-throttling', () => {
    it('keeps to 3 calls per second per token on the injected clock', async () => {
      handler = (request) => ({ body: method(request) === 'wall.get' ? fx('own_wall.get_community.json') : fx('wall.getComments_threads.json') });
      const clock = new ManualClock(Date.parse('2019-08-03T00:00:00Z'));
      const stamps: number[] = [];
      const countingFetch: typeof fetch = (input, init) => {
        stamps.push(clock.now());
        return globalThis.fetch(input, init);
      };
      const connector = new VkConnector({ fetch: countingFetch, clock, timeoutMs: 2000 });
      // wall.get, one top-level page, two branches (threads with replies not inline), plus searching 'Парсинг'
      handler = (request) => {
        if (method(request) === 'newsfeed.search') return { body: fx('own_newsfeed.search_page2_last.json') };
        if (method(request) === 'wall.get') return { body: fx('own_wall.get_community.json') };
        return { body: request.form.get('comment_id') ? fx('own_wall.getComments_branch.json') : fx('wall.getComments_threads.json') };
      };
      const source = vkSource(server.baseUrl, { options: { baseUrl: `${server.baseUrl}/method`, groupId: 69459624 } });
      await connector.fetch({ source, cursor: null, limit: 50 });
      expect(stamps.length).toBeGreaterThanOrEqual(5);
      for (let i = 3; i < stamps.length; i += 1) expect(stamps[i]! - stamps[i - 3]!).toBeGreaterThanOrEqual(1000);
      expect(clock.sleeps.length).toBeGreaterThan(0);
    });
  });

  describe('Callback API', () => {
    const connector = () => new VkConnector(http());
    const push = (body: unknown, source = vkSource('http://unused')) =>
      connector().receive({ source: { ...source, options: { ...source.options, groupId: 1234 } }, headers: {}, rawBody: Buffer.from(JSON.stringify(body)) });
    const signed = (file: string, secret = 'cb-secret-42') => ({ ...(fx(file) as object), secret });

    it('answers the confirmation request with the confirmation string', async () => {
      const result = await push({ type: 'confirmation', group_id: 1234, secret: 'cb-secret-42' });
      expect(result).toEqual({ mentions: [], rejected: [], responseBody: 'a1b2c3d4' });
    });

    it('turns wall_reply_new into a comment mention and answers ok', async () => {
      const result = await push(signed('callback_wall_reply_new.json'));
      expect(result.responseBody).toBe('ok');
      expect(result.mentions).toHaveLength(1);
      expect(result.mentions[0]).toMatchObject({
        externalId: 'comment:-1234_6_9',
        threadExternalId: 'post:-1234_6',
        inReplyTo: 'post:-1234_6',
        author: { id: 'vk:123' },
        text: 'test',
        publishedAt: '2018-08-04T17:23:47.000Z',
        isPrivate: false,
        origin: 'owned',
      });
    });

    it('turns message_new (5.103+ shape) into a private mention; skips our own message_reply; keeps wall_post_new from a visitor', async () => {
      const dm = await push({ ...signed('callback_message_new.json'), group_id: 1234 });
      expect(dm.mentions[0]).toMatchObject({
        externalId: 'message:123456789_985',
        threadExternalId: 'dialog:123456789',
        isPrivate: true,
        text: 'f',
        url: 'https://vk.com/gim1234?sel=123456789',
      });
      const own = await push(signed('callback_message_reply.json'));
      expect(own).toEqual({ mentions: [], rejected: [], responseBody: 'ok' });
      const post = await push(signed('callback_wall_post_new.json'));
      expect(post.mentions.map((m) => m.externalId)).toEqual(['post:-1234_6']);
    });

    it('rejects a wrong or missing secret and an event for another community', async () => {
      await expect(push(signed('callback_wall_reply_new.json', 'wrong'))).rejects.toMatchObject({ kind: 'bad_request' });
      await expect(push(fx('callback_wall_reply_new.json'))).rejects.toMatchObject({ kind: 'bad_request' });
      await expect(push({ ...signed('callback_wall_reply_new.json'), group_id: 999 })).rejects.toMatchObject({ kind: 'bad_request' });
      const noSecret = vkSource('http://unused', { credentials: { accessToken: TOKEN } });
      await expect(push(signed('callback_wall_reply_new.json'), noSecret)).rejects.toMatchObject({ kind: 'auth_revoked' });
    });

    it('dead-letters a malformed event object, still answering ok', async () => {
      const result = await push({ type: 'wall_reply_new', object: { id: 9, text: 'no ids' }, group_id: 1234, secret: 'cb-secret-42', event_id: 'e1' });
      expect(result.responseBody).toBe('ok');
      expect(result.rejected).toEqual([{ externalId: 'wall_reply_new:e1', reason: 'vk comment: missing id, owner or post id', raw: { id: 9, text: 'no ids' } }]);
    });
  });

  describe('replies', () => {
    const groupSource = () => vkSource(server.baseUrl, { options: { baseUrl: `${server.baseUrl}/method`, groupId: 69459624 } });
    const comment: NormalisedMention = {
      externalId: 'comment:-69459624_482121_482124',
      channel: 'vk',
      lang: null,
      publishedAt: '2019-03-21T14:59:56.000Z',
      isPrivate: false,
      author: { id: 'vk:287979664', handle: 'anna_k', followers: 87, accountCreatedAt: null, verified: false, kind: null },
      threadExternalId: 'post:-69459624_482121',
      inReplyTo: 'post:-69459624_482121',
      brand: 'Бренд',
      text: 'Текст 1го комментария',
      raw: { id: 482124, parents_stack: [] },
    };
    const outbound = (visibility: 'public' | 'private', body = 'Здравствуйте! Напишите нам в сообщения сообщества, разберёмся.'): OutboundMessage => ({
      source: groupSource(),
      idempotencyKey: 'reply-7f3a',
      visibility,
      body,
      inReplyTo: comment,
    });

    /** A fake VK that really keeps what was posted, so findSent can find it. */
    function statefulVk(options: { slowFirstPost?: boolean; dmError?: unknown } = {}) {
      const comments: Array<Record<string, unknown>> = [];
      const messages: Array<Record<string, unknown>> = [];
      let posts = 0;
      return (request: RecordedRequest): FakeResponse => {
        const form = request.form;
        switch (method(request)) {
          case 'wall.createComment': {
            posts += 1;
            const id = 482300 + comments.length;
            comments.push({ id, from_id: Number(`-${form.get('from_group')}`), text: form.get('message'), parents_stack: [Number(form.get('reply_to_comment'))] });
            return { body: { response: { comment_id: id, parents_stack: [Number(form.get('reply_to_comment'))] } }, delayMs: options.slowFirstPost && posts === 1 ? 600 : 0 };
          }
          case 'wall.getComments':
            return { body: { response: { count: comments.length, items: [...comments].reverse() } } };
          case 'messages.send': {
            if (options.dmError) return { body: options.dmError };
            posts += 1;
            const id = 210525 + messages.length;
            messages.push({ id, out: 1, peer_id: Number(form.get('peer_id')), random_id: Number(form.get('random_id')), text: form.get('message') });
            return { body: { response: id }, delayMs: options.slowFirstPost && posts === 1 ? 600 : 0 };
          }
          case 'messages.getHistory':
            return { body: { response: { count: messages.length, items: [...messages].reverse() } } };
          default:
            return { status: 404 };
        }
      };
    }

    it('comments from the community into the thread with an idempotency guid', async () => {
      handler = statefulVk();
      const sent = await new VkConnector(http()).replyPublic(outbound('public'));
      expect(sent).toEqual({ platformId: 'comment:-69459624_482121_482300', url: 'https://vk.com/wall-69459624_482121?reply=482300' });
      const call = server.requests[0]!;
      expect(method(call)).toBe('wall.createComment');
      expect(Object.fromEntries(call.form)).toMatchObject({
        owner_id: '-69459624',
        post_id: '482121',
        reply_to_comment: '482124',
        from_group: '69459624',
        guid: 'reply-7f3a',
        access_token: GROUP_TOKEN,
      });
    });

    it('posts once when the first attempt times out: the retry finds the comment', async () => {
      handler = statefulVk({ slowFirstPost: true });
      const connector = createConnector('vk', { ...loopbackAllowed, timeoutMs: 300 });
      const first = await deliverReply(connector, outbound('public'), { previousOutcomeUnknown: false }).catch((e: unknown) => e);
      expect(outcomeUnknown(first)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const second = await deliverReply(connector, outbound('public'), { previousOutcomeUnknown: true });
      expect(second.platformId).toBe('comment:-69459624_482121_482300');
      expect(server.requests.filter((r) => method(r) === 'wall.createComment')).toHaveLength(1);
    });

    it('retries for real when findSent finds nothing', async () => {
      handler = statefulVk();
      const connector = createConnector('vk', loopbackAllowed);
      await deliverReply(connector, outbound('public'), { previousOutcomeUnknown: true });
      expect(server.requests.map(method)).toEqual(['wall.getComments', 'wall.createComment']);
    });

    it('sends a DM once with a stable random_id, even after a timeout', async () => {
      handler = statefulVk({ slowFirstPost: true });
      const connector = createConnector('vk', { ...loopbackAllowed, timeoutMs: 300 });
      await expect(deliverReply(connector, outbound('private'), { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'transient' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const sent = await deliverReply(connector, outbound('private'), { previousOutcomeUnknown: true });
      expect(sent).toEqual({ platformId: 'message:287979664_210525', url: null });
      const sends = server.requests.filter((r) => method(r) === 'messages.send');
      expect(sends).toHaveLength(1);
      expect(sends[0]!.form.get('random_id')).toBe(String(randomIdFor('reply-7f3a')));
      expect(sends[0]!.form.get('peer_id')).toBe('287979664');
    });

    it.each(['own_error_901_messages_denied.json', 'own_error_902_privacy.json'])('%s: DM impossible → not_permitted', async (file) => {
      handler = statefulVk({ dmError: fx(file) });
      await expect(new VkConnector(http()).sendPrivate(outbound('private'))).rejects.toMatchObject({ kind: 'not_permitted' });
    });

    it('reads the message id from the peer_ids array answer too', async () => {
      handler = () => ({ body: fx('messages.send_peer_ids_result.json') });
      const sent = await new VkConnector(http()).sendPrivate(outbound('private'));
      expect(sent.platformId).toBe('message:287979664_210525');
    });

    it('refuses an empty or too long reply before calling VK', async () => {
      handler = statefulVk();
      await expect(new VkConnector(http()).replyPublic(outbound('public', 'x'.repeat(4097)))).rejects.toMatchObject({ kind: 'bad_request' });
      await expect(new VkConnector(http()).replyPublic(outbound('public', '  '))).rejects.toMatchObject({ kind: 'bad_request' });
      expect(server.requests).toHaveLength(0);
    });

    it('maps flood control on a comment to a long wait', async () => {
      handler = () => ({ body: fx('own_error_9_flood_control.json') });
      await expect(new VkConnector(http()).replyPublic(outbound('public'))).rejects.toMatchObject({
        kind: 'rate_limited',
        details: { retryAfterMs: 30 * 60 * 1000 },
      });
    });
  });
});
