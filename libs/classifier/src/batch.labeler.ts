/**
 * Labels one batch of stored mentions (in the order given) with the context read for each of them and a
 * workspace's streaming MentionClusterer: the labelling the classify stage does and `otklik reclassify`
 * repeats, in one place. Pure: contexts come in, labels and cluster promotions go out; no I/O.
 *
 * A parent labelled earlier in the same batch is not stored yet, so the batch supplies it as the reply's
 * parent. A later mention that confirms a new incident or campaign re-labels the earlier members of this
 * batch at once; earlier members outside the batch are returned for the caller to re-label where they are stored.
 */
import type { MentionInput, MentionLabels } from '@otklik/domain';
import { clusterItemOf } from './cluster/cluster.item';
import type { ClusterPromotion, MentionClusterer } from './cluster/mention.clusterer';
import type { MentionContext, ThreadMention } from './mention-context';
import { classifyMention, labelMention } from './mention.classifier';
import type { MentionAnalyzer } from './mention.analyzer';

export interface BatchLabelling {
  /** Per mention, in batch order: its labels, or the error that stopped its analysis. */
  results: (MentionLabels | Error)[];
  /** Mentions outside this batch that a mention of it promoted into a new incident or campaign. */
  promotedEarlier: ClusterPromotion[];
}

/** A labelled mention as a thread's root or parent for the mentions replying to it. */
export function threadMentionOf(mention: MentionInput, labels: MentionLabels): ThreadMention {
  return {
    externalId: mention.externalId,
    authorId: mention.author.id,
    authorFollowers: mention.author.followers,
    authorKind: mention.author.kind,
    authorVerified: mention.author.verified,
    publishedAt: mention.publishedAt,
    text: mention.text,
    labels: {
      intent: labels.intent,
      cause: labels.cause,
      sentiment: labels.sentiment,
      severity: labels.severity,
      incident: labels.incident,
    },
    reposts: mention.reposts ?? null,
    likes: mention.likes ?? null,
  };
}

/** `contexts[i]` belongs to `batch[i]`; it may be completed in place with a parent labelled in this batch. */
export function labelBatch(
  batch: MentionInput[],
  contexts: MentionContext[],
  clusterer: MentionClusterer,
  analyzer: MentionAnalyzer,
): BatchLabelling {
  const labelled = new Map<string, ThreadMention>();
  const results: (MentionLabels | Error)[] = [];
  const promotedEarlier: ClusterPromotion[] = [];
  const inBatch = new Map<string, number>();
  for (const [index, mention] of batch.entries()) {
    try {
      const context = contexts[index];
      // Parents labelled earlier in this same batch are not in the database yet.
      const parent = mention.inReplyTo ? labelled.get(mention.inReplyTo) : undefined;
      if (parent && context.thread) context.thread.parent = parent;
      const analysis = analyzer.analyze(mention);
      const preliminary = labelMention(analysis, context);
      const { assignment, promoted } = clusterer.add(clusterItemOf(analysis, preliminary));
      const labels = assignment.incident || assignment.campaign ? labelMention(analysis, { ...context, cluster: assignment }) : preliminary;
      results.push(labels);
      inBatch.set(mention.externalId, index);
      labelled.set(mention.externalId, threadMentionOf(mention, labels));
      for (const promotion of promoted) {
        const earlierIndex = inBatch.get(promotion.externalId);
        if (earlierIndex !== undefined && earlierIndex !== index) {
          results[earlierIndex] = classifyMention(batch[earlierIndex], { ...contexts[earlierIndex], cluster: promotion }, analyzer);
        } else if (earlierIndex === undefined) {
          promotedEarlier.push(promotion);
        }
      }
    } catch (error) {
      results.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return { results, promotedEarlier };
}
