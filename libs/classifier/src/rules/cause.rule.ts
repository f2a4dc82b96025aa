/**
 * The four causes of public discontent (GUIDE §2, seed 002) and corpus convention 1: a cause is set exactly when
 * the mention is a problem or negative. staff_inattention wins when the text mainly complains about how the
 * author was treated (convention 3), even if a defect started it.
 */
import type { Cause, Intent, Sentiment } from '@otklik/domain';
import { because } from '../explain/explanation.catalogue';
import type { ClusterContext } from '../mention-context';
import { pilingKind } from './intent.rule';
import { phrasesOf, type MentionReading } from './mention.reading';
import { decision, type RuleDecision } from './rule-decision';

/**
 * Coordinated, inauthentic attack. The campaign clusterer is the strong signal (near-duplicates from fresh
 * accounts); on its own a post counts only when a fresh or low-follower account pairs a competitor plug or
 * "truth" link with a boycott call or a scandalous claim: one angry real customer is never black_pr.
 */
export function isBlackPr(reading: MentionReading, cluster: ClusterContext | undefined): boolean {
  if (cluster?.campaign) return true;
  const { hits } = reading;
  return reading.suspiciousAuthor && hits.competitor_plug.length > 0 && (hits.boycott.length > 0 || hits.scandal.length > 0);
}

/** Which cause the negativity has, before convention 1 decides whether a cause is reported at all. */
export function candidateCause(reading: MentionReading, intent: Intent, blackPr: boolean): RuleDecision<Cause | null> {
  const { hits, analysis } = reading;
  if (blackPr) {
    const why = reading.context.cluster?.campaign
      ? [because('cause.campaign', { campaign: reading.context.cluster.campaign })]
      : [because('cause.competitor_plug', { phrases: phrasesOf([...hits.competitor_plug, ...hits.boycott]) })];
    return decision('black_pr', reading.context.cluster?.campaign ? 0.85 : 0.6, why);
  }
  if (intent === 'praise') return decision(null, 0.85, []);
  const piling = pilingKind(reading);
  if (piling !== null && intent !== 'question' && intent !== 'suggestion') {
    const why =
      piling === 'me_too' ? because('cause.me_too', { phrases: phrasesOf(hits.me_too) }) : because('cause.generalised_attack', { phrases: phrasesOf(hits.attack) });
    return decision('piling_on', 0.7, [why, ...(reading.joinsNegativeThread ? [because('cause.joins_thread')] : [])]);
  }
  const staff = reading.staffScore;
  const defect = reading.defectScore + (reading.sarcastic && staff === 0 ? 1 : 0);
  if (staff === 0 && defect === 0) {
    if (reading.continuesOwnComplaint && reading.rootCause) return decision(reading.rootCause, 0.5, [because('cause.continues_thread')]);
    if (intent === 'problem') return decision('product_defect', 0.45, [because('cause.unspecified_failure')]);
    return decision(null, 0.6, []);
  }
  const history = reading.context.author;
  const unanswered = history?.unanswered ?? 0;
  const historyNote = unanswered > 0 ? [because('cause.no_answer_before', { count: unanswered })] : [];
  if (staff > 0 && staff >= defect * 0.75) {
    const margin = staff / (staff + defect);
    return decision('staff_inattention', 0.5 + margin * 0.45, [
      because('cause.staff_treatment', { phrases: phrasesOf(hits.staff) }),
      ...(analysis.repeatCount >= 2 ? [because('cause.repeated_contact', { count: analysis.repeatCount })] : []),
      ...historyNote,
    ]);
  }
  const margin = defect / (staff + defect);
  return decision('product_defect', 0.5 + margin * 0.45, [
    because('cause.product_failed', { phrases: phrasesOf([...hits.money_loss, ...hits.cannot_use, ...hits.defect]) }),
  ]);
}

/** Convention 1: a cause exactly when the intent is problem or the sentiment negative. */
export function finalCause(candidate: RuleDecision<Cause | null>, intent: Intent, sentiment: Sentiment): RuleDecision<Cause | null> {
  if (intent !== 'problem' && sentiment !== 'negative') return decision(null, candidate.value === null ? candidate.confidence : 0.6, []);
  if (candidate.value === null) return decision('product_defect', 0.4, [because('cause.negative_unspecified')]);
  return candidate;
}
