/**
 * What the classifier may know beyond the mention's own text (GUIDE §2: author, thread and history change the
 * label). Every field is optional: a worker passes what it has; the classifier degrades gracefully.
 */
import type { AuthorInfo, Cause, Intent, Sentiment, Severity } from '@otklik/domain';

/** An earlier mention of the same thread (its root or the direct parent). */
export interface ThreadMention {
  externalId: string;
  authorId: string;
  authorFollowers?: number | null;
  authorKind?: AuthorInfo['kind'];
  authorVerified?: boolean | null;
  publishedAt?: string;
  text?: string;
  /** Labels if that mention was already classified. */
  labels?: { intent?: Intent; cause?: Cause | null; sentiment?: Sentiment; severity?: Severity; incident?: string | null };
  reposts?: number | null;
  likes?: number | null;
  /** Sum of followers of everyone who reposted or replied, when the platform tells. */
  reach?: number | null;
}

export interface ThreadContext {
  root?: ThreadMention | null;
  parent?: ThreadMention | null;
  /** Replies seen so far in the thread and how many distinct authors wrote them. */
  replyCount?: number;
  uniqueAuthors?: number;
  /** True when the brand has already answered in this thread. */
  brandAnswered?: boolean;
}

export interface AuthorHistory {
  /** Earlier mentions of the brand by this author. */
  earlierMentions?: number;
  /** Of those, complaints or questions the brand never answered. */
  unanswered?: number;
  /** Hours since the oldest unanswered one. */
  oldestUnansweredHours?: number | null;
}

/** Cluster membership decided by a MentionClusterer (see cluster/mention.clusterer.ts). */
export interface ClusterContext {
  incident?: string | null;
  /** Distinct authors in the incident so far. */
  incidentSize?: number;
  campaign?: string | null;
  campaignSize?: number;
}

export interface MentionContext {
  thread?: ThreadContext;
  author?: AuthorHistory;
  cluster?: ClusterContext;
}
