import type { NormalisedMention, OutboundMessage, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { createConnector } from '../connector-registry';
import { deliverReply } from '../reply-delivery';
import { cassette } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { MastodonConnector } from './mastodon.connector';
import { loopbackAllowed } from '../testing/loopback-outbound';

type Status = Record<string, unknown> & { id: string };
const TOKEN = 'mastodon-user-token-ABCDEF123';
const bodies = (file: string) => cassette('mastodon', file).map((interaction) => interaction.response.body);

// Real statuses from the recordings: ten numbered toots (three pages), the #hoot toot, a post and its reply, a direct toot.
const toots = [...new Map((bodies('account_statuses_pagination_link_header.cassette.json').flat() as Status[]).map((s) => [s.id, s])).values()];
const hoot = (bodies('timelines_tag_link_header.cassette.json')[0] as Status[])[0]!;
const [original, reply] = bodies('statuses_post_reply_in_reply_to_id.cassette.json') as [Status, Status];
const direct = bodies('statuses_post_visibility_direct.cassette.json')[0] as Status;
const byIdDesc = (a: Status, b: Status) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1);

/** Mastodon's id pagination over a list: min_id = the page right after it, max_id = before it, Link next/prev. */
function paginate(items: Status[], url: URL, path: string): FakeResponse {
  const sorted = [...items].sort(byIdDesc);
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const minId = url.searchParams.get('min_id');
  const maxId = url.searchParams.get('max_id');
  let page: Status[];
  if (minId) page = sorted.filter((s) => BigInt(s.id) > BigInt(minId)).slice(-limit);
  else page = sorted.filter((s) => !maxId || BigInt(s.id) < BigInt(maxId)).slice(0, limit);
  const headers: Record<string, string> = { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '2026-08-01T14:00:00.070144Z' };
  if (page.length > 0) {
    headers['link'] = `<http://localhost:3000${path}?max_id=${page[page.length - 1]!.id}>; rel="next", <http://localhost:3000${path}?min_id=${page[0]!.id}>; rel="prev"`;
  }
  return { headers, body: page };
}

describe('Mastodon connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;
  let host: string;
  const http = (timeoutMs = 2000) => ({ fetch: globalThis.fetch, clock: new ManualClock(Date.parse('2026-08-01T14:00:00Z')), timeoutMs });
  const source = (options: Record<string, unknown> = {}): SourceSettings => ({
    sourceId: 'src-masto-1',
    query: { brand: 'Hoot', keywords: ['hoot'], exclusions: [] },
    options: { baseUrl: server.baseUrl, hashtags: ['hoot'], mentions: false, ...options },
    credentials: { accessToken: TOKEN },
  });

  beforeEach(async () => {
    handler = () => ({ status: 404, body: { error: 'Record not found' } });
    server = await startFakeServer((request) => handler(request));
    host = new URL(server.baseUrl).host;
  });
  afterEach(() => server.close());

  describe('hashtag timeline', () => {
    beforeEach(() => {
      handler = (request) => (request.path === '/api/v1/timelines/tag/hoot' ? paginate([...toots, hoot], request.url, request.path) : { status: 404, body: { error: 'Record not found' } });
    });

    it('reads the newest page first, then follows min_id from the Link header', async () => {
      const connector = new MastodonConnector(http());
      const first = await connector.fetch({ source: source(), cursor: null, limit: 5 });
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(server.requests[0]!.url.searchParams.get('min_id')).toBeNull();
      expect(first.mentions.map((m) => m.text)).toEqual(['#hoot (hashtag toot)', 'Toot number 9!', 'Toot number 8!', 'Toot number 7!', 'Toot number 6!']);
      expect(JSON.parse(first.cursor!)).toEqual({ v: 1, streams: { 'tag:hoot': { minId: hoot.id } } });
      expect(first.hasMore).toBe(false);

      // Resume from toot 4: the recorded third page (toots 5..9) comes back, then the rest.
      const resumed = JSON.stringify({ v: 1, streams: { 'tag:hoot': { minId: '117020580481736214' } } });
      const second = await connector.fetch({ source: source(), cursor: resumed, limit: 5 });
      expect(server.requests[1]!.url.searchParams.get('min_id')).toBe('117020580481736214');
      expect(second.mentions.map((m) => m.text)).toEqual(['Toot number 9!', 'Toot number 8!', 'Toot number 7!', 'Toot number 6!', 'Toot number 5!']);
      expect(second.hasMore).toBe(true);
      const third = await connector.fetch({ source: source(), cursor: second.cursor, limit: 5 });
      expect(third.mentions.map((m) => m.text)).toEqual(['#hoot (hashtag toot)']);
      expect(third.hasMore).toBe(false);
    });

    it('normalises every field of a status', async () => {
      const { mentions } = await new MastodonConnector(http()).fetch({ source: source(), cursor: null, limit: 1 });
      expect(mentions[0]).toEqual({
        externalId: `${host}:117020593741189701`,
        channel: 'mastodon',
        lang: 'ja',
        publishedAt: '2026-08-01T13:55:55.867Z',
        isPrivate: false,
        author: { id: `mastodon:mastodonpy_test_2@127.0.0.1`, handle: '@mastodonpy_test_2@127.0.0.1', followers: 0, accountCreatedAt: '2026-08-01T00:00:00.000Z', verified: null, kind: null },
        threadExternalId: `${host}:117020593741189701`,
        inReplyTo: null,
        brand: null,
        text: '#hoot (hashtag toot)',
        url: 'http://localhost:3000/@mastodonpy_test_2/117020593741189701',
        likes: 0,
        reposts: 0,
        origin: 'search',
        raw: hoot,
      });
    });

    it('drops statuses that do not name the brand (registry filter) and the brand account’s own', async () => {
      const result = await createConnector('mastodon', loopbackAllowed).fetch!({ source: source(), cursor: null, limit: 40 });
      expect(result.mentions.map((m) => m.text)).toEqual(['#hoot (hashtag toot)']);
      expect(result.offTopic).toBe(10);
      const own = await new MastodonConnector(http()).fetch({ source: source({ brandAccount: '@mastodonpy_test_2@127.0.0.1' }), cursor: null, limit: 40 });
      expect(own.mentions.map((m) => m.text)).not.toContain('#hoot (hashtag toot)');
    });
  });

  describe('mentions and threads', () => {
    it('reads mention notifications as owned, finds the thread root with context, marks direct ones private', async () => {
      const notifications = [
        { id: '9002', type: 'mention', created_at: direct['created_at'], account: direct['account'], status: direct },
        { id: '9001', type: 'mention', created_at: reply['created_at'], account: reply['account'], status: reply },
      ];
      handler = (request) => {
        if (request.path === '/api/v1/notifications') return { body: notifications };
        if (request.path === `/api/v1/statuses/${reply.id}/context`) return { body: { ancestors: [original], descendants: [] } };
        return { status: 404, body: { error: 'Record not found' } };
      };
      const result = await new MastodonConnector(http()).fetch({ source: source({ mentions: true, hashtags: [] }), cursor: null, limit: 40 });
      expect(server.requests[0]!.url.search).toBe('?types%5B%5D=mention&limit=40');
      expect(result.mentions.map((m) => [m.externalId, m.isPrivate, m.threadExternalId, m.inReplyTo, m.origin])).toEqual([
        [`${host}:${direct.id}`, true, `${host}:${direct.id}`, null, 'owned'],
        [`${host}:${reply.id}`, false, `${host}:${original.id}`, `${host}:${original.id}`, 'owned'],
      ]);
      expect(result.mentions[1]!.text).toBe('@mastodonpy_test_2 same!');
      expect(JSON.parse(result.cursor!).streams.notifications).toEqual({ minId: '9002' });
    });

    it('falls back to the parent as root when context is gone', async () => {
      handler = (request) => (request.path === '/api/v1/notifications' ? { body: [{ id: '1', type: 'mention', status: reply }] } : { status: 404, body: { error: 'Record not found' } });
      const result = await new MastodonConnector(http()).fetch({ source: source({ mentions: true, hashtags: [] }), cursor: null, limit: 40 });
      expect(result.mentions[0]!.threadExternalId).toBe(`${host}:${original.id}`);
    });

    it('runs status search when asked (empty on an instance without full-text search)', async () => {
      const recorded = cassette('mastodon', 'search_v2.cassette.json')[2]!;
      handler = (request) => (request.path === '/api/v2/search' ? { body: recorded.response.body } : { status: 404 });
      const result = await new MastodonConnector(http()).fetch({ source: source({ hashtags: [], search: true }), cursor: null, limit: 40 });
      expect(result.mentions).toEqual([]);
      expect(server.requests.map((r) => [r.url.searchParams.get('q'), r.url.searchParams.get('type')])).toEqual([['Hoot', 'statuses'], ['hoot', 'statuses']]);
    });
  });

  describe('errors', () => {
    async function failure(file: string, index = 0): Promise<ConnectorError> {
      const recorded = cassette('mastodon', file)[index]!;
      handler = () => ({ status: recorded.response.status, headers: recorded.response.headers, body: recorded.response.body });
      const error = await new MastodonConnector(http()).fetch({ source: source(), cursor: null, limit: 5 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as Error).message).not.toContain(TOKEN);
      return error as ConnectorError;
    }

    it('401 → auth_revoked, 404 → bad_request, 422 → bad_request with the (localised) reason', async () => {
      expect(await failure('error_401_unauthorized.cassette.json')).toMatchObject({ kind: 'auth_revoked', message: expect.stringContaining('The access token is invalid') });
      expect((await failure('error_404_not_found.cassette.json')).kind).toBe('bad_request');
      expect(await failure('error_422_validation.cassette.json', 1)).toMatchObject({ kind: 'bad_request', message: expect.stringContaining('500 Zeichen') });
    });

    it('429 → rate_limited until X-RateLimit-Reset', async () => {
      expect(await failure('own_error_429_too_many_requests.cassette.json')).toMatchObject({
        kind: 'rate_limited',
        details: { resumeAt: '2026-08-01T14:05:00.000Z', status: 429 },
      });
    });

    it('needs the instance URL', async () => {
      await expect(new MastodonConnector(http()).fetch({ source: source({ baseUrl: undefined }), cursor: null, limit: 5 })).rejects.toMatchObject({ kind: 'bad_request' });
    });
  });

  describe('replies', () => {
    const recordedReply = cassette('mastodon', 'statuses_post_reply_in_reply_to_id.cassette.json')[1]!;
    const mention = (): NormalisedMention => ({
      externalId: `${host}:${original.id}`,
      channel: 'mastodon',
      lang: 'ja',
      publishedAt: String(original['created_at']),
      isPrivate: false,
      author: { id: 'mastodon:mastodonpy_test_2@127.0.0.1', handle: '@mastodonpy_test_2@127.0.0.1', followers: 0, accountCreatedAt: null, verified: null, kind: null },
      threadExternalId: `${host}:${original.id}`,
      inReplyTo: null,
      brand: 'Hoot',
      text: 'Toot, finally!',
      raw: original,
    });
    const outbound = (visibility: 'public' | 'private'): OutboundMessage => ({ source: source(), idempotencyKey: 'reply-42', visibility, body: 'same!', inReplyTo: mention() });

    /** Posts go into the thread, so `context` shows them afterwards, as on a real instance. */
    function statefulInstance(slowFirstPost = false) {
      const descendants: Status[] = [];
      return (request: RecordedRequest): FakeResponse => {
        if (request.method === 'POST' && request.path === '/api/v1/statuses') {
          const sent = request.json() as { visibility: string };
          // The recorded direct toot, as posted by the same account that posted the recorded reply (ours).
          const me = (recordedReply.response.body as Status)['account'];
          const status = sent.visibility === 'direct' ? { ...direct, account: me, in_reply_to_id: original.id, content: '<p>@mastodonpy_test_2 same!</p>' } : recordedReply.response.body;
          descendants.push(status as Status);
          return { body: status, delayMs: slowFirstPost && descendants.length === 1 ? 600 : 0 };
        }
        if (request.path === '/api/v1/accounts/verify_credentials') return { body: (recordedReply.response.body as Status)['account'] as object };
        if (request.path === `/api/v1/statuses/${original.id}/context`) return { body: { ancestors: [], descendants } };
        return { status: 404, body: { error: 'Record not found' } };
      };
    }

    it('replies publicly with in_reply_to_id, the author’s handle and an Idempotency-Key', async () => {
      handler = statefulInstance();
      const sent = await new MastodonConnector(http()).replyPublic(outbound('public'));
      expect(sent).toEqual({ platformId: `${host}:${reply.id}`, url: 'http://localhost:3000/@admin/117020583258292382' });
      const call = server.requests[0]!;
      expect(call.headers['idempotency-key']).toBe('reply-42');
      expect(call.json()).toEqual({ status: '@mastodonpy_test_2 same!', in_reply_to_id: original.id, visibility: 'public', language: 'ja' });
    });

    it('sends a private reply as a direct mention', async () => {
      handler = statefulInstance();
      const sent = await new MastodonConnector(http()).sendPrivate(outbound('private'));
      expect(sent.platformId).toBe(`${host}:${direct.id}`);
      expect(server.requests[0]!.json()).toMatchObject({ visibility: 'direct', in_reply_to_id: original.id, status: '@mastodonpy_test_2 same!' });
    });

    it.each(['public', 'private'] as const)('posts a %s reply once when the first attempt times out', async (visibility) => {
      handler = statefulInstance(true);
      const connector = createConnector('mastodon', { ...loopbackAllowed, timeoutMs: 300 });
      await expect(deliverReply(connector, outbound(visibility), { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'transient' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const sent = await deliverReply(connector, outbound(visibility), { previousOutcomeUnknown: true });
      expect(sent.platformId).toBe(`${host}:${visibility === 'public' ? reply.id : direct.id}`);
      expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    });

    it('does not take a public reply for the private one it is looking for', async () => {
      handler = statefulInstance();
      const connector = new MastodonConnector(http());
      await connector.replyPublic(outbound('public'));
      expect(await connector.findSent(outbound('private'))).toBeNull();
      expect(await connector.findSent(outbound('public'))).not.toBeNull();
    });

    it('refuses a reply over 500 characters before posting', async () => {
      handler = statefulInstance();
      await expect(new MastodonConnector(http()).replyPublic({ ...outbound('public'), body: 'a'.repeat(490) })).rejects.toMatchObject({ kind: 'bad_request' });
      expect(server.requests).toHaveLength(0);
    });
  });
});
