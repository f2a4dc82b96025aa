import type { NormalisedMention, OutboundMessage, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { createConnector } from '../connector-registry';
import { deliverReply } from '../reply-delivery';
import { cassette, fixtureJson } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { XConnector } from './x.connector';
import { normaliseTweet, usersById } from './x.normaliser';
import { loopbackAllowed } from '../testing/loopback-outbound';

const APP_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAx-app-bearer';
const USER_TOKEN = 'user-oauth2-token-QQQ';
const recorded = (file: string, index = 0) => cassette('x', file)[index]!.response;
const replay = (file: string, index = 0): FakeResponse => ({ status: recorded(file, index).status, headers: recorded(file, index).headers, body: recorded(file, index).body });
const threadPage = () => recorded('search_all_expansions_conversation_replies.httptest.json').body as { data: Array<Record<string, unknown>> };

describe('X connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;
  const NOW = Date.parse('2022-10-07T22:00:00Z');
  const http = (timeoutMs = 2000) => ({ fetch: globalThis.fetch, clock: new ManualClock(NOW), timeoutMs });
  const source = (options: Record<string, unknown> = {}): SourceSettings => ({
    sourceId: 'src-x-1',
    query: { brand: 'IchBinHanna', keywords: ['Hanna'], exclusions: [] },
    options: { baseUrl: server.baseUrl, ...options },
    credentials: { bearerToken: APP_TOKEN, userAccessToken: USER_TOKEN },
  });

  beforeEach(async () => {
    handler = () => ({ status: 404, body: { title: 'Not Found Error', type: 'about:blank', status: 404, detail: 'Not found' } });
    server = await startFakeServer((request) => handler(request));
  });
  afterEach(() => server.close());

  describe('search', () => {
    it('asks for the expansions and normalises every field from them', async () => {
      handler = () => replay('search_all_expansions_conversation_replies.httptest.json');
      const result = await new XConnector(http()).fetch({ source: source(), cursor: null, limit: 100 });
      const call = server.requests[0]!;
      expect(call.path).toBe('/2/tweets/search/recent');
      expect(call.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
      expect(Object.fromEntries(call.url.searchParams)).toEqual({
        query: '("IchBinHanna" OR "Hanna") -is:retweet',
        max_results: '100',
        expansions: 'author_id,referenced_tweets.id,in_reply_to_user_id',
        'tweet.fields': 'author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets,lang,public_metrics',
        'user.fields': 'created_at,public_metrics,username,verified,verified_type',
      });
      expect(result.rejected).toEqual([]);
      expect(result.mentions).toHaveLength(15);
      const reply = result.mentions.find((m) => m.externalId === '1403292134736814082')!;
      expect(reply).toEqual({
        externalId: '1403292134736814082',
        channel: 'x',
        lang: 'de',
        publishedAt: reply.publishedAt,
        isPrivate: false,
        author: { id: 'x:1238776140094996481', handle: expect.stringMatching(/^@/), followers: 918, accountCreatedAt: '2020-03-14T10:37:37.000Z', verified: false, kind: null },
        threadExternalId: '1402982550675488784',
        inReplyTo: '1403196903794294784',
        brand: null,
        text: reply.text,
        url: `https://x.com/${reply.author.handle!.slice(1)}/status/1403292134736814082`,
        likes: expect.any(Number),
        reposts: expect.any(Number),
        origin: 'search',
        raw: threadPage().data[1],
      });
      expect(reply.publishedAt).toBe(threadPage().data[1]!['created_at']);
      expect(result.mentions.find((m) => m.externalId === '1403253091995197442')!.text).toContain('Wissenschaftler & Studierende');
      expect(JSON.parse(result.cursor!)).toEqual({ v: 1, streams: { search: { sinceId: '1403438596695134209', nextToken: null, windowNewest: null } } });
      expect(result.hasMore).toBe(false);
    });

    it('pages back with next_token to since_id, then moves since_id to the window’s newest; skips retweets', async () => {
      handler = (request) =>
        request.url.searchParams.get('pagination_token') ? replay('search_all_expansions_conversation_replies.httptest.json') : replay('search_all_page_next_token_partial_errors.httptest.json');
      const connector = new XConnector(http());
      const start = JSON.stringify({ v: 1, streams: { search: { sinceId: '1274000000000000000', nextToken: null, windowNewest: null } } });
      const first = await connector.fetch({ source: source(), cursor: start, limit: 100 });
      expect(server.requests[0]!.url.searchParams.get('since_id')).toBe('1274000000000000000');
      const page = recorded('search_all_page_next_token_partial_errors.httptest.json').body as { data: Array<{ referenced_tweets?: Array<{ type: string }> }> };
      const retweets = page.data.filter((t) => t.referenced_tweets?.some((r) => r.type === 'retweeted')).length;
      expect(retweets).toBeGreaterThan(0);
      expect(first.mentions).toHaveLength(page.data.length - retweets);
      expect(first.hasMore).toBe(true);
      const second = await connector.fetch({ source: source(), cursor: first.cursor, limit: 100 });
      const paged = server.requests[1]!.url.searchParams;
      expect(paged.get('pagination_token')).toBe('b26v89c19zqg8o3fo7gedbxl6afww1zmsj1lrnbjjeyd9');
      expect(paged.get('since_id')).toBe('1274000000000000000');
      expect(second.hasMore).toBe(false);
      expect(JSON.parse(second.cursor!).streams.search).toEqual({ sinceId: '1274491978302930944', nextToken: null, windowNewest: null });
    });

    it('rejects tweets that came back without the requested fields, one by one', async () => {
      handler = () => replay('search_recent_next_token.cassette.json');
      const result = await new XConnector(http()).fetch({ source: source(), cursor: null, limit: 100 });
      expect(result.mentions).toEqual([]);
      expect(result.rejected).toHaveLength(10);
      expect(result.rejected[0]).toMatchObject({ externalId: '1578516068309794817', reason: 'x tweet 1578516068309794817: missing author_id (tweet.fields not returned)' });
    });

    it('reads the brand account’s mentions as owned with the user token, and its own tweets are skipped', async () => {
      handler = (request) => (request.path === '/2/users/1238776140094996481/mentions' ? replay('search_all_expansions_conversation_replies.httptest.json') : { status: 404 });
      const result = await new XConnector(http()).fetch({ source: source({ search: false, mentionsUserId: '1238776140094996481' }), cursor: null, limit: 100 });
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${USER_TOKEN}`);
      expect(result.mentions.every((m) => m.origin === 'owned')).toBe(true);
      expect(result.mentions.map((m) => m.author.id)).not.toContain('x:1238776140094996481');
      expect(result.mentions.length).toBe(15 - threadPage().data.filter((t) => t['author_id'] === '1238776140094996481').length);
    });

    it('leaves a stream for the next call when fewer than 10 are wanted', async () => {
      const result = await new XConnector(http()).fetch({ source: source(), cursor: null, limit: 5 });
      expect(server.requests).toHaveLength(0);
      expect(result.hasMore).toBe(true);
    });

    it('drops hits that do not name the brand', async () => {
      handler = () => replay('search_all_expansions_conversation_replies.httptest.json');
      const narrow = { ...source(), query: { brand: 'Wissenschaftler', keywords: [], exclusions: [] } };
      const result = await createConnector('x', loopbackAllowed).fetch!({ source: narrow, cursor: null, limit: 100 });
      expect(result.mentions.length).toBeGreaterThan(0);
      expect(result.mentions.every((m) => /wissenschaftler/i.test(m.text))).toBe(true);
      expect(result.mentions.length + result.offTopic!).toBe(15);
    });
  });

  describe('errors', () => {
    async function failure(answer: FakeResponse): Promise<ConnectorError> {
      handler = () => answer;
      const error = await new XConnector(http()).fetch({ source: source(), cursor: null, limit: 100 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as Error).message).not.toContain(APP_TOKEN);
      return error as ConnectorError;
    }

    it('401 → auth_revoked; 400 → bad_request with the reason; 5xx → transient', async () => {
      expect((await failure(replay('error_401_unauthorized.httptest.json'))).kind).toBe('auth_revoked');
      expect(await failure(replay('error_400_invalid_request.httptest.json'))).toMatchObject({ kind: 'bad_request', message: expect.stringContaining("'start_time' must be before 'end_time'") });
      expect((await failure({ status: 503, body: 'Service Unavailable' })).kind).toBe('transient');
    });

    it('429 → rate_limited until x-rate-limit-reset (epoch seconds)', async () => {
      expect(await failure(replay('own_error_429.cassette.json'))).toMatchObject({
        kind: 'rate_limited',
        details: { resumeAt: '2022-10-07T22:53:49.000Z', retryAfterMs: Date.parse('2022-10-07T22:53:49.000Z') - NOW, status: 429 },
      });
    });
  });

  describe('replies', () => {
    const page = threadPage();
    const target = (): NormalisedMention => normaliseTweet(page.data[1], { users: usersById(page), origin: 'search', ownUserId: null })!;
    const outbound = (visibility: 'public' | 'private'): OutboundMessage => ({ source: source(), idempotencyKey: 'reply-x-1', visibility, body: 'Test Tweet', inReplyTo: target() });
    const ME = '1072250532645998596';

    /** Remembers posts so /2/users/:me/tweets and the DM conversation show them. */
    function statefulX(slowFirstPost = false) {
      const tweets: unknown[] = [];
      const events: unknown[] = [];
      let posts = 0;
      return (request: RecordedRequest): FakeResponse => {
        if (request.method === 'POST' && request.path === '/2/tweets') {
          posts += 1;
          const sent = request.json() as { text: string; reply: { in_reply_to_tweet_id: string } };
          const answer = recorded('post_tweet_201.cassette.json');
          const data = (answer.body as { data: { id: string } }).data;
          tweets.unshift({ id: data.id, text: sent.text, referenced_tweets: [{ type: 'replied_to', id: sent.reply.in_reply_to_tweet_id }] });
          return { status: 201, headers: answer.headers, body: answer.body, delayMs: slowFirstPost && posts === 1 ? 600 : 0 };
        }
        if (request.method === 'POST' && request.path === '/2/dm_conversations/with/1238776140094996481/messages') {
          posts += 1;
          const answer = recorded('dm_conversations_send_and_lookup.cassette.json');
          const data = (answer.body as { data: { dm_event_id: string } }).data;
          events.unshift({ id: data.dm_event_id, event_type: 'MessageCreate', text: (request.json() as { text: string }).text, sender_id: ME });
          return { status: 201, body: answer.body, delayMs: slowFirstPost && posts === 1 ? 600 : 0 };
        }
        if (request.path === '/2/users/me') return { body: { data: { id: ME, name: 'Brand', username: 'brand' } } };
        if (request.path === `/2/users/${ME}/tweets`) return { body: { data: tweets, meta: { result_count: tweets.length } } };
        if (request.path === '/2/dm_conversations/with/1238776140094996481/dm_events') return { body: { data: events, meta: { result_count: events.length } } };
        return { status: 404 };
      };
    }

    it('replies with reply.in_reply_to_tweet_id on the user token', async () => {
      handler = statefulX();
      const sent = await new XConnector(http()).replyPublic(outbound('public'));
      expect(sent).toEqual({ platformId: '1456012973835788293', url: 'https://x.com/i/web/status/1456012973835788293' });
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${USER_TOKEN}`);
      expect(server.requests[0]!.json()).toEqual({ text: 'Test Tweet', reply: { in_reply_to_tweet_id: '1403292134736814082' } });
    });

    it.each(['public', 'private'] as const)('posts a %s reply once when the first attempt times out', async (visibility) => {
      handler = statefulX(true);
      const connector = createConnector('x', { ...loopbackAllowed, timeoutMs: 300 });
      await expect(deliverReply(connector, outbound(visibility), { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'transient' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const sent = await deliverReply(connector, outbound(visibility), { previousOutcomeUnknown: true });
      expect(sent.platformId).toBe(visibility === 'public' ? '1456012973835788293' : 'dm:1585800613253812228');
      expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      if (visibility === 'public') expect(server.requests.find((r) => r.path === `/2/users/${ME}/tweets`)!.url.searchParams.get('since_id')).toBe('1403292134736814082');
    });

    it('a DM the recipient does not accept → not_permitted', async () => {
      handler = () => ({ status: 403, body: fixtureJson('x', 'own_error_403_dm_not_allowed.json') });
      await expect(new XConnector(http()).sendPrivate(outbound('private'))).rejects.toMatchObject({ kind: 'not_permitted' });
    });

    it('refuses a reply over 280 characters before posting', async () => {
      await expect(new XConnector(http()).replyPublic({ ...outbound('public'), body: 'x'.repeat(281) })).rejects.toMatchObject({ kind: 'bad_request' });
      expect(server.requests).toHaveLength(0);
    });
  });
});
