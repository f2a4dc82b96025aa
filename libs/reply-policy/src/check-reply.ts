import { readDraft } from './reading/draft.reading';
import { readMention } from './reading/mention.reading';
import type { Locale, ReplyCheck, ReplyCheckInput, ReplyVerdict, ReplyViolation } from './reply-policy.types';
import { PUBLIC_ONLY_RULE_IDS, RULE_LEVELS, WARN_RULE_IDS, type WarnRuleId } from './rule-ids';
import { REPLY_RULES } from './rules/rule-registry';
import type { RuleContext } from './rules/reply-rule';

function localeOf(input: ReplyCheckInput): Locale {
  if (input.locale === 'ru' || input.locale === 'en') return input.locale;
  return input.mention.lang === 'ru' ? 'ru' : 'en';
}

/**
 * Checks a draft reply against GUIDE §3-§4. Pure: the same input gives the same answer. `block` if any block
 * rule fires, `warn` if only warn rules do, `ok` otherwise. Public-only rules are skipped for private replies,
 * disabled warn rules are skipped; block rules cannot be disabled.
 */
export function checkReply(input: ReplyCheckInput): ReplyCheck {
  const policy = input.policy ?? {};
  const enabledWarn = new Set<WarnRuleId>(policy.enabledWarnRules ?? WARN_RULE_IDS);
  const context: RuleContext = {
    input,
    draft: readDraft(input.draft ?? '', policy.brandNames ?? []),
    mention: readMention(input),
    policy,
    locale: localeOf(input),
    isPublic: input.visibility !== 'private',
  };
  const violations: ReplyViolation[] = [];
  if (context.draft.text.trim().length === 0) return { verdict: 'ok', violations };
  for (const rule of REPLY_RULES) {
    const level = RULE_LEVELS[rule.id];
    if (!context.isPublic && PUBLIC_ONLY_RULE_IDS.includes(rule.id)) continue;
    if (level === 'warn' && !enabledWarn.has(rule.id as WarnRuleId)) continue;
    const finding = rule.check(context);
    if (finding) violations.push({ rule: rule.id, level, spans: finding.spans, message: finding.message });
  }
  const verdict: ReplyVerdict = violations.some((v) => v.level === 'block') ? 'block' : violations.length > 0 ? 'warn' : 'ok';
  return { verdict, violations };
}
