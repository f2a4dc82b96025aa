import type { MentionInput, Sentiment } from '@otklik/domain';

/**
 * One post of a public thread as the escalation tracker sees it. `reposts`/`likes` are the counts known when
 * the post is observed; `sentiment` is the classifier's label when the pipeline has one (the tracker falls back
 * to its own small lexicon otherwise).
 */
export interface ThreadPost extends MentionInput {
  sentiment?: Sentiment | null;
  reposts?: number | null;
  likes?: number | null;
}

/** Ordered from mildest to most urgent: the index is the rank. */
export const ESCALATION_LEVELS = ['watch', 'warning', 'critical'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export function levelRank(level: EscalationLevel | null): number {
  return level === null ? -1 : ESCALATION_LEVELS.indexOf(level);
}

export interface EscalationAlert {
  threadId: string;
  /** Event time (ISO) of the post that pushed the thread over the threshold, never the wall clock. */
  alertedAt: string;
  level: EscalationLevel;
  /** 0..100. */
  score: number;
  /** Each signal that contributed, with its value, e.g. `journalist_request=1 (...) +45`. */
  reasons: string[];
}

/** One signal's share of the score, for the inbox to show and for tuning. */
export interface SignalContribution {
  signal: string;
  /** The measured value the points were derived from (a rate ratio, a count, a share...). */
  value: number;
  /** Human-readable measurement, e.g. `28.0/h vs 4.0/h baseline`. */
  detail: string;
  points: number;
}
