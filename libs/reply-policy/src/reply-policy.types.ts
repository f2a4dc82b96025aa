import type { Cause, Intent, PiiKind, PiiSpan, Sentiment, Severity } from '@otklik/domain';
import type { ReplyRuleId, RuleLevel, WarnRuleId } from './rule-ids';

export type Locale = 'ru' | 'en';
export type Visibility = 'public' | 'private';

/** Offsets into the draft: `draft.slice(start, end)` is the text a violation objects to. */
export interface TextSpan {
  start: number;
  end: number;
}

/** What the classifier said of the mention; every field may be missing when it has not run. */
export interface MentionSignals {
  intent?: Intent | null;
  cause?: Cause | null;
  severity?: Severity | null;
  sentiment?: Sentiment | null;
}

export interface ReplyMention {
  text: string;
  lang?: string | null;
  /** Spans of personal data in `text`, from the classifier. When absent, the policy detects them itself. */
  piiSpans?: PiiSpan[] | null;
  /** Kinds of personal data known to be in the text (e.g. the corpus `to_mention_pii`), even without spans. */
  piiKinds?: PiiKind[] | null;
  labels?: MentionSignals | null;
  /** Author's display name or handle, used by suggestions to address the customer. */
  authorName?: string | null;
}

/** An earlier post of the same thread. */
export interface ThreadPost {
  text: string;
  /** True for the brand's own posts (status updates, earlier answers): their facts count as confirmed. */
  fromBrand?: boolean;
}

/** How the brand speaks: as "we", or as a named person with a role (seed 003: a senior specialist for serious cases). */
export type BrandVoice = { kind: 'we' } | { kind: 'agent'; name: string; role: string };

export interface ReplyPolicySettings {
  /** Warn-level rules to run; default: all of them. Block rules cannot be switched off. */
  enabledWarnRules?: readonly WarnRuleId[];
  brandVoice?: BrandVoice;
  /** Phrases the workspace never publishes (rule `banned_phrase`, block). */
  bannedPhrases?: readonly string[];
  /** The team's own canned paragraphs: a draft containing one is `scripted`. */
  stockPhrases?: readonly string[];
  /** The brand's names and aliases: not customer-specific content when measuring how specific a draft is. */
  brandNames?: readonly string[];
  /** A contact for channels without private messages (app stores, review sites), e.g. a support address. */
  privateContact?: string | null;
  /** How many recent replies must carry the same paragraph before it counts as a script (default 2). */
  repeatedParagraphThreshold?: number;
}

/** Everything a check needs; one object so callers (api, cli, composer) can grow it without breaking calls. */
export interface ReplyCheckInput {
  mention: ReplyMention;
  thread?: readonly ThreadPost[] | null;
  draft: string;
  visibility: Visibility;
  channel?: string | null;
  policy?: ReplyPolicySettings | null;
  /** Bodies of the workspace's recent replies, to catch one paragraph pasted to many customers. */
  recentReplies?: readonly string[] | null;
  /** Statements the team has confirmed (status page, incident ETA): a promise repeating them is not unverified. */
  confirmedFacts?: readonly string[] | null;
  /** Language of the explanations; default: the mention's language, else English. */
  locale?: Locale | null;
  /** A personal-data detector to use instead of the built-in one when the mention carries no spans. */
  piiDetector?: ((text: string) => PiiSpan[]) | null;
}

export interface ReplyViolation {
  rule: ReplyRuleId;
  level: RuleLevel;
  spans: TextSpan[];
  message: string;
}

export type ReplyVerdict = 'block' | 'warn' | 'ok';

export interface ReplyCheck {
  verdict: ReplyVerdict;
  violations: ReplyViolation[];
}
