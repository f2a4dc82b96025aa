import type { SourceSettings } from '../connector';
import { createConnector } from '../connector-registry';
import { ManualClock } from '../testing/manual-clock';
import { WebhookConnector } from './webhook.connector';
import { signWebhook } from './webhook-signature';

const NOW = Date.parse('2026-03-02T10:20:00Z');
const source: SourceSettings = {
  sourceId: 'src-hook-3',
  query: { brand: 'Откликбанк', keywords: ['Otklikbank'], exclusions: [] },
  options: {},
  credentials: { signingSecret: 'whsec-current-123', previousSigningSecret: 'whsec-old-456' },
};

const item = {
  id: 'otz-88121',
  text: 'Откликбанк: третий день не могу дозвониться в поддержку',
  published_at: '2026-03-02T13:15:00+03:00',
  author: { id: 'u-5521', handle: 'olga_k', followers: 120, account_created_at: '2019-05-01T00:00:00Z', verified: false, kind: 'person' },
  url: 'https://reviews.example/otz-88121',
  lang: 'ru',
  thread: { id: 'otz-88000', in_reply_to: 'otz-88000' },
  likes: 3,
  reposts: 0,
  extra_field: 'kept in raw',
};

function signed(body: unknown, options: { secret?: string; at?: number; tamper?: boolean } = {}) {
  const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const timestamp = String(Math.floor((options.at ?? NOW) / 1000));
  const signature = signWebhook(options.secret ?? 'whsec-current-123', timestamp, rawBody);
  return {
    source,
    headers: { 'x-otklik-timestamp': timestamp, 'x-otklik-signature': signature },
    rawBody: options.tamper ? Buffer.from(rawBody.toString().replace('третий', 'пятый')) : rawBody,
  };
}

describe('generic webhook connector', () => {
  const connector = () => new WebhookConnector({ fetch: globalThis.fetch, clock: new ManualClock(NOW), timeoutMs: 1000 });

  it('accepts a signed single mention and normalises every field', async () => {
    const result = await connector().receive(signed(item));
    expect(result).toEqual({
      mentions: [
        {
          externalId: 'src-hook-3:otz-88121',
          channel: 'webhook',
          lang: 'ru',
          publishedAt: '2026-03-02T10:15:00.000Z',
          isPrivate: false,
          author: { id: 'webhook:src-hook-3:u-5521', handle: 'olga_k', followers: 120, accountCreatedAt: '2019-05-01T00:00:00.000Z', verified: false, kind: 'person' },
          threadExternalId: 'src-hook-3:otz-88000',
          inReplyTo: 'src-hook-3:otz-88000',
          brand: null,
          text: item.text,
          url: 'https://reviews.example/otz-88121',
          likes: 3,
          reposts: 0,
          origin: 'search',
          raw: item,
        },
      ],
      rejected: [],
      responseBody: null,
    });
  });

  it('accepts an array, dead-letters bad items naming the field, lets the rest through', async () => {
    const minimal = { id: 42, text: 'Otklikbank support is slow', published_at: '2026-03-02T10:00:00Z', author: { id: 7 }, is_private: true };
    const result = await connector().receive(
      signed([
        item,
        minimal,
        { ...item, id: 'no-date', published_at: 'yesterday' },
        { ...item, id: 'bad-kind', author: { id: 'x', kind: 'robot' } },
        { id: 'no-author', text: 'x', published_at: '2026-03-02T10:00:00Z' },
        'not an object',
      ]),
    );
    expect(result.mentions.map((m) => m.externalId)).toEqual(['src-hook-3:otz-88121', 'src-hook-3:42']);
    expect(result.mentions[1]).toMatchObject({
      isPrivate: true,
      threadExternalId: 'src-hook-3:42',
      inReplyTo: null,
      lang: null,
      url: null,
      author: { id: 'webhook:src-hook-3:7', handle: null, followers: null, verified: null, kind: null },
    });
    expect(result.rejected.map((r) => [r.externalId, r.reason])).toEqual([
      ['src-hook-3:no-date', 'published_at: not an ISO 8601 date'],
      ['src-hook-3:bad-kind', 'author.kind: wrong type or value'],
      ['src-hook-3:no-author', 'author: required object'],
      [null, 'item is not a JSON object'],
    ]);
  });

  it('verifies with the previous secret during a rotation', async () => {
    expect((await connector().receive(signed(item, { secret: 'whsec-old-456' }))).mentions).toHaveLength(1);
  });

  it.each([
    ['a wrong secret', signed(item, { secret: 'whsec-guess' }), 'signature does not match'],
    ['a tampered body', signed(item, { tamper: true }), 'signature does not match'],
    ['a replay older than 5 minutes', signed(item, { at: NOW - 301_000 }), 'timestamp is 301 s away'],
    ['a timestamp from the future', signed(item, { at: NOW + 400_000 }), 'timestamp is 400 s away'],
  ])('refuses %s', async (_name, request, reason) => {
    await expect(connector().receive(request)).rejects.toMatchObject({ kind: 'bad_request', message: expect.stringContaining(reason) });
  });

  it('accepts a delivery 4 minutes old', async () => {
    expect((await connector().receive(signed(item, { at: NOW - 240_000 }))).mentions).toHaveLength(1);
  });

  it('refuses missing or malformed headers, and a signed body that is not JSON', async () => {
    const good = signed(item);
    await expect(connector().receive({ ...good, headers: { 'x-otklik-timestamp': good.headers['x-otklik-timestamp'] } })).rejects.toMatchObject({
      message: 'webhook: X-Otklik-Signature header missing',
    });
    await expect(connector().receive({ ...good, headers: { 'x-otklik-signature': good.headers['x-otklik-signature'] } })).rejects.toMatchObject({
      message: 'webhook: X-Otklik-Timestamp header missing',
    });
    await expect(connector().receive({ ...good, headers: { ...good.headers, 'x-otklik-signature': 'md5=abc' } })).rejects.toMatchObject({ kind: 'bad_request' });
    await expect(connector().receive(signed('{not json'))).rejects.toMatchObject({ kind: 'bad_request', message: 'webhook: body is not JSON' });
  });

  it('needs a signing secret on the source', async () => {
    await expect(connector().receive({ ...signed(item), source: { ...source, credentials: {} } })).rejects.toMatchObject({ kind: 'auth_revoked' });
  });

  it('re-checks the brand unless the sender marks the item owned', async () => {
    const hook = createConnector('webhook', { clock: new ManualClock(NOW) });
    const offTopic = { ...item, id: 'o1', text: 'a review of some other bank' };
    const owned = { ...offTopic, id: 'o2', origin: 'owned' };
    const result = await hook.receive!(signed([item, offTopic, owned]));
    expect(result.mentions.map((m) => [m.externalId, m.brand])).toEqual([
      ['src-hook-3:otz-88121', 'Откликбанк'],
      ['src-hook-3:o2', 'Откликбанк'],
    ]);
    expect(result.offTopic).toBe(1);
    expect(hook.capabilities).toEqual({ poll: false, push: true, publicReply: false, privateMessage: false, replyMaxLength: null });
  });
});
