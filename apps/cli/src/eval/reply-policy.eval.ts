/**
 * `npm run eval` section for the reply policy: runs every draft of `<corpus>/replies.jsonl` through checkReply and
 * compares with the gold verdicts and rule ids. Targets (brief): every block draft blocked, no ok draft blocked,
 * verdict macro-F1 >= 0.85, each block rule F1 >= 0.9, each warn rule F1 >= 0.7.
 */
import { join } from 'node:path';
import { binaryScore, classificationReport, formatConfusion, formatScores, type LabelScore } from '@otklik/domain';
import { BLOCK_RULE_IDS, REPLY_RULE_IDS, RULE_LEVELS, parseCorpusReply, type CorpusReply } from '@otklik/reply-policy';
import { checkCorpusReply } from '../commands/check-replies.command';
import { readJsonl } from '../io/jsonl';
import { atLeast, atMost, type EvalCheck, type EvalSection } from './eval-section';

export const REPLY_POLICY_TARGETS = { verdictMacroF1: 0.85, blockRuleF1: 0.9, warnRuleF1: 0.7, blockRecall: 1, okBlocked: 0 } as const;

export interface ReplyPolicyFigures {
  drafts: number;
  skipped: string[];
  verdictMacroF1: number;
  blockRecall: number;
  okBlocked: number;
  perRule: LabelScore[];
}

export async function measureReplyPolicy(corpusDir: string): Promise<{ figures: ReplyPolicyFigures; lines: string[] }> {
  const records: CorpusReply[] = [];
  const skipped: string[] = [];
  for await (const item of readJsonl(join(corpusDir, 'replies.jsonl'), (value) => parseCorpusReply(value))) {
    if (item.error !== undefined) skipped.push(`line ${item.line}: ${item.error}`);
    else if (item.value.gold === null) skipped.push(`line ${item.line}: no gold verdict`);
    else records.push(item.value);
  }
  const predictions = records.map((record) => checkCorpusReply(record, 'en'));
  const goldVerdicts = records.map((record) => record.gold!.verdict);
  const predictedVerdicts = predictions.map((prediction) => prediction.verdict);
  const report = classificationReport(goldVerdicts, predictedVerdicts, ['block', 'warn', 'ok']);
  const blockGold = goldVerdicts.map((verdict, i) => [verdict, predictedVerdicts[i]]).filter(([gold]) => gold === 'block');
  const blockRecall = blockGold.length === 0 ? 1 : blockGold.filter(([, predicted]) => predicted === 'block').length / blockGold.length;
  const okBlocked = goldVerdicts.filter((verdict, i) => verdict === 'ok' && predictedVerdicts[i] === 'block').length;
  const perRule: LabelScore[] = REPLY_RULE_IDS.map((rule) => {
    const score = binaryScore(
      records.map((record) => record.gold!.violations.includes(rule)),
      predictions.map((prediction) => prediction.violations.includes(rule)),
    );
    return { label: rule, ...score };
  });
  const lines = [
    `${records.length} drafts${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}`,
    ...skipped.map((reason) => `  skipped ${reason}`),
    'verdict confusion:',
    ...formatConfusion(report.confusion).map((line) => `  ${line}`),
    `verdict macro-F1 ${report.macroF1.toFixed(3)}, accuracy ${report.accuracy.toFixed(3)}`,
    `block drafts blocked ${(blockRecall * 100).toFixed(1)}%, ok drafts blocked ${okBlocked}`,
    'per rule (a rule counts as predicted on a draft when it is among the violations):',
    ...formatScores(perRule).map((line, i) => `${line}  (${RULE_LEVELS[perRule[i].label as keyof typeof RULE_LEVELS]})`),
  ];
  return { figures: { drafts: records.length, skipped, verdictMacroF1: report.macroF1, blockRecall, okBlocked, perRule }, lines };
}

export function replyPolicyChecks(figures: ReplyPolicyFigures, slack = 0): EvalCheck[] {
  const blockRules: readonly string[] = BLOCK_RULE_IDS;
  return [
    atLeast('block drafts blocked', figures.blockRecall, REPLY_POLICY_TARGETS.blockRecall),
    atMost('ok drafts blocked', figures.okBlocked, REPLY_POLICY_TARGETS.okBlocked),
    atLeast('verdict macro-F1', figures.verdictMacroF1, REPLY_POLICY_TARGETS.verdictMacroF1 - slack),
    ...figures.perRule.map((score) =>
      atLeast(
        `${score.label} F1`,
        score.f1,
        (blockRules.includes(score.label) ? REPLY_POLICY_TARGETS.blockRuleF1 : REPLY_POLICY_TARGETS.warnRuleF1) - slack,
      ),
    ),
  ];
}

export async function evaluateReplyPolicy(corpusDir: string): Promise<EvalSection> {
  const { figures, lines } = await measureReplyPolicy(corpusDir);
  return { title: 'Reply policy (replies.jsonl)', lines, checks: replyPolicyChecks(figures) };
}
