import type { AuthorKind, Cause, Intent, PiiKind, Sentiment, Severity } from './labels';

/** The author as a platform describes them; any field a platform does not give is null. */
export interface AuthorInfo {
  /** `<channel>:<platform id>`, stable per platform account. */
  id: string;
  handle: string | null;
  followers: number | null;
  /** ISO 8601. */
  accountCreatedAt: string | null;
  verified: boolean | null;
  kind: AuthorKind | null;
}

/**
 * A mention as the pipeline and the pure libraries see it: normalised, platform-neutral.
 * `externalId` is unique per channel; thread ids are the platform's root ids, `inReplyTo` an external id.
 */
export interface MentionInput {
  externalId: string;
  channel: string;
  lang: string | null;
  publishedAt: string;
  isPrivate: boolean;
  author: AuthorInfo;
  threadExternalId: string;
  inReplyTo: string | null;
  brand: string | null;
  text: string;
  url?: string | null;
  reposts?: number | null;
  likes?: number | null;
}

export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

/** Everything the classifier says of one mention. */
export interface MentionLabels {
  intent: Intent;
  cause: Cause | null;
  severity: Severity;
  sentiment: Sentiment;
  pii: PiiKind[];
  piiSpans: PiiSpan[];
  criticalData: boolean;
  incident: string | null;
  campaign: string | null;
  /** Per label, 0..1. */
  confidence: Record<string, number>;
  /** Per label, the phrases and signals that decided it, for the inbox to show. */
  explain: Record<string, string[]>;
}
