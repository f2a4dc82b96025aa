import type { NormalisedMention, OutboundMessage, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { createConnector } from '../connector-registry';
import { deliverReply } from '../reply-delivery';
import { fixtureJson } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { YoutubeConnector } from './youtube.connector';
import { loopbackAllowed } from '../testing/loopback-outbound';
import { fakeGoogleTokenEndpoint, TOKEN_PATH, type FakeGoogleTokenEndpoint } from '../testing/fake-google-token';

const fx = (file: string) => fixtureJson('youtube', file);
const API_KEY = 'AIzaSy-test-key-000111';
const ACCESS_TOKEN = 'ya29.youtube-oauth-token';
const THREAD = 'Ugw5zYU6n9pmIgAZWvN4AaABAg';
const CLIENT_ID = '123-abc.apps.googleusercontent.com';
const CLIENT_SECRET = 'GOCSPX-youtube-client-secret';
const REFRESH_TOKEN = '1//0youtube-refresh-token-of-the-owner';

describe('YouTube connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;
  const NOW = Date.parse('2026-07-15T20:00:00Z');
  const http = (timeoutMs = 2000) => ({ fetch: globalThis.fetch, clock: new ManualClock(NOW), timeoutMs });
  const source = (options: Record<string, unknown> = {}, credentials: Record<string, string> = { apiKey: API_KEY }): SourceSettings => ({
    sourceId: 'src-yt-1',
    query: { brand: 'Brand', keywords: [], exclusions: [] },
    options: { baseUrl: `${server.baseUrl}/youtube/v3`, ...options },
    credentials,
  });
  const channelRoutes = (request: RecordedRequest): FakeResponse => {
    if (request.path === '/youtube/v3/commentThreads') return { body: fx('own_commentThreads.list_channel_with_replies.json') };
    if (request.path === '/youtube/v3/comments') {
      return { body: request.url.searchParams.get('pageToken') ? fx('own_comments.list_by_parent_page2_last.json') : fx('comments.list_by_parent_replies_page1.json') };
    }
    return { status: 404, body: { error: { code: 404, message: 'Not Found', errors: [{ reason: 'notFound' }] } } };
  };

  beforeEach(async () => {
    handler = channelRoutes;
    server = await startFakeServer((request) => handler(request));
  });
  afterEach(() => server.close());

  /** The thread's top comment, as the connector delivered it: what a reply answers. */
  const top = (): NormalisedMention => ({
    externalId: THREAD,
    channel: 'youtube',
    lang: null,
    publishedAt: '2019-12-01T04:40:00.000Z',
    isPrivate: false,
    author: { id: 'youtube:UCNvMBmCASzTNNX8lW3JRMbw', handle: 'kun liu', followers: null, accountCreatedAt: null, verified: null, kind: null },
    threadExternalId: THREAD,
    inReplyTo: null,
    brand: 'Brand',
    text: 'Заказ не пришёл & поддержка молчит',
    raw: (fx('own_commentThreads.list_channel_with_replies.json') as { items: Array<{ snippet: { topLevelComment: unknown } }> }).items[0]!.snippet.topLevelComment,
  });

  describe('comments', () => {
    it('reads a video’s comment threads with the API key and normalises top-level comments', async () => {
      handler = (request) =>
        request.path === '/youtube/v3/commentThreads' ? { body: fx('commentThreads.list_by_video_page1_nextPageToken.json') } : { body: { items: [] } };
      const result = await new YoutubeConnector(http()).fetch({ source: source({ videoIds: ['F1UP7wRCPH8'] }), cursor: null, limit: 100 });
      const call = server.requests[0]!;
      expect(Object.fromEntries(call.url.searchParams)).toEqual({
        part: 'snippet,replies',
        videoId: 'F1UP7wRCPH8',
        order: 'time',
        textFormat: 'plainText',
        maxResults: '100',
        key: API_KEY,
      });
      expect(result.mentions.map((m) => m.externalId)).toEqual([
        'UgwI_ylXVnzPS8Q-oAV4AaABAg',
        'UgyKv8ziPYFJDGytM_J4AaABAg',
        'UgysQP-vp089eFP0Stl4AaABAg',
        'Ugy4OzAuz5uJuFt3FH54AaABAg',
        'UgyZ1jqkHKYvi1-ruOZ4AaABAg',
      ]);
      expect(result.mentions[4]).toEqual({
        externalId: 'UgyZ1jqkHKYvi1-ruOZ4AaABAg',
        channel: 'youtube',
        lang: null,
        publishedAt: '2019-11-26T15:51:44.000Z',
        isPrivate: false,
        author: { id: 'youtube:UCzj-CjKYmGlZ7vTL-vOe57A', handle: 'himani agarwal', followers: null, accountCreatedAt: null, verified: null, kind: null },
        threadExternalId: 'UgyZ1jqkHKYvi1-ruOZ4AaABAg',
        inReplyTo: null,
        brand: null,
        text: 'Google.com',
        url: 'https://www.youtube.com/watch?v=F1UP7wRCPH8&lc=UgyZ1jqkHKYvi1-ruOZ4AaABAg',
        likes: 0,
        reposts: null,
        origin: 'owned',
        raw: (fx('commentThreads.list_by_video_page1_nextPageToken.json') as { items: Array<{ snippet: { topLevelComment: unknown } }> }).items[0]!.snippet.topLevelComment,
      });
      // A thread with replies not inline: its replies were read with comments.list.
      expect(server.requests.some((r) => r.path === '/youtube/v3/comments' && r.url.searchParams.get('parentId') === 'UgwI_ylXVnzPS8Q-oAV4AaABAg')).toBe(true);
    });

    it('follows nextPageToken while a whole page is new, and never delivers a comment twice', async () => {
      handler = (request) =>
        request.path === '/youtube/v3/commentThreads'
          ? { body: request.url.searchParams.get('pageToken') ? fx('commentThreads.list_by_video_page2_last.json') : fx('commentThreads.list_by_video_page1_nextPageToken.json') }
          : { body: { items: [] } };
      const resumed = JSON.stringify({ v: 1, streams: { 'video:F1UP7wRCPH8': { seen: ['older-comment'], replyCounts: {} } } });
      const connector = new YoutubeConnector(http());
      const result = await connector.fetch({ source: source({ videoIds: ['F1UP7wRCPH8'] }), cursor: resumed, limit: 100 });
      const threadCalls = server.requests.filter((r) => r.path === '/youtube/v3/commentThreads');
      expect(threadCalls.map((r) => r.url.searchParams.get('pageToken'))).toEqual([null, expect.stringMatching(/^QURTSl9p/)]);
      expect(result.mentions).toHaveLength(5);
      const again = await connector.fetch({ source: source({ videoIds: ['F1UP7wRCPH8'] }), cursor: result.cursor, limit: 100 });
      expect(again.mentions).toEqual([]);
    });

    it('reads every reply of the brand channel’s threads across pages, skips the brand’s own, threads them under the top comment', async () => {
      const source_ = source({ channelId: 'UCBrandChannel0000000000' });
      const result = await new YoutubeConnector(http()).fetch({ source: source_, cursor: null, limit: 100 });
      expect(server.requests[0]!.url.searchParams.get('allThreadsRelatedToChannelId')).toBe('UCBrandChannel0000000000');
      expect(server.requests.filter((r) => r.path === '/youtube/v3/comments').map((r) => r.url.searchParams.get('pageToken'))).toEqual([null, expect.any(String)]);
      expect(result.mentions.map((m) => [m.text, m.inReplyTo, m.threadExternalId])).toEqual([
        ['Заказ не пришёл & поддержка молчит', null, THREAD],
        ['this is the first reply!', THREAD, THREAD],
        ['this is the second reply!', THREAD, THREAD],
        ['this is the third reply!', THREAD, THREAD],
      ]);
      expect(result.mentions[1]!.url).toBe(`https://www.youtube.com/watch?v=JE8xdDp5B8Q&lc=${THREAD}.91zT3cYb5B291za4first`);
      expect(JSON.parse(result.cursor!).streams['channel:UCBrandChannel0000000000'].replyCounts).toEqual({ [THREAD]: 4 });

      // Same reply count next time: no comments.list call.
      const before = server.requests.length;
      await new YoutubeConnector(http()).fetch({ source: source_, cursor: result.cursor, limit: 100 });
      expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/youtube/v3/commentThreads']);
    });

    it('stops at the limit and reads the cut thread again next time', async () => {
      const source_ = source({ channelId: 'UCBrandChannel0000000000' });
      const first = await new YoutubeConnector(http()).fetch({ source: source_, cursor: null, limit: 2 });
      expect(first.mentions).toHaveLength(2);
      expect(first.hasMore).toBe(true);
      expect(JSON.parse(first.cursor!).streams['channel:UCBrandChannel0000000000'].replyCounts).toEqual({});
      const second = await new YoutubeConnector(http()).fetch({ source: source_, cursor: first.cursor, limit: 10 });
      expect(second.mentions.map((m) => m.text)).toEqual(['this is the second reply!', 'this is the third reply!']);
    });

    it('uses the OAuth token instead of the key when there is one', async () => {
      await new YoutubeConnector(http()).fetch({ source: source({ channelId: 'UCBrandChannel0000000000' }, { apiKey: API_KEY, accessToken: ACCESS_TOKEN }), cursor: null, limit: 100 });
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
      expect(server.requests[0]!.url.searchParams.get('key')).toBeNull();
    });
  });

  describe('errors', () => {
    async function failure(status: number, body: unknown): Promise<ConnectorError> {
      handler = () => ({ status, body });
      const error = await new YoutubeConnector(http()).fetch({ source: source({ videoIds: ['F1UP7wRCPH8'] }), cursor: null, limit: 10 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as Error).message).not.toContain(API_KEY);
      return error as ConnectorError;
    }

    it('quotaExceeded → rate_limited until the next midnight Pacific time', async () => {
      expect(await failure(403, fx('own_error_403_quotaExceeded.json'))).toMatchObject({
        kind: 'rate_limited',
        details: { resumeAt: '2026-07-16T07:00:00.000Z', platformCode: 'quotaExceeded' },
      });
    });

    it('keyInvalid → auth_revoked, commentsDisabled → not_permitted, rateLimitExceeded → a short wait, 5xx → transient', async () => {
      expect((await failure(400, fx('error_400_keyInvalid.json'))).kind).toBe('auth_revoked');
      expect(await failure(403, fx('own_error_403_commentsDisabled.json'))).toMatchObject({ kind: 'not_permitted', message: expect.stringContaining('has disabled comments') });
      expect(await failure(403, { error: { code: 403, message: 'Rate limit', errors: [{ reason: 'rateLimitExceeded' }] } })).toMatchObject({
        kind: 'rate_limited',
        details: { retryAfterMs: 60_000 },
      });
      expect((await failure(503, { error: { code: 503, message: 'Backend Error', errors: [{ reason: 'backendError' }] } })).kind).toBe('transient');
    });
  });

  describe('replies', () => {
    const outbound = (): OutboundMessage => ({
      source: source({ channelId: 'UCa-vrCLQHviTOVnEKDOdetQ' }, { accessToken: ACCESS_TOKEN }),
      idempotencyKey: 'reply-yt',
      visibility: 'public',
      body: 'wow',
      inReplyTo: top(),
    });

    function statefulYoutube(slowFirstPost = false) {
      const replies: unknown[] = [];
      return (request: RecordedRequest): FakeResponse => {
        if (request.method === 'POST' && request.path === '/youtube/v3/comments') {
          const answer = fx('comments.insert_reply_response.json');
          replies.push(answer);
          return { body: answer, delayMs: slowFirstPost && replies.length === 1 ? 600 : 0 };
        }
        if (request.path === '/youtube/v3/comments') return { body: { kind: 'youtube#commentListResponse', items: replies } };
        return { status: 404 };
      };
    }

    it('replies under the thread’s top comment with the OAuth token', async () => {
      handler = statefulYoutube();
      const sent = await new YoutubeConnector(http()).replyPublic(outbound());
      expect(sent).toEqual({ platformId: 'Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt', url: 'https://www.youtube.com/watch?v=JE8xdDp5B8Q&lc=Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt' });
      expect(server.requests[0]!.url.searchParams.get('part')).toBe('snippet');
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
      expect(server.requests[0]!.json()).toEqual({ snippet: { parentId: THREAD, textOriginal: 'wow' } });
    });

    it('posts once when the first attempt times out', async () => {
      handler = statefulYoutube(true);
      const connector = createConnector('youtube', { ...loopbackAllowed, timeoutMs: 300 });
      await expect(deliverReply(connector, outbound(), { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'transient' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await deliverReply(connector, outbound(), { previousOutcomeUnknown: true })).platformId).toBe('Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt');
      expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    });

    it('has no private messages: the capability says so and delivery refuses', async () => {
      const connector = createConnector('youtube');
      expect(connector.capabilities.privateMessage).toBe(false);
      await expect(deliverReply(connector, { ...outbound(), visibility: 'private' }, { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'not_permitted' });
    });

    it('needs an OAuth token to reply', async () => {
      await expect(new YoutubeConnector(http()).replyPublic({ ...outbound(), source: source({}, { apiKey: API_KEY }) })).rejects.toMatchObject({ kind: 'auth_revoked' });
    });
  });
  describe('refresh token', () => {
    let endpoint: FakeGoogleTokenEndpoint;
    const trio = (extra: Record<string, string> = {}) => ({ refreshToken: REFRESH_TOKEN, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...extra });
    const minting = (options: Record<string, unknown> = {}, credentials: Record<string, string> = trio()) =>
      source({ channelId: 'UCa-vrCLQHviTOVnEKDOdetQ', tokenUrl: `${server.baseUrl}${TOKEN_PATH}`, ...options }, credentials);
    const apiCalls = () => server.requests.filter((r) => r.path !== TOKEN_PATH);
    const reply = (credentials: Record<string, string> = trio()): OutboundMessage => ({
      source: minting({}, credentials),
      idempotencyKey: 'reply-yt-refresh',
      visibility: 'public',
      body: 'wow',
      inReplyTo: top(),
    });
    const routes = (request: RecordedRequest): FakeResponse => {
      if (request.path === TOKEN_PATH) return endpoint.handle(request);
      if (request.method === 'POST' && request.path === '/youtube/v3/comments') return { body: fx('comments.insert_reply_response.json') };
      return channelRoutes(request);
    };

    beforeEach(() => {
      endpoint = fakeGoogleTokenEndpoint(null);
      handler = routes;
    });

    it('mints with the refresh-token grant, reads and replies with the minted token, one mint for all', async () => {
      const youtube = new YoutubeConnector(http());
      await youtube.fetch({ source: minting(), cursor: null, limit: 100 });
      await youtube.replyPublic(reply());
      expect(endpoint.requests).toEqual([
        {
          form: { grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: REFRESH_TOKEN },
          contentType: 'application/x-www-form-urlencoded',
          jwt: null,
        },
      ]);
      expect(apiCalls().length).toBeGreaterThanOrEqual(3);
      expect(apiCalls().every((r) => r.headers.authorization === 'Bearer ya29.minted-token-1' && r.url.searchParams.get('key') === null)).toBe(true);
    });

    it('the refresh token wins over a leftover accessToken; an apiKey alone still reads without minting', async () => {
      await new YoutubeConnector(http()).testConnection(minting({}, trio({ accessToken: ACCESS_TOKEN, apiKey: API_KEY })));
      expect(apiCalls()[0]!.headers.authorization).toBe('Bearer ya29.minted-token-1');
      await new YoutubeConnector(http()).testConnection(minting({}, { apiKey: API_KEY }));
      expect(apiCalls()[1]!.url.searchParams.get('key')).toBe(API_KEY);
      expect(endpoint.requests).toHaveLength(1);
    });

    it('a 401 to a cached token → one fresh mint and the reply again', async () => {
      const youtube = new YoutubeConnector(http());
      await youtube.testConnection(minting());
      handler = (request) =>
        request.path !== TOKEN_PATH && request.headers.authorization === 'Bearer ya29.minted-token-1'
          ? { status: 401, body: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } } }
          : routes(request);
      expect((await youtube.replyPublic(reply())).platformId).toBe('Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt');
      expect(endpoint.requests).toHaveLength(2);
      expect(apiCalls().filter((r) => r.method === 'POST').map((r) => r.headers.authorization)).toEqual(['Bearer ya29.minted-token-1', 'Bearer ya29.minted-token-2']);
    });

    it('a revoked refresh token (invalid_grant) → auth_revoked with Google’s reason, no secret in the message', async () => {
      endpoint.failWith = { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
      const error = (await new YoutubeConnector(http()).replyPublic(reply()).catch((e: unknown) => e)) as ConnectorError;
      expect(error).toMatchObject({ kind: 'auth_revoked', message: 'youtube token (refresh token): HTTP 400 invalid_grant: Token has been expired or revoked.' });
      expect(apiCalls()).toEqual([]);
      for (const secret of [REFRESH_TOKEN, CLIENT_SECRET]) expect(error.message).not.toContain(secret);
    });

    it('a refresh token without its client → bad_request naming the field; replying with only an apiKey → auth_revoked', async () => {
      const partial = (await new YoutubeConnector(http()).replyPublic(reply(trio({ clientSecret: '' }))).catch((e: unknown) => e)) as ConnectorError;
      expect([partial.kind, partial.message]).toEqual(['bad_request', 'youtube: credentials.clientSecret is needed with credentials.refreshToken']);
      await expect(new YoutubeConnector(http()).replyPublic(reply({ apiKey: API_KEY }))).rejects.toMatchObject({
        kind: 'auth_revoked',
        message: 'youtube: replying needs user credentials: refreshToken + clientId + clientSecret, or accessToken',
      });
      expect(server.requests).toEqual([]);
    });
  });
});
