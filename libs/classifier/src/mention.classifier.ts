/**
 * Labels one mention from its analysis and context. Pure: the same input gives the same labels; no I/O.
 * Incident and campaign ids come from the context (a MentionClusterer decides them, see streaming.classifier.ts).
 */
import type { MentionInput, MentionLabels, PiiKind } from '@otklik/domain';
import { because } from './explain/explanation.catalogue';
import { MentionAnalyzer, type MentionAnalysis } from './mention.analyzer';
import type { MentionContext } from './mention-context';
import { candidateCause, finalCause, isBlackPr } from './rules/cause.rule';
import { decideCriticalData } from './rules/critical-data.rule';
import { decideIntent } from './rules/intent.rule';
import { readMention } from './rules/mention.reading';
import { decideSentiment } from './rules/sentiment.rule';
import { decideSeverity } from './rules/severity.rule';

export function labelMention(analysis: MentionAnalysis, context: MentionContext = {}): MentionLabels {
  const reading = readMention(analysis, context);
  const blackPr = isBlackPr(reading, context.cluster);
  const intent = decideIntent(reading, blackPr);
  const candidate = candidateCause(reading, intent.value, blackPr);
  const sentiment = decideSentiment(reading, intent.value, candidate.value);
  const cause = finalCause(candidate, intent.value, sentiment.value);
  const criticalData = decideCriticalData(reading, intent.value);
  const severity = decideSeverity(reading, { intent: intent.value, cause: cause.value, sentiment: sentiment.value, criticalData: criticalData.value });

  const piiKinds = [...new Set(analysis.pii.map((finding) => finding.kind))] as PiiKind[];
  const incident = context.cluster?.incident ?? null;
  const campaign = context.cluster?.campaign ?? null;
  return {
    intent: intent.value,
    cause: cause.value,
    severity: severity.value,
    sentiment: sentiment.value,
    pii: piiKinds,
    piiSpans: analysis.pii.map(({ kind, start, end }) => ({ kind, start, end })),
    criticalData: criticalData.value,
    incident,
    campaign,
    confidence: {
      intent: intent.confidence,
      cause: cause.confidence,
      severity: severity.confidence,
      sentiment: sentiment.confidence,
      pii: analysis.pii.length > 0 ? 0.9 : 0.8,
      criticalData: criticalData.confidence,
      ...(incident ? { incident: Math.min(0.95, 0.5 + (context.cluster?.incidentSize ?? 0) * 0.05) } : {}),
      ...(campaign ? { campaign: Math.min(0.95, 0.5 + (context.cluster?.campaignSize ?? 0) * 0.05) } : {}),
    },
    explain: {
      intent: intent.explain,
      cause: cause.explain,
      severity: severity.explain,
      sentiment: sentiment.explain,
      pii: analysis.pii.map((finding) => because('pii.found', { kind: finding.kind, evidence: finding.evidence })),
      criticalData: criticalData.explain,
      ...(incident ? { incident: [because('incident.cluster', { count: context.cluster?.incidentSize ?? 0 })] } : {}),
      ...(campaign ? { campaign: [because('campaign.cluster', { count: context.cluster?.campaignSize ?? 0 })] } : {}),
    },
  };
}

/**
 * Labels one mention given what is known around it. Convenience for single calls; a worker labelling many
 * mentions should keep one MentionAnalyzer (stem memo) and call `labelMention(analyzer.analyze(m), context)`.
 */
export function classifyMention(mention: MentionInput, context: MentionContext = {}, analyzer: MentionAnalyzer = new MentionAnalyzer()): MentionLabels {
  return labelMention(analyzer.analyze(mention), context);
}
