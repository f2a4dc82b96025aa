/**
 * A record of the corpus replies format (../shared/corpus/SCHEMA.md, replies.jsonl), which is also the input of
 * `otklik check-replies`. Gold `verdict`/`violations`, when present, are kept for evaluation and never read by
 * the policy. Errors name the field and why (RecordError), so the CLI reports `line N: field: why` and goes on.
 */
import { isOneOf, PII_KINDS, RecordError, type PiiKind } from '@otklik/domain';
import type { ReplyVerdict, Visibility } from './reply-policy.types';
import { isReplyRuleId, type ReplyRuleId } from './rule-ids';

export interface CorpusReply {
  id: string;
  lang: 'ru' | 'en' | null;
  mentionText: string;
  mentionPii: PiiKind[];
  visibility: Visibility;
  draft: string;
  gold: { verdict: ReplyVerdict; violations: ReplyRuleId[] } | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireText(record: Record<string, unknown>, field: string, allowEmpty = false): string {
  const value = record[field];
  if (typeof value !== 'string' || (!allowEmpty && value.trim().length === 0)) throw new RecordError(field, 'must be a non-empty string');
  return value;
}

export interface CorpusReplyOptions {
  /** Read the gold verdict and violations (evaluation); `check-replies` ignores them. Default true. */
  readGold?: boolean;
}

export function parseCorpusReply(value: unknown, options: CorpusReplyOptions = {}): CorpusReply {
  if (!isObject(value)) throw new RecordError('(record)', 'must be a JSON object');
  const id = requireText(value, 'id');
  const lang = value.lang ?? null;
  if (lang !== null && lang !== 'ru' && lang !== 'en') throw new RecordError('lang', 'must be "ru", "en" or null');
  const mentionText = requireText(value, 'to_mention_text');
  const piiValue = value.to_mention_pii ?? [];
  if (!Array.isArray(piiValue)) throw new RecordError('to_mention_pii', `must be an array of ${PII_KINDS.join(', ')}`);
  const mentionPii = piiValue.map((kind, index) => {
    if (!isOneOf(PII_KINDS, kind)) throw new RecordError(`to_mention_pii[${index}]`, `must be one of ${PII_KINDS.join(', ')}`);
    return kind;
  });
  const visibility = value.visibility;
  if (visibility !== 'public' && visibility !== 'private') throw new RecordError('visibility', 'must be "public" or "private"');
  const draft = requireText(value, 'draft');
  let gold: CorpusReply['gold'] = null;
  if ((options.readGold ?? true) && value.verdict !== undefined && value.verdict !== null) {
    const verdict = value.verdict;
    if (verdict !== 'block' && verdict !== 'warn' && verdict !== 'ok') throw new RecordError('verdict', 'must be "block", "warn" or "ok"');
    const violations = value.violations ?? [];
    if (!Array.isArray(violations)) throw new RecordError('violations', 'must be an array of rule ids');
    gold = {
      verdict,
      violations: violations.map((rule, index) => {
        if (!isReplyRuleId(rule)) throw new RecordError(`violations[${index}]`, `unknown rule id ${JSON.stringify(rule)}`);
        return rule;
      }),
    };
  }
  return { id, lang, mentionText, mentionPii, visibility, draft, gold };
}
