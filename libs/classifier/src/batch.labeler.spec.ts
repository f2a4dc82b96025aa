import { MentionClusterer } from './cluster/mention.clusterer';
import { labelBatch, threadMentionOf } from './batch.labeler';
import { MentionAnalyzer } from './mention.analyzer';
import type { MentionContext } from './mention-context';
import { classifyMention } from './mention.classifier';
import { at, mentionOf } from './testing/mention.fixture';

const outage = (index: number) =>
  mentionOf(
    [
      'Polyana Telecom, интернет пропал во всём доме',
      'no internet from Polyana Telecom since the morning, whole street is offline',
      'Поляна Телеком лёг, у меня тоже нет сети',
    ][index],
    { externalId: `s${index}`, publishedAt: at(index * 5), brand: 'Polyana Telecom', author: { id: `x:s${index}` } },
  );

describe('labelBatch', () => {
  const analyzer = new MentionAnalyzer();

  it('labels each mention as classifyMention does with its context when no cluster is involved', () => {
    const mentions = [
      mentionOf('Mayak Bank, please add dark mode', { externalId: 'a' }),
      mentionOf('Mayak Bank, my card was blocked for no reason!', { externalId: 'b' }),
    ];
    const { results, promotedEarlier } = labelBatch(
      mentions,
      [{}, { author: { earlierMentions: 2, unanswered: 1 } }],
      new MentionClusterer(),
      analyzer,
    );
    expect(results).toEqual([
      classifyMention(mentions[0], {}),
      classifyMention(mentions[1], { author: { earlierMentions: 2, unanswered: 1 } }),
    ]);
    expect(promotedEarlier).toEqual([]);
  });

  it('gives a reply its parent labelled earlier in the same batch', () => {
    const root = mentionOf(
      'Mayak Bank blocked my card after a transfer to my mother and the chat only says "wait". Third day without money!',
      {
        externalId: 'root',
        threadExternalId: 'th',
      },
    );
    const reply = mentionOf('lol Mayak Bank strikes again, typical', {
      externalId: 'reply',
      threadExternalId: 'th',
      inReplyTo: 'root',
      publishedAt: at(3),
    });
    // What the database knows when both arrive together: the thread, but neither post labelled yet.
    const contexts: MentionContext[] = [{}, { thread: { root: null, parent: null, replyCount: 1, uniqueAuthors: 1 } }];
    const { results } = labelBatch([root, reply], contexts, new MentionClusterer(), analyzer);
    const rootLabels = results[0] as ReturnType<typeof classifyMention>;
    expect(contexts[1].thread?.parent).toEqual(threadMentionOf(root, rootLabels));
    expect(results[1]).toEqual(classifyMention(reply, contexts[1]));
    expect(results[1]).toMatchObject({ intent: 'other', cause: 'piling_on' });
  });

  it('re-labels earlier members of the batch that a later one promotes into an incident', () => {
    const { results, promotedEarlier } = labelBatch([0, 1, 2].map(outage), [{}, {}, {}], new MentionClusterer(), analyzer);
    expect(results.map((labels) => (labels as { incident: string | null }).incident)).toEqual(['inc-s0', 'inc-s0', 'inc-s0']);
    expect(promotedEarlier).toEqual([]);
  });

  it('returns earlier members from previous batches for the caller to re-label where they are stored', () => {
    const clusterer = new MentionClusterer();
    const first = labelBatch([0, 1].map(outage), [{}, {}], clusterer, analyzer);
    expect(first.results.map((labels) => (labels as { incident: string | null }).incident)).toEqual([null, null]);
    const second = labelBatch([outage(2)], [{}], clusterer, analyzer);
    expect((second.results[0] as { incident: string | null }).incident).toBe('inc-s0');
    expect(second.promotedEarlier.map((promotion) => [promotion.externalId, promotion.incident])).toEqual([
      ['s0', 'inc-s0'],
      ['s1', 'inc-s0'],
    ]);
  });

  it('turns a mention it cannot analyse into an error without stopping the batch', () => {
    const broken = { ...mentionOf('Mayak Bank', { externalId: 'broken' }), text: undefined as unknown as string };
    const fine = mentionOf('Mayak Bank, please add dark mode', { externalId: 'fine' });
    const { results } = labelBatch([broken, fine], [{}, {}], new MentionClusterer(), analyzer);
    expect(results[0]).toBeInstanceOf(Error);
    expect(results[1]).toEqual(classifyMention(fine, {}));
  });
});
