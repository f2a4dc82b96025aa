import { checkReply } from '../check-reply';
import type { ReplyCheck, ReplyCheckInput, ReplyMention } from '../reply-policy.types';
import type { ReplyRuleId } from '../rule-ids';

/** Test helper: check a draft against a mention given as text (or a full mention), public unless told. */
export function check(draft: string, mention: string | ReplyMention, extra: Partial<ReplyCheckInput> = {}): ReplyCheck {
  return checkReply({ mention: typeof mention === 'string' ? { text: mention } : mention, draft, visibility: 'public', ...extra });
}

export function rulesOf(result: ReplyCheck): ReplyRuleId[] {
  return result.violations.map((violation) => violation.rule);
}

/** The draft text under each span of one rule's violation. */
export function spanTexts(draft: string, result: ReplyCheck, rule: ReplyRuleId): string[] {
  const violation = result.violations.find((candidate) => candidate.rule === rule);
  return violation ? violation.spans.map((span) => draft.slice(span.start, span.end)) : [];
}
