import { parseCorpusMention, parseCorpusThread, RecordError } from './corpus';

describe('corpus records', () => {
  const base = {
    id: 'm-1',
    channel: 'vk',
    lang: 'ru',
    published_at: '2026-01-12T06:14:58Z',
    is_private: false,
    author: { id: 'vk:1', handle: 'a', followers: 10, account_created_at: null, verified: false, kind: 'person' },
    thread: { id: 't-1', in_reply_to: null },
    brand: 'B',
    text: 'hello',
  };

  it('parses a mention and keeps missing author metadata as null', () => {
    const mention = parseCorpusMention({ ...base, author: { id: '42' } });
    expect(mention.author).toEqual({ id: 'vk:42', handle: null, followers: null, accountCreatedAt: null, verified: null, kind: null });
    expect(mention.threadExternalId).toBe('t-1');
    expect(mention.publishedAt).toBe('2026-01-12T06:14:58.000Z');
  });

  it('names the bad field and why', () => {
    expect(() => parseCorpusMention({ ...base, published_at: 'yesterday' })).toThrow(new RecordError('published_at', 'is not an ISO 8601 time: "yesterday"'));
    expect(() => parseCorpusMention({ ...base, author: { id: 'x', followers: -1 } })).toThrow('author.followers: must be a non-negative number or null');
    expect(() => parseCorpusMention([])).toThrow('(record): must be a JSON object');
  });

  it('parses a thread scenario, giving each post the thread id', () => {
    const thread = parseCorpusThread({
      thread_id: 't-9',
      channel: 'x',
      expected_alert: true,
      alert_due_by: '2026-01-16T21:58:00Z',
      posts: [{ ...base, thread: undefined, in_reply_to: null, reposts: 3, likes: 1 }],
    });
    expect(thread.posts[0].threadExternalId).toBe('t-9');
    expect(thread.posts[0].reposts).toBe(3);
    expect(() => parseCorpusThread({ thread_id: 't', channel: 'x', posts: [{ id: 'p' }] })).toThrow(/^posts\[0\]\./);
  });
});
