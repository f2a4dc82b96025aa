import type { OutboundMessage, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { createConnector } from '../connector-registry';
import { deliverReply } from '../reply-delivery';
import { fixtureJson } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { GoogleplayConnector } from './googleplay.connector';
import { normaliseGoogleplayReview } from './googleplay.normaliser';
import { loopbackAllowed } from '../testing/loopback-outbound';

const fx = (file: string) => fixtureJson('googleplay', file);
const TOKEN = 'ya29.play-service-account-token';
const PKG = 'com.example.brandapp';
const REVIEWS = `/androidpublisher/v3/applications/${PKG}/reviews`;

describe('Google Play reviews connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;
  const NOW = Date.parse('2026-03-02T10:00:00Z');
  const http = (timeoutMs = 2000) => ({ fetch: globalThis.fetch, clock: new ManualClock(NOW), timeoutMs });
  const source = (): SourceSettings => ({
    sourceId: 'src-gp-1',
    query: { brand: 'Brand', keywords: [], exclusions: [] },
    options: { baseUrl: `${server.baseUrl}/androidpublisher/v3`, packageName: PKG },
    credentials: { accessToken: TOKEN },
  });
  const list = (request: RecordedRequest): FakeResponse =>
    request.path === REVIEWS
      ? { body: request.url.searchParams.get('token') === '12334566' ? fx('own_reviews.list_page2_last.json') : fx('reviews.list_docs_example_with_developerComment_tokenPagination.json') }
      : { status: 404, body: { error: { code: 404, message: 'Review not found', errors: [{ reason: 'notFound' }] } } };

  beforeEach(async () => {
    handler = list;
    server = await startFakeServer((request) => handler(request));
  });
  afterEach(() => server.close());

  it('reads every page, oldest first, and normalises reviews', async () => {
    const result = await new GoogleplayConnector(http()).fetch({ source: source(), cursor: null, limit: 50 });
    expect(server.requests.map((r) => r.url.searchParams.get('token'))).toEqual([null, '12334566']);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result.mentions.map((m) => m.externalId)).toEqual(['11223344', '12345678', 'gp:AOqpTOH-ru-1']);
    expect(result.mentions[0]).toEqual({
      externalId: '11223344',
      channel: 'googleplay',
      lang: 'en',
      publishedAt: new Date(141582134 * 1000).toISOString(),
      isPrivate: false,
      author: { id: 'googleplay:review:11223344', handle: 'John Doe', followers: null, accountCreatedAt: null, verified: null, kind: null },
      threadExternalId: '11223344',
      inReplyTo: null,
      brand: null,
      text: 'I love using this app!',
      url: `https://play.google.com/store/apps/details?id=${PKG}&reviewId=11223344`,
      likes: 10,
      reposts: null,
      origin: 'owned',
      raw: (fx('reviews.list_docs_example_with_developerComment_tokenPagination.json') as { reviews: unknown[] }).reviews[1],
    });
    expect(result.mentions[2]).toMatchObject({ lang: 'ru', text: 'Не приходит код подтверждения, без него не войти', likes: 7 });
  });

  it('delivers a review again only when it was edited', async () => {
    const connector = new GoogleplayConnector(http());
    const first = await connector.fetch({ source: source(), cursor: null, limit: 50 });
    expect((await connector.fetch({ source: source(), cursor: first.cursor, limit: 50 })).mentions).toEqual([]);
    const edited = structuredClone(fx('own_reviews.list_page2_last.json')) as { reviews: Array<{ comments: Array<{ userComment: { text: string; lastModified: { seconds: string } } }> }> };
    edited.reviews[0]!.comments[0]!.userComment.text = 'Код пришёл, спасибо';
    edited.reviews[0]!.comments[0]!.userComment.lastModified.seconds = '1772442000';
    handler = (request) => (request.url.searchParams.get('token') ? { body: edited } : list(request));
    const third = await connector.fetch({ source: source(), cursor: first.cursor, limit: 50 });
    expect(third.mentions.map((m) => [m.externalId, m.text])).toEqual([['gp:AOqpTOH-ru-1', 'Код пришёл, спасибо']]);
  });

  it('prefers the original text over a translation', () => {
    const mention = normaliseGoogleplayReview(fx('reviews.get_docs_example_translated.json'), PKG);
    expect(mention.text).toBe('Dies ist die beste App überhaupt!');
  });

  it('maps errors: permissionDenied → auth_revoked, quota → rate_limited to midnight Pacific; no token in messages', async () => {
    handler = () => ({ status: 401, body: fx('own_error_401_permissionDenied.json') });
    const denied = (await new GoogleplayConnector(http()).fetch({ source: source(), cursor: null, limit: 5 }).catch((e: unknown) => e)) as ConnectorError;
    expect(denied).toMatchObject({ kind: 'auth_revoked', details: { platformCode: 'permissionDenied' } });
    expect(denied.message).not.toContain(TOKEN);
    handler = () => ({ status: 429, body: { error: { code: 429, message: 'Quota exceeded for quota metric', status: 'RESOURCE_EXHAUSTED', errors: [{ reason: 'dailyLimitExceeded' }] } } });
    await expect(new GoogleplayConnector(http()).fetch({ source: source(), cursor: null, limit: 5 })).rejects.toMatchObject({
      kind: 'rate_limited',
      details: { resumeAt: '2026-03-03T08:00:00.000Z' },
    });
  });

  describe('replies', () => {
    const review = () => normaliseGoogleplayReview((fx('reviews.list_docs_example_with_developerComment_tokenPagination.json') as { reviews: unknown[] }).reviews[0], PKG);
    const outbound = (body = 'Thanks for your feedback!'): OutboundMessage => ({ source: source(), idempotencyKey: 'reply-gp', visibility: 'public', body, inReplyTo: review() });

    function statefulPlay(slowFirstPost = false) {
      let reply: string | null = null;
      let posts = 0;
      return (request: RecordedRequest): FakeResponse => {
        if (request.method === 'POST' && request.path === `${REVIEWS}/12345678:reply`) {
          posts += 1;
          reply = (request.json() as { replyText: string }).replyText;
          return { body: fx('reviews.reply_docs_example_response.json'), delayMs: slowFirstPost && posts === 1 ? 600 : 0 };
        }
        if (request.path === `${REVIEWS}/12345678`) {
          const base = (fx('reviews.list_docs_example_with_developerComment_tokenPagination.json') as { reviews: Array<{ comments: unknown[] }> }).reviews[0]!;
          return { body: reply ? { ...base, comments: [...base.comments, { developerComment: { text: reply, lastModified: { seconds: '1453978803' } } }] } : base };
        }
        return list(request);
      };
    }

    it('replies to the review', async () => {
      handler = statefulPlay();
      const sent = await new GoogleplayConnector(http()).replyPublic(outbound());
      expect(sent).toEqual({ platformId: '12345678:reply', url: `https://play.google.com/store/apps/details?id=${PKG}&reviewId=12345678` });
      expect(server.requests[0]!.json()).toEqual({ replyText: 'Thanks for your feedback!' });
    });

    it('refuses a reply over 350 characters with bad_request before sending', async () => {
      handler = statefulPlay();
      await expect(new GoogleplayConnector(http()).replyPublic(outbound('я'.repeat(351)))).rejects.toMatchObject({ kind: 'bad_request', message: expect.stringContaining('351 characters') });
      await expect(new GoogleplayConnector(http()).replyPublic(outbound('я'.repeat(350)))).resolves.toMatchObject({ platformId: '12345678:reply' });
      expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    });

    it('posts once when the first attempt times out', async () => {
      handler = statefulPlay(true);
      const connector = createConnector('googleplay', { ...loopbackAllowed, timeoutMs: 300 });
      await expect(deliverReply(connector, outbound(), { previousOutcomeUnknown: false })).rejects.toMatchObject({ kind: 'transient' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await deliverReply(connector, outbound(), { previousOutcomeUnknown: true })).toMatchObject({ platformId: '12345678:reply' });
      expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(connector.capabilities.privateMessage).toBe(false);
    });
  });
});
