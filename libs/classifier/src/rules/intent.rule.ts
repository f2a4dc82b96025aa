/**
 * Request type (GUIDE §2; SCHEMA intent): problem, question, suggestion, praise, other. Order matters and
 * follows the guide: who is speaking (brand, media, spam) first, then coordinated attacks, then the main
 * request of the text (its first sentence), then the tone of the whole.
 */
import type { Intent } from '@otklik/domain';
import { because } from '../explain/explanation.catalogue';
import { phrasesOf, type MentionReading } from './mention.reading';
import { decision, type RuleDecision } from './rule-decision';

/** Piling on (SCHEMA convention 2): "same here" claims a failure (problem); a generic attack does not (other). */
export type PilingKind = 'me_too' | 'attack' | null;

export function pilingKind(reading: MentionReading): PilingKind {
  const { analysis, hits } = reading;
  if (reading.advice) return null;
  const ownCase = analysis.concreteDetails >= 2 || analysis.length > 220;
  // "Same here" under someone's post joins it; a post of its own that reports the failure is a report.
  const replying = analysis.mention.inReplyTo !== null;
  if (reading.meToo && !ownCase && !analysis.questionFirst && (replying || !reading.productFailure)) return 'me_too';
  // Restating someone else's failure ("three days without internet, poor thing") is not an own complaint.
  const ownComplaint = (reading.failurePredicate || reading.staffScore >= 2) && (analysis.firstPerson || analysis.addressesBrand || !reading.joinsNegativeThread);
  if (reading.attackScore > 0 && !ownComplaint && !reading.sincerePraise) return 'attack';
  // A reply in someone else's complaint thread, negative but without a case of its own (GUIDE: "joining a viral thread").
  if (reading.joinsNegativeThread && !ownCase && !analysis.questionFirst && !reading.sincerePraise && !ownComplaint) {
    if (reading.emotion > 0 || reading.attackScore > 0 || hits.boycott.length > 0 || hits.amplify.length > 0) return 'attack';
  }
  return null;
}

export function decideIntent(reading: MentionReading, blackPr: boolean): RuleDecision<Intent> {
  const { analysis, hits } = reading;
  if (reading.isBrandAuthor) return decision('other', 0.9, [because('intent.brand_post')]);
  if (reading.isMedia && !(analysis.firstPerson && reading.complaint && hits.media_request.length === 0 && hits.journalist.length === 0)) {
    const cues = phrasesOf([...hits.journalist, ...hits.media_request, ...hits.news_style], 2).filter((phrase) => phrase.length > 0);
    return decision('other', 0.85, [because('intent.media'), ...cues.map((phrase) => because('intent.media_cue', { phrases: [phrase] }))]);
  }
  if (hits.spam.length > 0 && !reading.complaint) return decision('other', 0.85, [because('intent.spam', { phrases: phrasesOf(hits.spam) })]);
  if (blackPr) return decision('problem', 0.8, [because('intent.coordinated_attack')]);
  if (hits.hiring.length > 0 && !analysis.anyQuestion && !reading.complaint) return decision('other', 0.8, [because('intent.job_post', { phrases: phrasesOf(hits.hiring) })]);

  if (analysis.suggestionFirst || (hits.suggestion.length > 0 && hits.suggestion.some((hit) => /request|wish|idea|предлож|пожелан/.test(hit.phrase)))) {
    return decision('suggestion', 0.8, [because('intent.asks_change', { phrases: phrasesOf(hits.suggestion) })]);
  }
  if (reading.continuesOwnComplaint && !reading.sincerePraise && hits.praise.length === 0) {
    return decision('problem', 0.65, [because('intent.continues_own_complaint')]);
  }
  // A rhetorical question that attacks ("will you answer people, or as usual?") is not a request for information.
  if (analysis.questionFirst && !analysis.firstSentenceFailure && !(reading.attackScore > 0 && !reading.failurePredicate && reading.staffScore < 2)) {
    const loaded = hits.loaded_question.length > 0 || reading.staffScore >= 2;
    return decision('question', loaded ? 0.7 : 0.85, [because('intent.opens_with_question'), ...(loaded ? [because('intent.loaded_question')] : [])]);
  }
  if (reading.advice && !reading.failurePredicate) return decision('other', 0.7, [because('intent.advice', { phrases: phrasesOf(hits.advice) })]);

  const piling = pilingKind(reading);
  if (piling === 'me_too') return decision('problem', 0.7, [because('intent.joins_complaint', { phrases: phrasesOf(hits.me_too) })]);
  if (piling === 'attack') return decision('other', 0.65, [because('intent.attack_without_case', { phrases: phrasesOf(hits.attack) })]);
  if (reading.meToo && !analysis.questionFirst && !reading.sincerePraise) {
    return decision('problem', 0.7, [because('intent.confirms_with_own_case', { phrases: phrasesOf(hits.me_too) })]);
  }

  if (reading.sincerePraise && reading.praiseScore + (hits.resolution.length > 0 ? 1 : 0) > 0) {
    return decision('praise', reading.complaint ? 0.65 : 0.85, [because('intent.thanks', { phrases: phrasesOf([...hits.praise, ...hits.resolution]) })]);
  }
  if (reading.sarcastic) return decision('problem', 0.7, [because('intent.sarcasm', { phrases: phrasesOf(hits.sarcasm.length > 0 ? hits.sarcasm : hits.praise) })]);
  if (reading.complaint && (reading.ownExperience || analysis.brandNamed || reading.continuesOwnComplaint) && !reading.newsLike) {
    const evidence = phrasesOf([...hits.staff, ...hits.money_loss, ...hits.cannot_use, ...hits.defect]);
    return decision('problem', 0.8, [because('intent.reports_failure', { phrases: evidence })]);
  }
  if (analysis.anyQuestion) return decision('question', 0.7, [because('intent.asks_question')]);
  if (hits.suggestion.length > 0) return decision('suggestion', 0.65, [because('intent.asks_change', { phrases: phrasesOf(hits.suggestion) })]);
  if (reading.complaint && !reading.isMedia && analysis.brandNamed && reading.emotion > 0) {
    return decision('problem', 0.55, [because('intent.reports_failure', { phrases: phrasesOf(hits.defect) })]);
  }
  if (reading.praiseScore > 0 && !reading.complaint) return decision('praise', 0.6, [because('intent.praise', { phrases: phrasesOf(hits.praise) })]);
  // No known failure words, but an upset customer speaking of the brand: most likely a complaint in words the lexicons lack.
  if (analysis.brandNamed && analysis.firstPerson && (reading.emotion >= 1.5 || reading.negativeEmoji > 0) && !reading.newsLike) {
    return decision('problem', 0.45, [because('intent.upset_customer')]);
  }
  return decision('other', 0.55, [because('intent.nothing_found')]);
}
