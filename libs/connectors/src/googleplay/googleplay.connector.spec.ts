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
import { fakeGoogleTokenEndpoint, rsaKeyPair, serviceAccountKeyJson, TOKEN_PATH, type FakeGoogleTokenEndpoint } from '../testing/fake-google-token';

const fx = (file: string) => fixtureJson('googleplay', file);
const TOKEN = 'ya29.play-service-account-token';
const PKG = 'com.example.brandapp';
const REVIEWS = `/androidpublisher/v3/applications/${PKG}/reviews`;
const SCOPE = 'https://www.googleapis.com/auth/androidpublisher';
const keyPair = rsaKeyPair();

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
  describe('service account key', () => {
    let endpoint: FakeGoogleTokenEndpoint;
    let clock: ManualClock;
    const keyed = (credentials: Record<string, string> = {}): SourceSettings => ({
      ...source(),
      credentials: { serviceAccountKey: serviceAccountKeyJson(keyPair.privateKeyPem, { token_uri: `${server.baseUrl}${TOKEN_PATH}` }), ...credentials },
    });
    const connector = () => new GoogleplayConnector({ fetch: globalThis.fetch, clock, timeoutMs: 2000 });
    const apiCalls = () => server.requests.filter((r) => r.path !== TOKEN_PATH);
    const secretsOfKey = [keyPair.privateKeyPem, ...keyPair.privateKeyPem.split('\n').filter((line) => line.length > 40)];

    beforeEach(() => {
      clock = new ManualClock(NOW);
      endpoint = fakeGoogleTokenEndpoint(keyPair.publicKey);
      handler = (request) => (request.path === TOKEN_PATH ? endpoint.handle(request) : list(request));
    });

    it('mints a token with a JWT the endpoint verifies, and one mint serves every call of the hour', async () => {
      const play = connector();
      await play.fetch({ source: keyed(), cursor: null, limit: 50 });
      await play.testConnection(keyed());
      expect(endpoint.requests).toHaveLength(1);
      expect(endpoint.requests[0]!.jwt).toEqual({
        header: { alg: 'RS256', typ: 'JWT', kid: 'key-id-0001' },
        claims: { iss: 'otklik@brand-reviews.iam.gserviceaccount.com', scope: SCOPE, aud: `${server.baseUrl}${TOKEN_PATH}`, iat: NOW / 1000, exp: NOW / 1000 + 3600 },
        signatureValid: true,
      });
      expect(apiCalls().map((r) => r.headers.authorization)).toEqual(Array(3).fill('Bearer ya29.minted-token-1'));
      // Reused until a minute before expires_in (3599 s) runs out, then minted again.
      clock.advance(3_539_000);
      await play.testConnection(keyed());
      expect(endpoint.requests).toHaveLength(2);
      expect(apiCalls().at(-1)!.headers.authorization).toBe('Bearer ya29.minted-token-2');
    });

    it('two concurrent fetches share one mint', async () => {
      endpoint.delayMs = 100;
      const play = connector();
      await Promise.all([play.fetch({ source: keyed(), cursor: null, limit: 50 }), play.fetch({ source: keyed(), cursor: null, limit: 50 })]);
      expect(endpoint.requests).toHaveLength(1);
      expect(apiCalls()).toHaveLength(4);
    });

    it('the key wins over a leftover accessToken', async () => {
      await connector().testConnection(keyed({ accessToken: TOKEN }));
      expect(apiCalls()[0]!.headers.authorization).toBe('Bearer ya29.minted-token-1');
    });

    it('a 401 to a cached token → one fresh mint and the call again; a second 401 → auth_revoked', async () => {
      const play = connector();
      await play.testConnection(keyed());
      // Google stops taking the first token before its time (the key was rotated).
      handler = (request) => {
        if (request.path === TOKEN_PATH) return endpoint.handle(request);
        if (request.headers.authorization === 'Bearer ya29.minted-token-1') return { status: 401, body: fx('own_error_401_permissionDenied.json') };
        return request.method === 'POST' ? { body: fx('reviews.reply_docs_example_response.json') } : list(request);
      };
      const sent = await play.replyPublic({
        source: keyed(),
        idempotencyKey: 'reply-gp-401',
        visibility: 'public',
        body: 'Thanks!',
        inReplyTo: normaliseGoogleplayReview((fx('reviews.list_docs_example_with_developerComment_tokenPagination.json') as { reviews: unknown[] }).reviews[0], PKG),
      });
      expect(sent.platformId).toBe('12345678:reply');
      expect(endpoint.requests).toHaveLength(2);
      expect(apiCalls().slice(1).map((r) => [r.method, r.headers.authorization])).toEqual([
        ['POST', 'Bearer ya29.minted-token-1'],
        ['POST', 'Bearer ya29.minted-token-2'],
      ]);

      handler = (request) => (request.path === TOKEN_PATH ? endpoint.handle(request) : { status: 401, body: fx('own_error_401_permissionDenied.json') });
      const before = apiCalls().length;
      const error = (await play.testConnection(keyed()).catch((e: unknown) => e)) as ConnectorError;
      expect(error).toMatchObject({ kind: 'auth_revoked', details: { platformCode: 'permissionDenied' } });
      expect(apiCalls().length - before).toBe(2);
      expect(endpoint.requests).toHaveLength(3);
      for (const secret of [...secretsOfKey, ...endpoint.issued]) expect(error.message).not.toContain(secret);
    });

    it('a given accessToken cannot be renewed: its 401 is auth_revoked at once', async () => {
      handler = () => ({ status: 401, body: fx('own_error_401_permissionDenied.json') });
      await expect(connector().testConnection(source())).rejects.toMatchObject({ kind: 'auth_revoked' });
      expect(server.requests).toHaveLength(1);
    });

    it('a key Google refuses (invalid_grant) → auth_revoked with its reason; nothing else is called', async () => {
      endpoint.failWith = { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid grant: account not found' } };
      const error = (await connector().fetch({ source: keyed(), cursor: null, limit: 5 }).catch((e: unknown) => e)) as ConnectorError;
      expect(error).toMatchObject({ kind: 'auth_revoked', message: 'googleplay token (service account): HTTP 400 invalid_grant: Invalid grant: account not found' });
      expect(apiCalls()).toEqual([]);
      for (const secret of secretsOfKey) expect(error.message).not.toContain(secret);
    });

    it('a key without client_email → bad_request naming the field, before any request', async () => {
      const broken = { ...source(), credentials: { serviceAccountKey: serviceAccountKeyJson(keyPair.privateKeyPem, { client_email: undefined }) } };
      const error = (await connector().fetch({ source: broken, cursor: null, limit: 5 }).catch((e: unknown) => e)) as ConnectorError;
      expect([error.kind, error.message]).toEqual(['bad_request', 'googleplay: credentials.serviceAccountKey: client_email is missing']);
      expect(server.requests).toEqual([]);
      for (const secret of secretsOfKey) expect(error.message).not.toContain(secret);
    });
  });
});
