import type { NormalisedMention, OutboundMessage, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { createConnector } from '../connector-registry';
import { deliverReply } from '../reply-delivery';
import { cassette, fixtureJson } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { RedditConnector } from './reddit.connector';
import { normaliseRedditThing } from './reddit.normaliser';
import { loopbackAllowed } from '../testing/loopback-outbound';

const recorded = (file: string, index = 0) => cassette('reddit', file)[index]!.response;
const listing = (children: unknown[] = [], after: string | null = null) => ({ kind: 'Listing', data: { after, before: null, dist: children.length, children } });
const CLIENT_SECRET = 'reddit-client-secret-777';
const PASSWORD = 'hunter2-brand-password';

describe('Reddit connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;
  const http = (timeoutMs = 2000) => ({ fetch: globalThis.fetch, clock: new ManualClock(Date.parse('2025-06-19T17:00:00Z')), timeoutMs });
  const source = (options: Record<string, unknown> = {}, credentials?: Record<string, string>): SourceSettings => ({
    sourceId: 'src-reddit-1',
    query: { brand: 'PRAW', keywords: ['oauth'], exclusions: [] },
    options: { baseUrl: server.baseUrl, authBaseUrl: server.baseUrl, mentions: false, messages: false, ...options },
    credentials: credentials ?? { clientId: 'app-id-1', clientSecret: CLIENT_SECRET, username: 'brand_support', password: PASSWORD },
  });
  const api = (routes: Record<string, (request: RecordedRequest) => FakeResponse>) => (request: RecordedRequest): FakeResponse => {
    if (request.path === '/api/v1/access_token') return { body: fixtureJson('reddit', 'own_access_token.json') };
    const route = routes[`${request.method} ${request.path}`];
    return route ? route(request) : { status: 404, body: { message: 'Not Found', error: 404 } };
  };

  beforeEach(async () => {
    handler = api({});
    server = await startFakeServer((request) => handler(request));
  });
  afterEach(() => server.close());

  describe('polling', () => {
    it('gets a password-grant token, searches the brand terms, normalises posts, and does not deliver them twice', async () => {
      handler = api({ 'GET /search': () => ({ body: recorded('search_listing_r_all.cassette.json').body }) });
      const connector = new RedditConnector(http());
      const first = await connector.fetch({ source: source(), cursor: null, limit: 100 });
      const [tokenCall, searchCall] = server.requests;
      expect(tokenCall!.headers.authorization).toBe(`Basic ${Buffer.from(`app-id-1:${CLIENT_SECRET}`).toString('base64')}`);
      expect(Object.fromEntries(tokenCall!.form)).toEqual({ grant_type: 'password', username: 'brand_support', password: PASSWORD });
      expect(searchCall!.headers.authorization).toBe('Bearer reddit-oauth-access-token-XYZ');
      expect(searchCall!.headers['user-agent']).toBe('server:otklik-connectors:1.0 (by /u/brand_support)');
      expect(Object.fromEntries(searchCall!.url.searchParams)).toEqual({ q: '"PRAW" OR "oauth"', sort: 'new', t: 'week', limit: '100', raw_json: '1' });
      expect(first.rejected).toEqual([]);
      expect(first.mentions).toHaveLength(6);
      const post = first.mentions.find((m) => m.externalId === 't3_3gpbiu')!;
      expect(post).toMatchObject({
        channel: 'reddit',
        lang: null,
        publishedAt: '2015-08-12T09:08:34.000Z',
        isPrivate: false,
        author: { id: 'reddit:dClauzel', handle: 'u/dClauzel', followers: null, accountCreatedAt: null, verified: null, kind: null },
        threadExternalId: 't3_3gpbiu',
        inReplyTo: null,
        url: 'https://www.reddit.com/r/redditdev/comments/3gpbiu/prawoauth2util_problem_using_get_banned_raise/',
        likes: 0,
        origin: 'search',
      });
      expect(post.text.startsWith('[PRAW][OAuth2Util] Problem using get_banned() : raise Forbidden(_raw=response)\n\n# solved')).toBe(true);
      // Oldest first.
      expect(first.mentions.map((m) => m.publishedAt)).toEqual([...first.mentions.map((m) => m.publishedAt)].sort());

      const again = await connector.fetch({ source: source(), cursor: first.cursor, limit: 100 });
      expect(again.mentions).toEqual([]);
      // The token is cached: no second token call.
      expect(server.requests.filter((r) => r.path === '/api/v1/access_token')).toHaveLength(1);
    });

    it('reads username mentions and private messages as owned, following `after` while everything is new', async () => {
      const pages = cassette('reddit', 'inbox_messages_after_cursor.cassette.json');
      handler = api({
        'GET /message/mentions': () => ({ body: recorded('inbox_username_mentions.cassette.json').body }),
        'GET /message/messages': (request) => {
          const after = request.url.searchParams.get('after');
          if (!after) return { body: pages[0]!.response.body };
          if (after === 't4_21qtjn8') return { body: pages[1]!.response.body };
          return { body: listing() };
        },
      });
      const resumed = JSON.stringify({ v: 1, streams: { mentions: { seen: [], newest: 0 }, messages: { seen: ['t4_old'], newest: 1 } } });
      const result = await new RedditConnector(http()).fetch({ source: source({ search: false, mentions: true, messages: true }), cursor: resumed, limit: 100 });
      expect(server.requests.filter((r) => r.path === '/message/messages').map((r) => r.url.searchParams.get('after'))).toEqual([null, 't4_21qtjn8', 't4_purqxp']);
      const mention = result.mentions.find((m) => m.externalId === 't1_ekftbox')!;
      expect(mention).toMatchObject({
        origin: 'owned',
        isPrivate: false,
        threadExternalId: 't3_bb24k7',
        inReplyTo: 't3_bb24k7',
        author: { id: 'reddit:2Botter2Loop' },
        url: 'https://www.reddit.com/r/RemovedByBotter/comments/bb24k7/just_a_normal_girl_going_for_her_10th_class_exam/ekftbox/',
      });
      const dm = result.mentions.find((m) => m.externalId === 't4_2r17c8r')!;
      expect(dm).toMatchObject({
        origin: 'owned',
        isPrivate: true,
        threadExternalId: 't4_2r17c8r',
        inReplyTo: null,
        text: 'Test message\n\ntest',
        author: { id: 'reddit:Lil_SpazTest' },
        url: 'https://www.reddit.com/message/messages/2r17c8r',
        publishedAt: '2025-05-21T15:36:58.000Z',
      });
      expect(result.mentions.filter((m) => m.isPrivate)).toHaveLength(6);
    });

    it('reads new comments of an owned subreddit, oldest first, with thread and parent', async () => {
      handler = api({
        'GET /r/brand/new': () => ({ body: listing() }),
        'GET /r/brand/comments': () => ({ body: recorded('subreddit_comments_stream_before_cursor.cassette.json').body }),
      });
      const result = await new RedditConnector(http()).fetch({ source: source({ search: false, ownedSubreddits: ['r/brand'] }), cursor: null, limit: 100 });
      expect(result.mentions.map((m) => [m.externalId, m.threadExternalId, m.inReplyTo, m.origin])).toEqual([
        ['t1_k3ynm7c', 't3_172thsp', 't3_172thsp', 'owned'],
        ['t1_k3ynwqb', 't3_172thsp', 't1_k3ynm7c', 'owned'],
        ['t1_k3yrfii', 't3_agi5zf', 't1_k3u4rtt', 'owned'],
      ]);
      expect(result.mentions[2]).toMatchObject({ text: 'Did it work?', likes: 1, url: 'https://www.reddit.com/r/<TEST_SUBREDDIT>/comments/agi5zf/<TEST_SUBREDDIT>/k3yrfii/' });
    });

    it('follows a watched post’s whole tree, expanding "more" stubs with /api/morechildren', async () => {
      handler = api({
        'GET /comments/ablzuq': () => ({ body: recorded('submission_comments_tree_with_more.cassette.json').body }),
        'POST /api/morechildren': () => ({ body: recorded('morechildren.cassette.json').body }),
      });
      const result = await new RedditConnector(http()).fetch({ source: source({ search: false, watchPosts: ['ablzuq'] }), cursor: null, limit: 100 });
      const expand = server.requests.filter((r) => r.path === '/api/morechildren');
      expect(expand).toHaveLength(2);
      expect(expand[0]!.form.get('link_id')).toBe('t3_ablzuq');
      expect(expand[0]!.form.get('children')!.split(',')).toHaveLength(100);
      expect(expand[0]!.form.get('children')!.startsWith('efp5ww0,eda7sqp')).toBe(true);
      expect(result.mentions.map((m) => m.externalId).sort()).toEqual(['t1_ed1czme', 't1_ed1d2z7', 't1_ed1kaog', 't1_ed1nf5s', 't1_ed1q3oe', 't1_eegnz76']);
      expect(result.mentions.find((m) => m.externalId === 't1_ed1q3oe')).toMatchObject({ threadExternalId: 't3_ablzuq', inReplyTo: 't1_ed1nf5s', origin: 'owned' });
    });

    it('stops at the limit and delivers the rest next time', async () => {
      handler = api({ 'GET /search': () => ({ body: recorded('search_listing_r_all.cassette.json').body }) });
      const connector = new RedditConnector(http());
      const first = await connector.fetch({ source: source(), cursor: null, limit: 4 });
      expect(first).toMatchObject({ hasMore: true });
      expect(first.mentions).toHaveLength(4);
      const second = await connector.fetch({ source: source(), cursor: first.cursor, limit: 4 });
      expect(second.mentions).toHaveLength(2);
      expect(new Set([...first.mentions, ...second.mentions].map((m) => m.externalId)).size).toBe(6);
    });

    it('rejects a malformed thing and keeps the rest; re-checks search hits by brand', async () => {
      const body = structuredClone(recorded('search_listing_r_all.cassette.json').body) as { data: { children: Array<{ data: Record<string, unknown> }> } };
      delete body.data.children[0]!.data['created_utc'];
      handler = api({ 'GET /search': () => ({ body }) });
      const narrow = { ...source(), query: { brand: 'Pagination', keywords: [], exclusions: [] } };
      const result = await createConnector('reddit', loopbackAllowed).fetch!({ source: narrow, cursor: null, limit: 100 });
      expect(result.rejected).toEqual([{ externalId: 't3_3gpbiu', reason: 'reddit t3_3gpbiu: missing created_utc', raw: body.data.children[0] }]);
      expect(result.mentions.map((m) => m.externalId)).toEqual(['t3_3qc02b']);
      expect(result.offTopic).toBe(4);
    });
  });

  describe('errors', () => {
    async function failure(answer: FakeResponse, credentials?: Record<string, string>): Promise<ConnectorError> {
      handler = (request) => (request.path === '/api/v1/access_token' ? { body: fixtureJson('reddit', 'own_access_token.json') } : answer);
      const error = await new RedditConnector(http()).fetch({ source: source({}, credentials), cursor: null, limit: 10 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      for (const secret of [CLIENT_SECRET, PASSWORD, 'reddit-oauth-access-token-XYZ', 'given-token-1']) expect((error as Error).message).not.toContain(secret);
      return error as ConnectorError;
    }
    const from = (file: string): FakeResponse => ({ status: recorded(file).status, headers: recorded(file).headers, body: recorded(file).body });

    it('401 → auth_revoked (after one fresh token), 403 → not_permitted, 429 → wait x-ratelimit-reset, 5xx → transient', async () => {
      expect((await failure(from('error_401_unauthorized.cassette.json'))).kind).toBe('auth_revoked');
      expect(server.requests.filter((r) => r.path === '/api/v1/access_token')).toHaveLength(2);
      expect((await failure(from('error_401_unauthorized.cassette.json'), { accessToken: 'given-token-1' })).kind).toBe('auth_revoked');
      expect((await failure(from('error_403_forbidden.cassette.json'))).kind).toBe('not_permitted');
      expect(await failure(from('own_error_429.cassette.json'))).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 42_000 } });
      expect((await failure({ status: 503, body: '<html>' })).kind).toBe('transient');
    });

    it('a refused token request → auth_revoked', async () => {
      handler = (request) => (request.path === '/api/v1/access_token' ? { body: { error: 'invalid_grant' } } : { status: 500 });
      await expect(new RedditConnector(http()).fetch({ source: source(), cursor: null, limit: 10 })).rejects.toMatchObject({ kind: 'auth_revoked' });
    });
  });

  describe('replies', () => {
    const target = (): NormalisedMention =>
      normaliseRedditThing(recorded('subreddit_comments_stream_before_cursor.cassette.json').body && (recorded('subreddit_comments_stream_before_cursor.cassette.json').body as { data: { children: unknown[] } }).data.children[0], {
        origin: 'owned',
        ownUsername: null,
      })!;
    const outbound = (visibility: 'public' | 'private', inReplyTo = target()): OutboundMessage => ({
      source: source(),
      idempotencyKey: 'reply-9',
      visibility,
      body: 'Comment reply',
      inReplyTo,
    });

    /** Keeps what was posted so /user/<me>/comments and /message/sent show it, as Reddit does. */
    function statefulReddit(options: { slowFirstPost?: boolean } = {}) {
      const comments: unknown[] = [];
      const sent: unknown[] = [];
      let posts = 0;
      return api({
        'POST /api/comment': (request) => {
          posts += 1;
          const answer = recorded('post_comment_reply_to_comment.cassette.json').body as { json: { data: { things: Array<{ data: Record<string, unknown> }> } } };
          const thing = structuredClone(answer.json.data.things[0]!);
          thing.data['parent_id'] = request.form.get('thing_id');
          thing.data['body'] = request.form.get('text');
          comments.unshift(thing);
          return { body: { json: { errors: [], data: { things: [thing] } } }, delayMs: options.slowFirstPost && posts === 1 ? 600 : 0 };
        },
        'POST /api/compose': (request) => {
          posts += 1;
          sent.unshift({ kind: 't4', data: { name: 't4_3abc123', id: '3abc123', dest: request.form.get('to'), body: request.form.get('text'), subject: request.form.get('subject') } });
          return { body: recorded('post_compose_private_message.cassette.json').body, delayMs: options.slowFirstPost && posts === 1 ? 600 : 0 };
        },
        'GET /user/brand_support/comments': () => ({ body: listing(comments) }),
        'GET /message/sent': () => ({ body: listing(sent) }),
      });
    }

    it('comments under the mention', async () => {
      handler = statefulReddit();
      const sent = await new RedditConnector(http()).replyPublic(outbound('public'));
      expect(sent).toEqual({ platformId: 't1_d1680wu', url: null });
      const call = server.requests.find((r) => r.path === '/api/comment')!;
      expect(Object.fromEntries(call.form)).toEqual({ api_type: 'json', thing_id: 't1_k3yrfii', text: 'Comment reply' });
    });

    it('posts once when the first attempt times out', async () => {
      handler = statefulReddit({ slowFirstPost: true });
      const connector = createConnector('reddit', { ...loopbackAllowed, timeoutMs: 300 });
      await expect(deliverReply(connector, outbound('public'), { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'transient' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await deliverReply(connector, outbound('public'), { previousOutcomeUnknown: true })).toMatchObject({ platformId: 't1_d1680wu' });
      expect(server.requests.filter((r) => r.path === '/api/comment')).toHaveLength(1);
    });

    it('sends a private message by compose, reads its id back, and never twice after a timeout', async () => {
      handler = statefulReddit({ slowFirstPost: true });
      const connector = createConnector('reddit', { ...loopbackAllowed, timeoutMs: 300 });
      await expect(deliverReply(connector, outbound('private'), { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'transient' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await deliverReply(connector, outbound('private'), { previousOutcomeUnknown: true })).toEqual({
        platformId: 't4_3abc123',
        url: 'https://www.reddit.com/message/messages/3abc123',
      });
      const composes = server.requests.filter((r) => r.path === '/api/compose');
      expect(composes).toHaveLength(1);
      expect(Object.fromEntries(composes[0]!.form)).toEqual({ api_type: 'json', to: 'Acceptable-Bread-566', subject: 'Re: <TEST_SUBREDDIT>', text: 'Comment reply' });
    });

    it('answers a private message inside its conversation', async () => {
      handler = api({ 'POST /api/comment': () => ({ body: recorded('post_comment_reply_to_private_message.cassette.json').body }) });
      const pm = normaliseRedditThing((recorded('inbox_messages_after_cursor.cassette.json').body as { data: { children: unknown[] } }).data.children[0], { origin: 'owned', ownUsername: null })!;
      const sent = await new RedditConnector(http()).sendPrivate(outbound('private', pm));
      expect(sent.platformId).toBe('t4_zzzzzzzzzzzz');
      expect(server.requests.find((r) => r.path === '/api/comment')!.form.get('thing_id')).toBe('t4_2r17c8r');
    });

    it('maps errors inside a 200: RATELIMIT → rate_limited for the time given, THREAD_LOCKED → not_permitted', async () => {
      handler = api({ 'POST /api/comment': () => ({ body: fixtureJson('reddit', 'own_post_comment_ratelimit.json') }) });
      await expect(new RedditConnector(http()).replyPublic(outbound('public'))).rejects.toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 6000 } });
      handler = api({ 'POST /api/comment': () => ({ body: fixtureJson('reddit', 'own_post_comment_thread_locked.json') }) });
      await expect(new RedditConnector(http()).replyPublic(outbound('public'))).rejects.toMatchObject({ kind: 'not_permitted' });
    });
  });
});
