/**
 * The reply-guideline rule ids of ../shared/corpus/SCHEMA.md and their levels. `block` rules refuse a draft,
 * `warn` rules ask the agent to acknowledge. One place knows this list: the api, the composer and the cli import it.
 */
export const BLOCK_RULE_IDS = ['pii_echo', 'pii_request_public', 'conflict_details_public', 'internal_kitchen', 'blames_customer'] as const;
export const WARN_RULE_IDS = [
  'no_private_path',
  'disproportionate',
  'no_empathy',
  'no_call_to_action',
  'scripted',
  'vague_apology',
  'unverified_promise',
] as const;
/** Not a SCHEMA rule: a workspace's own banned phrases; active only when the workspace lists some. */
export const WORKSPACE_RULE_IDS = ['banned_phrase'] as const;

export const REPLY_RULE_IDS = [...BLOCK_RULE_IDS, ...WARN_RULE_IDS] as const;

export type BlockRuleId = (typeof BLOCK_RULE_IDS)[number];
export type WarnRuleId = (typeof WARN_RULE_IDS)[number];
export type ReplyRuleId = (typeof REPLY_RULE_IDS)[number] | (typeof WORKSPACE_RULE_IDS)[number];
export type RuleLevel = 'block' | 'warn';

export const RULE_LEVELS: Readonly<Record<ReplyRuleId, RuleLevel>> = {
  pii_echo: 'block',
  pii_request_public: 'block',
  conflict_details_public: 'block',
  internal_kitchen: 'block',
  blames_customer: 'block',
  no_private_path: 'warn',
  disproportionate: 'warn',
  no_empathy: 'warn',
  no_call_to_action: 'warn',
  scripted: 'warn',
  vague_apology: 'warn',
  unverified_promise: 'warn',
  banned_phrase: 'block',
};

/**
 * Rules that exist only for public replies (corpus README, "Verdict rule"): a private reply may quote the order
 * and ask for data, and a private conversation is the place for the dispute itself.
 */
export const PUBLIC_ONLY_RULE_IDS: readonly ReplyRuleId[] = [
  'pii_echo',
  'pii_request_public',
  'conflict_details_public',
  'blames_customer',
  'no_private_path',
];

export function isReplyRuleId(value: unknown): value is ReplyRuleId {
  return typeof value === 'string' && value in RULE_LEVELS;
}
