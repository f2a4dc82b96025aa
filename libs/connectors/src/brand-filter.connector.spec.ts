import { withBrandFilter } from './brand-filter.connector';
import type { Connector, NormalisedMention, SourceSettings } from './connector';

const source: SourceSettings = {
  sourceId: 's1',
  query: { brand: 'Ozon', keywords: ['Озон'], exclusions: ['озоновый слой'] },
  options: {},
  credentials: {},
};

function mention(externalId: string, text: string, origin?: 'search' | 'owned'): NormalisedMention {
  return {
    externalId,
    channel: 'test',
    lang: null,
    publishedAt: '2026-01-01T00:00:00Z',
    isPrivate: false,
    author: { id: 'test:1', handle: null, followers: null, accountCreatedAt: null, verified: null, kind: null },
    threadExternalId: externalId,
    inReplyTo: null,
    brand: null,
    text,
    raw: {},
    ...(origin ? { origin } : {}),
  };
}

describe('withBrandFilter', () => {
  const inner: Connector = {
    channel: 'test',
    capabilities: { poll: true, push: true, publicReply: false, privateMessage: false, replyMaxLength: null },
    fetch: async () => ({
      mentions: [
        mention('a', 'Заказал на Озоне, пришло быстро'),
        mention('b', 'Озоновый слой истончается', 'search'),
        mention('c', 'погода хорошая'),
        mention('d', 'где мой заказ?', 'owned'),
      ],
      rejected: [{ externalId: 'e', reason: 'broken', raw: null }],
      cursor: 'c1',
      hasMore: true,
    }),
    receive: async () => ({ mentions: [mention('f', 'ozon support'), mention('g', 'nothing')], rejected: [], responseBody: 'ok' }),
  };

  it('keeps brand hits and owned items, drops and counts the rest, sets the brand', async () => {
    const result = await withBrandFilter(inner).fetch!({ source, cursor: null, limit: 10 });
    expect(result.mentions.map((m) => [m.externalId, m.brand])).toEqual([
      ['a', 'Ozon'],
      ['d', 'Ozon'],
    ]);
    expect(result.offTopic).toBe(2);
    expect(result).toMatchObject({ cursor: 'c1', hasMore: true, rejected: [{ externalId: 'e' }] });
  });

  it('filters pushes the same way', async () => {
    const result = await withBrandFilter(inner).receive!({ source, headers: {}, rawBody: Buffer.from('') });
    expect(result.mentions.map((m) => m.externalId)).toEqual(['f']);
    expect(result).toMatchObject({ offTopic: 1, responseBody: 'ok' });
  });

  it('exposes only the methods the connector has', () => {
    const wrapped = withBrandFilter(inner);
    expect(wrapped.replyPublic).toBeUndefined();
    expect(wrapped.findSent).toBeUndefined();
    expect(wrapped.capabilities).toBe(inner.capabilities);
  });
});
