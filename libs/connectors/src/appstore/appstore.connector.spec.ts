import type { SourceSettings } from '../connector';
import { createConnector } from '../connector-registry';
import { fixtureJson } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { AppstoreConnector } from './appstore.connector';

const fx = (file: string) => fixtureJson('appstore', file);
const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('App Store reviews connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;
  const connector = () => new AppstoreConnector({ fetch: globalThis.fetch, clock: new ManualClock(NOW), timeoutMs: 2000 });
  const source = (options: Record<string, unknown> = {}): SourceSettings => ({
    sourceId: 'src-as-1',
    query: { brand: 'Brand', keywords: [], exclusions: [] },
    options: { baseUrl: server.baseUrl, appId: '1404176564', country: 'ru', ...options },
    credentials: {},
  });
  const pages = (request: RecordedRequest): FakeResponse => {
    if (request.path === '/ru/rss/customerreviews/page=1/id=1404176564/sortby=mostrecent/json') return { body: fx('own_customerreviews_ru_page1.json') };
    if (request.path === '/ru/rss/customerreviews/page=2/id=1404176564/sortby=mostrecent/json') return { body: fx('own_customerreviews_ru_page2_single_entry.json') };
    return { status: 400, body: 'CustomerReviews RSS page depth is limited to 10' };
  };

  beforeEach(async () => {
    handler = pages;
    server = await startFakeServer((request) => handler(request));
  });
  afterEach(() => server.close());

  it('reads the storefront feed and normalises reviews, rejecting one without text', async () => {
    const result = await connector().fetch({ source: source(), cursor: null, limit: 50 });
    expect(server.requests.map((r) => r.path)).toEqual(['/ru/rss/customerreviews/page=1/id=1404176564/sortby=mostrecent/json']);
    expect(result.rejected.map((r) => [r.externalId, r.reason])).toEqual([[null, 'appstore review: missing id']]);
    expect(result.mentions.map((m) => m.externalId)).toEqual(['11000000000', '11000000001']);
    expect(result.mentions[1]).toEqual({
      externalId: '11000000001',
      channel: 'appstore',
      lang: null,
      publishedAt: '2026-03-02T08:15:00.000Z',
      isPrivate: false,
      author: { id: 'appstore:1000000001', handle: 'Марина К.', followers: null, accountCreatedAt: null, verified: null, kind: null },
      threadExternalId: '11000000001',
      inReplyTo: null,
      brand: null,
      text: 'После обновления не входит\n\nПриложение вылетает на экране входа, поддержка не отвечает третий день.',
      url: 'https://itunes.apple.com/ru/review?id=1404176564&type=Purple%20Software',
      likes: 4,
      reposts: null,
      origin: 'owned',
      raw: (fx('own_customerreviews_ru_page1.json') as { feed: { entry: unknown[] } }).feed.entry[0],
    });
  });

  it('pages on while every review is new, reads a one-review page (an object, not an array), then stops', async () => {
    const resumed = JSON.stringify({ v: 1, seen: ['10000000000'] });
    const result = await connector().fetch({ source: source(), cursor: resumed, limit: 50 });
    expect(server.requests.map((r) => r.path.split('/')[4])).toEqual(['page=1', 'page=2', 'page=3']);
    expect(result.mentions.map((m) => m.externalId)).toEqual(['10999999999', '11000000000', '11000000001']);
    const again = await connector().fetch({ source: source(), cursor: result.cursor, limit: 50 });
    expect(again.mentions).toEqual([]);
  });

  it('skips the app entry of older feeds and dates an undated review when first seen', async () => {
    handler = () => ({ body: fx('own_customerreviews_legacy_app_entry_first.json') });
    const result = await connector().fetch({ source: source(), cursor: null, limit: 50 });
    expect(result.mentions.map((m) => [m.externalId, m.publishedAt, m.author.id])).toEqual([['10999999990', '2026-03-02T10:00:00.000Z', 'appstore:1000000005']]);
  });

  it('cannot reply or message: poll-only capabilities; an invalid app id is a bad request; 403 means slow down', async () => {
    const wrapped = createConnector('appstore');
    expect(wrapped.capabilities).toEqual({ poll: true, push: false, publicReply: false, privateMessage: false, replyMaxLength: null });
    expect(wrapped.replyPublic).toBeUndefined();
    await expect(connector().fetch({ source: source({ appId: 'abc' }), cursor: null, limit: 5 })).rejects.toMatchObject({ kind: 'bad_request' });
    handler = () => ({ status: 403, body: '' });
    await expect(connector().fetch({ source: source(), cursor: null, limit: 5 })).rejects.toMatchObject({ kind: 'rate_limited' });
  });
});
