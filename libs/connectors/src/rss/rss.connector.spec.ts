import iconv from 'iconv-lite';
import type { SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { createConnector } from '../connector-registry';
import { fixtureBytes } from '../testing/fixture-files';
import { startFakeServer, type FakePlatformServer, type FakeResponse, type RecordedRequest } from '../testing/fake-platform.server';
import { ManualClock } from '../testing/manual-clock';
import { declaredCharset } from './feed-decoding';
import { RssConnector, SEEN_LIMIT } from './rss.connector';
import { loopbackAllowed } from '../testing/loopback-outbound';

const NOW = Date.parse('2026-03-02T12:00:00Z');

describe('RSS/Atom connector', () => {
  let server: FakePlatformServer;
  let handler: (request: RecordedRequest) => FakeResponse;
  const connector = () => new RssConnector({ fetch: globalThis.fetch, clock: new ManualClock(NOW), timeoutMs: 2000 });
  const source = (path = '/feed', options: Record<string, unknown> = {}): SourceSettings => ({
    sourceId: 'src-rss-1',
    query: { brand: 'Ромашка', keywords: ['Romashka'], exclusions: [] },
    options: { feedUrl: `${server.baseUrl}${path}`, ...options },
    credentials: {},
  });
  const xml = (file: string, contentType = 'application/rss+xml'): FakeResponse => ({ headers: { 'content-type': contentType }, body: fixtureBytes('rss', file) });

  beforeEach(async () => {
    handler = () => ({ status: 404, body: 'not found' });
    server = await startFakeServer((request) => handler(request));
  });
  afterEach(() => server.close());

  it('reads RSS 2.0: title and description as text, guid as id, author, date, language, oldest first', async () => {
    handler = () => xml('guardian.rss.xml');
    const result = await connector().fetch({ source: source(), cursor: null, limit: 100 });
    expect(result.rejected).toEqual([]);
    expect(result.mentions).toHaveLength(55);
    const newest = result.mentions[result.mentions.length - 1]!;
    expect(newest).toMatchObject({
      externalId: 'src-rss-1:https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      channel: 'rss',
      lang: 'en',
      publishedAt: '2018-01-31T07:26:05.000Z',
      isPrivate: false,
      author: { id: `rss:${new URL(server.baseUrl).host}:David Smith in Washington`, handle: 'David Smith in Washington', kind: null },
      threadExternalId: 'src-rss-1:https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      inReplyTo: null,
      url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      origin: 'search',
    });
    expect(newest.text.startsWith('Trump State of the Union address promised unity but emphasized discord\n\nThe president’s ‘new American moment’ speech')).toBe(true);
    expect(newest.text).not.toMatch(/<p>|&lt;/);
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
  });

  it('reads Atom: id, alternate link, published date, html summary/content', async () => {
    handler = () => xml('heise.atom.xml', 'application/atom+xml; charset=utf-8');
    const { mentions } = await connector().fetch({ source: source(), cursor: null, limit: 100 });
    expect(mentions).toHaveLength(15);
    const first = mentions[mentions.length - 1]!;
    expect(first).toMatchObject({
      externalId: 'src-rss-1:http://heise.de/-3088438',
      publishedAt: '2016-02-01T16:22:00.000Z',
      url: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
      author: { handle: 'heise developer neueste Meldungen', kind: 'media' },
      lang: null,
    });
    expect(first.text).toContain('Java-Anwendungsserver: Red Hat gibt WildFly 10 frei');
    expect(first.text).toContain('verfügbare');
  });

  it('prefers content:encoded, reads dc:creator, and reads unescaped markup in a description', async () => {
    handler = (request) => xml(request.path === '/medium' ? 'content-encoded.rss.xml' : 'reddit-atom.rss.xml');
    const medium = await connector().fetch({ source: source('/medium'), cursor: null, limit: 100 });
    const forager = medium.mentions.find((m) => m.externalId === 'src-rss-1:https://medium.com/p/125af37d838f')!;
    expect(forager.author.handle).toBe('Jeremy Puma');
    expect(forager.text).toContain('Using Wild Ingredients in the');
    const reddit = await connector().fetch({ source: source('/reddit'), cursor: null, limit: 100 });
    expect(reddit.mentions).toHaveLength(24);
    expect(reddit.mentions[reddit.mentions.length - 1]!.text).toContain('benjaab123');
  });

  it('decodes the charset of the XML declaration (ISO-8859-1, windows-1251)', async () => {
    handler = (request) => xml(request.path === '/pt' ? 'encoding.rss.xml' : 'own_windows-1251.rss.xml', 'application/rss+xml');
    const pt = await connector().fetch({ source: source('/pt'), cursor: null, limit: 100 });
    expect(pt.mentions[pt.mentions.length - 1]!.text.startsWith('Mãe de utente é a nova presidente da Raríssimas')).toBe(true);
    expect(pt.mentions[0]!.lang).toBe('pt');
    const ru = await connector().fetch({ source: source('/ru'), cursor: null, limit: 100 });
    expect(ru.mentions.map((m) => m.text)).toEqual([
      'В парке открыли каток\n\nКаток работает до 22:00, вход свободный.',
      'Клиенты «Ромашка-Банка» жалуются на сбой оплаты\n\nУтром в понедельник клиенты не могли оплатить покупки картой. Банк обещал всё исправить.',
    ]);
    expect(ru.mentions[1]).toMatchObject({ lang: 'ru', author: { handle: 'Мария Ёлкина' }, publishedAt: '2026-03-02T06:30:00.000Z' });
  });

  it('lets the HTTP charset override a wrong XML declaration', async () => {
    const text = fixtureBytes('rss', 'own_windows-1251.rss.xml').toString('latin1');
    const koi8 = iconv.encode(iconv.decode(Buffer.from(text, 'latin1'), 'windows-1251'), 'koi8-r');
    handler = () => ({ headers: { 'content-type': 'text/xml; charset=KOI8-R' }, body: koi8 });
    const { mentions } = await connector().fetch({ source: source(), cursor: null, limit: 100 });
    expect(mentions[1]!.text).toContain('Ромашка-Банка');
    expect(declaredCharset(null, Buffer.from('<?xml version="1.0" encoding=\'Windows-1251\'?><rss/>'))).toBe('windows-1251');
    expect(declaredCharset(null, Buffer.from('\ufeff<rss/>'))).toBe('utf-8');
  });

  it('keeps ETag and Last-Modified in the cursor and sends them back; a 304 changes nothing', async () => {
    handler = (request) =>
      request.headers['if-none-match'] === '"v1"'
        ? { status: 304 }
        : { headers: { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Mon, 02 Mar 2026 09:30:00 GMT' }, body: fixtureBytes('rss', 'own_windows-1251.rss.xml') };
    const first = await connector().fetch({ source: source(), cursor: null, limit: 100 });
    expect(JSON.parse(first.cursor!)).toMatchObject({ etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 09:30:00 GMT' });
    const second = await connector().fetch({ source: source(), cursor: first.cursor, limit: 100 });
    expect(server.requests[1]!.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[1]!.headers['if-modified-since']).toBe('Mon, 02 Mar 2026 09:30:00 GMT');
    expect(second).toEqual({ mentions: [], rejected: [], cursor: first.cursor, hasMore: false });
  });

  it('dedupes on guid when the server has no validators, and bounds the seen list', async () => {
    handler = () => xml('guardian.rss.xml');
    const first = await connector().fetch({ source: source(), cursor: null, limit: 100 });
    const again = await connector().fetch({ source: source(), cursor: first.cursor, limit: 100 });
    expect(again.mentions).toEqual([]);
    const bloated = JSON.stringify({ v: 1, etag: null, lastModified: null, seen: Array.from({ length: SEEN_LIMIT + 50 }, (_, i) => `old-${i}`) });
    const trimmed = await connector().fetch({ source: source(), cursor: bloated, limit: 100 });
    expect(JSON.parse(trimmed.cursor!).seen).toHaveLength(SEEN_LIMIT);
  });

  it('stops at the limit without keeping validators, and delivers the rest next time', async () => {
    handler = () => ({ headers: { 'content-type': 'application/rss+xml', etag: '"v1"' }, body: fixtureBytes('rss', 'guardian.rss.xml') });
    const first = await connector().fetch({ source: source(), cursor: null, limit: 50 });
    expect(first.mentions).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(JSON.parse(first.cursor!).etag).toBeNull();
    const second = await connector().fetch({ source: source(), cursor: first.cursor, limit: 50 });
    expect(second.mentions).toHaveLength(5);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.mentions, ...second.mentions].map((m) => m.externalId)).size).toBe(55);
  });

  it('rejects an entry with nothing to identify it and keeps going', async () => {
    handler = () => xml('incomplete-fields.atom.xml', 'application/atom+xml');
    const result = await connector().fetch({ source: source(), cursor: null, limit: 10 });
    expect(result.mentions).toEqual([]);
    expect(result.rejected).toEqual([{ externalId: null, reason: 'feed item: no guid, id or link', raw: { author: '' } }]);
  });

  it('maps errors: 429/503 with Retry-After → rate_limited, 401 → auth_revoked, HTML page → bad_request', async () => {
    const failure = async (answer: FakeResponse) => {
      handler = () => answer;
      return (await connector().fetch({ source: source(), cursor: null, limit: 10 }).catch((e: unknown) => e)) as ConnectorError;
    };
    expect(await failure({ status: 429, headers: { 'retry-after': '120' }, body: '' })).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 120_000 } });
    expect(await failure({ status: 503, headers: { 'retry-after': 'Mon, 02 Mar 2026 12:05:00 GMT' }, body: '' })).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterMs: 300_000 },
    });
    expect((await failure({ status: 503, body: '' })).kind).toBe('transient');
    expect((await failure({ status: 401, body: '' })).kind).toBe('auth_revoked');
    expect(await failure({ headers: { 'content-type': 'text/html' }, body: '<html><body>Moved</body></html>' })).toMatchObject({ kind: 'bad_request' });
  });

  it('re-checks news items against the brand through the registry', async () => {
    handler = () => xml('own_windows-1251.rss.xml');
    const result = await createConnector('rss', loopbackAllowed).fetch!({ source: source(), cursor: null, limit: 10 });
    expect(result.mentions.map((m) => m.url)).toEqual(['https://news.example.ru/2026/03/02/romashka-sboi']);
    expect(result.offTopic).toBe(1);
  });
});
