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
import type { Cause, Explanation, Intent, Sentiment, Severity } from '@otklik/domain';
import { because, type ExplanationKey } from '../explain/explanation.catalogue';
import { findCues } from '../lexicon/cue.family';
import { WAITING_IN_WORDS } from '../lexicon/complaint.lexicon';
import { phrasesOf, type MentionReading } from './mention.reading';
import { decision, type RuleDecision } from './rule-decision';

export interface SeverityInput {
  intent: Intent;
  cause: Cause | null;
  sentiment: Sentiment;
  criticalData: boolean;
}

/** The reasons that say the author has been waiting long: they lift a frustrated question or angry suggestion to high. */
const WAITING_KEYS = new Set<string>(['severity.repeated_contact_ignored', 'severity.waiting_days', 'severity.no_answer_before'] satisfies ExplanationKey[]);

/** A reason about the wait: one of WAITING_KEYS, or a quoted phrase of the author's that speaks of waiting (either language). */
function isAboutWaiting(why: Explanation): boolean {
  return WAITING_KEYS.has(why.key) || (why.phrases ?? []).some((phrase) => findCues(WAITING_IN_WORDS, phrase).length > 0);
}

export function decideSeverity(reading: MentionReading, input: SeverityInput): RuleDecision<Severity> {
  const { hits, analysis, context } = reading;
  const { intent, cause, sentiment } = input;
  const inIncident = Boolean(context.cluster?.incident);
  const history = context.author;

  if (input.criticalData) return decision('critical', 0.85, [because('severity.critical_data')]);
  if (reading.isMedia && !reading.isBrandAuthor) {
    if (hits.media_request.length > 0) return decision('critical', 0.8, [because('severity.media_request', { phrases: phrasesOf(hits.media_request) })]);
    if (inIncident || reading.failurePredicate || hits.mass_scope.length > 0) return decision('critical', 0.75, [because('severity.media_failure')]);
    return decision('low', 0.7, [because('severity.media_news')]);
  }
  if (cause === 'black_pr') return decision('high', 0.8, [because('severity.black_pr')]);
  if (cause === 'piling_on') {
    if (hits.boycott.length > 0 && analysis.anyQuestion) return decision('medium', 0.6, [because('severity.call_to_join', { phrases: phrasesOf(hits.boycott) })]);
    if (reading.highReach) return decision('medium', 0.55, [because('severity.piling_with_reach')]);
    return decision('low', 0.7, [because('severity.piling_without_reach')]);
  }
  if (intent === 'praise' || intent === 'other') return decision('low', 0.8, [because(intent === 'praise' ? 'severity.praise' : 'severity.no_complaint')]);
  if (intent === 'question' && sentiment !== 'negative') return decision('low', 0.8, [because('severity.neutral_question')]);
  if (intent === 'suggestion' && sentiment !== 'negative') return decision('low', 0.8, [because('severity.wish')]);

  const complaining = intent === 'problem';
  if (complaining && hits.safety.length > 0 && reading.ownExperience) return decision('critical', 0.75, [because('severity.safety_threat', { phrases: phrasesOf(hits.safety) })]);
  if (complaining && hits.legal_threat.length > 0 && !analysis.mention.isPrivate && reading.ownExperience) {
    return decision('critical', 0.7, [because('severity.legal_threat', { phrases: phrasesOf(hits.legal_threat) })]);
  }
  const geographicScope = hits.mass_scope.some((hit) => /city|town|region|country|nationwide|город|район|всем|у всех|жители/.test(hit.phrase));
  if (complaining && reading.highReach && (inIncident || (geographicScope && reading.cannotUse))) {
    return decision('critical', 0.7, [because('severity.amplified_mass_failure')]);
  }

  const high: Explanation[] = [];
  if (reading.moneyLoss) high.push(because('severity.money_lost', { phrases: phrasesOf(hits.money_loss, 2) }));
  if (reading.cannotUse) high.push(because('severity.cannot_use', { phrases: phrasesOf(hits.cannot_use, 2) }));
  if (analysis.repeatCount >= 4) high.push(because('severity.repeated_contact_ignored', { count: analysis.repeatCount }));
  if (cause === 'staff_inattention' && analysis.repeatCount >= 3 && analysis.waitDays >= 7) {
    high.push(because('severity.contacts_over_days', { count: analysis.repeatCount, days: Math.round(analysis.waitDays) }));
  }
  if (intent === 'question' && analysis.waitDays >= 7) high.push(because('severity.waiting_days', { days: Math.round(analysis.waitDays) }));
  if ((history?.unanswered ?? 0) > 0) high.push(because('severity.no_answer_before'));
  if (reading.threadTraction || hits.boycott.some((hit) => /репост|repost|share|поделит/.test(hit.phrase))) high.push(because('severity.thread_traction'));
  if (reading.highReach) high.push(because('severity.high_reach'));
  if (inIncident && complaining) high.push(because('severity.mass_incident'));
  if (complaining && analysis.length >= 450) high.push(because('severity.long_complaint'));
  if (complaining && hits.safety.length > 0) high.push(because('severity.safety'));

  if (intent === 'suggestion' || intent === 'question') {
    // A frustrated question or an angry suggestion is medium unless the wait itself is long (convention 6).
    const loudWait = high.filter(isAboutWaiting);
    return loudWait.length > 0 ? decision('high', 0.55, loudWait) : decision('medium', 0.6, [because('severity.frustrated')]);
  }
  if (high.length > 0) return decision('high', 0.55 + Math.min(high.length, 3) * 0.1, high);
  if (sentiment === 'neutral') return decision('medium', 0.6, [because('severity.single_problem_calm')]);
  return decision('medium', 0.65, [because('severity.single_problem')]);
}
