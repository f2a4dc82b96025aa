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
  /** Per label, the phrases and signals that decided it, for the inbox to show (see Explanation). */
  explain: Explanations;
}

/**
 * One reason the classifier gave for a label, language-neutral, as stored in `mention.explain`: a stable
 * message key plus the values its message needs, e.g.
 * `{ "key": "cause.staff_treatment", "phrases": ["обещаете перезвонить", "звонила пять раз"] }` or
 * `{ "key": "severity.contacts_over_days", "count": 5, "days": 21 }`.
 * The keys, the parameters each one takes and their Russian and English wording are the classifier's message
 * catalogue (libs/classifier/src/explain/explanation.catalogue.ts); `renderExplanations(explain, locale)` there
 * turns stored explanations into sentences. Parameters hold facts, never wording: a key's message may change,
 * its parameters keep their meaning (a new meaning gets a new key).
 */
export interface Explanation {
  /** `<label>.<reason>`, e.g. `intent.opens_with_question`; never renamed once stored. */
  key: string;
  /** Words quoted from the mention itself, verbatim and in its own language (never translated). */
  phrases?: string[];
  /** How many: contacts, unanswered earlier mentions, authors in an incident or a campaign. */
  count?: number;
  /** A span of time in whole days. */
  days?: number;
  /** A campaign id (`camp-...`). */
  campaign?: string;
  /** A kind of personal data found in the text, with `evidence` (the text found, masked). */
  kind?: PiiKind;
  evidence?: string;
}

/** Per label (`intent`, `cause`, `severity`, `sentiment`, `pii`, `criticalData`, `incident`, `campaign`), the reasons in order. */
export type Explanations = Record<string, Explanation[]>;

/**
 * What a `mention.explain` column may hold: Explanations, or, in rows labelled before explanations became
 * language-neutral, English sentences (rendered as they are).
 */
export type StoredExplanations = Record<string, (Explanation | string)[]>;
