/**
 * Severity (SCHEMA severity, GUIDE §5, corpus conventions 4-6):
 * - critical: data or payment exposure, safety, legal or regulator threats in public, media reporting a failure
 *   or asking for comment, a mass outage amplified by an influencer;
 * - high: money lost, service unusable, repeated contact ignored, a thread gaining traction, a verified or
 *   influencer author complaining, black_pr campaigns, individual users during a mass incident;
 * - medium: a single problem with a workaround, a frustrated question, a negative review, an angry suggestion,
 *   a boycott call;
 * - low: praise, suggestions, neutral questions, off-topic, one-line piling on without reach.
 */
import type { Cause, Intent, Sentiment, Severity } from '@otklik/domain';
import { phrasesOf, type MentionReading } from './mention.reading';
import { decision, quoted, type RuleDecision } from './rule-decision';

export interface SeverityInput {
  intent: Intent;
  cause: Cause | null;
  sentiment: Sentiment;
  criticalData: boolean;
}

export function decideSeverity(reading: MentionReading, input: SeverityInput): RuleDecision<Severity> {
  const { hits, analysis, context } = reading;
  const { intent, cause, sentiment } = input;
  const inIncident = Boolean(context.cluster?.incident);
  const history = context.author;

  if (input.criticalData) return decision('critical', 0.85, ['critical data affected']);
  if (reading.isMedia && !reading.isBrandAuthor) {
    if (hits.media_request.length > 0) return decision('critical', 0.8, [`media asking for comment: ${quoted(phrasesOf(hits.media_request))}`]);
    if (inIncident || reading.failurePredicate || hits.mass_scope.length > 0) return decision('critical', 0.75, ['media reporting a failure']);
    return decision('low', 0.7, ['media news without a failure']);
  }
  if (cause === 'black_pr') return decision('high', 0.8, ['black_pr campaign (convention 4)']);
  if (cause === 'piling_on') {
    if (hits.boycott.length > 0 && analysis.anyQuestion) return decision('medium', 0.6, [`a call to join in: ${quoted(phrasesOf(hits.boycott))}`]);
    if (reading.highReach) return decision('medium', 0.55, ['piling on from an author with reach']);
    return decision('low', 0.7, ['piling on without reach']);
  }
  if (intent === 'praise' || intent === 'other') return decision('low', 0.8, [intent === 'praise' ? 'praise' : 'no complaint']);
  if (intent === 'question' && sentiment !== 'negative') return decision('low', 0.8, ['a neutral question']);
  if (intent === 'suggestion' && sentiment !== 'negative') return decision('low', 0.8, ['a wish or idea']);

  const complaining = intent === 'problem';
  if (complaining && hits.safety.length > 0 && reading.ownExperience) return decision('critical', 0.75, [`safety: ${quoted(phrasesOf(hits.safety))}`]);
  if (complaining && hits.legal_threat.length > 0 && !analysis.mention.isPrivate && reading.ownExperience) {
    return decision('critical', 0.7, [`a public legal or regulator threat: ${quoted(phrasesOf(hits.legal_threat))}`]);
  }
  const geographicScope = hits.mass_scope.some((hit) => /city|town|region|country|nationwide|город|район|всем|у всех|жители/.test(hit.phrase));
  if (complaining && reading.highReach && (inIncident || (geographicScope && reading.cannotUse))) {
    return decision('critical', 0.7, ['an influencer or verified author amplifying a mass failure']);
  }

  const high: string[] = [];
  if (reading.moneyLoss) high.push(`money lost: ${quoted(phrasesOf(hits.money_loss, 2))}`);
  if (reading.cannotUse) high.push(`cannot use the service: ${quoted(phrasesOf(hits.cannot_use, 2))}`);
  if (analysis.repeatCount >= 4) high.push(`repeated contact ignored (${analysis.repeatCount}×)`);
  if (cause === 'staff_inattention' && analysis.repeatCount >= 3 && analysis.waitDays >= 7) high.push(`${analysis.repeatCount} contacts over ${Math.round(analysis.waitDays)} days`);
  if (intent === 'question' && analysis.waitDays >= 7) high.push(`waiting ${Math.round(analysis.waitDays)} days`);
  if ((history?.unanswered ?? 0) > 0) high.push('wrote before and got no answer');
  if (reading.threadTraction || hits.boycott.some((hit) => /репост|repost|share|поделит/.test(hit.phrase))) high.push('a public thread gaining traction');
  if (reading.highReach) high.push('a verified or influencer author');
  if (inIncident && complaining) high.push('part of a mass incident');
  if (complaining && analysis.length >= 450) high.push('a long, detailed complaint');
  if (complaining && hits.safety.length > 0) high.push('safety');

  if (intent === 'suggestion' || intent === 'question') {
    // A frustrated question or an angry suggestion is medium unless the wait itself is long (convention 6).
    const loudWait = high.filter((why) => /repeated|waiting|no answer/.test(why));
    return loudWait.length > 0 ? decision('high', 0.55, loudWait) : decision('medium', 0.6, ['a frustrated question or angry suggestion']);
  }
  if (high.length > 0) return decision('high', 0.55 + Math.min(high.length, 3) * 0.1, high);
  if (sentiment === 'neutral') return decision('medium', 0.6, ['a single problem reported calmly']);
  return decision('medium', 0.65, ['a single problem']);
}
