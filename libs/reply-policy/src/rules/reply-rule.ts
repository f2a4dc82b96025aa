import type { MentionReading } from '../reading/mention.reading';
import type { DraftReading } from '../reading/draft.reading';
import type { Locale, ReplyCheckInput, ReplyPolicySettings, TextSpan } from '../reply-policy.types';
import type { ReplyRuleId } from '../rule-ids';

/** Everything a rule may look at, read once per check. */
export interface RuleContext {
  input: ReplyCheckInput;
  draft: DraftReading;
  mention: MentionReading;
  policy: ReplyPolicySettings;
  locale: Locale;
  isPublic: boolean;
}

export interface RuleFinding {
  spans: TextSpan[];
  message: string;
}

export interface ReplyRule {
  id: ReplyRuleId;
  check(context: RuleContext): RuleFinding | null;
}

export type Wording = Record<Locale, string>;

export function say(locale: Locale, wording: Wording): string {
  return wording[locale];
}
