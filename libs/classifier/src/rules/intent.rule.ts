/**
 * Request type (GUIDE §2; SCHEMA intent): problem, question, suggestion, praise, other. Order matters and
 * follows the guide: who is speaking (brand, media, spam) first, then coordinated attacks, then the main
 * request of the text (its first sentence), then the tone of the whole.
 */
import type { Intent } from '@otklik/domain';
import { phrasesOf, type MentionReading } from './mention.reading';
import { decision, quoted, type RuleDecision } from './rule-decision';

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
  if (reading.isBrandAuthor) return decision('other', 0.9, ["the brand's own post"]);
  if (reading.isMedia && !(analysis.firstPerson && reading.complaint && hits.media_request.length === 0 && hits.journalist.length === 0)) {
    return decision('other', 0.85, ['a media outlet or journalist', ...phrasesOf([...hits.journalist, ...hits.media_request, ...hits.news_style], 2)]);
  }
  if (hits.spam.length > 0 && !reading.complaint) return decision('other', 0.85, [`advertising or spam: ${quoted(phrasesOf(hits.spam))}`]);
  if (blackPr) return decision('problem', 0.8, ['part of a coordinated attack that claims a failure']);
  if (hits.hiring.length > 0 && !analysis.anyQuestion && !reading.complaint) return decision('other', 0.8, [`a job post: ${quoted(phrasesOf(hits.hiring))}`]);

  if (analysis.suggestionFirst || (hits.suggestion.length > 0 && hits.suggestion.some((hit) => /request|wish|idea|предлож|пожелан/.test(hit.phrase)))) {
    return decision('suggestion', 0.8, [`asks for a change: ${quoted(phrasesOf(hits.suggestion))}`]);
  }
  if (reading.continuesOwnComplaint && !reading.sincerePraise && hits.praise.length === 0) {
    return decision('problem', 0.65, ["the complaint thread's author adding to their own complaint"]);
  }
  // A rhetorical question that attacks ("will you answer people, or as usual?") is not a request for information.
  if (analysis.questionFirst && !analysis.firstSentenceFailure && !(reading.attackScore > 0 && !reading.failurePredicate && reading.staffScore < 2)) {
    const loaded = hits.loaded_question.length > 0 || reading.staffScore >= 2;
    return decision('question', loaded ? 0.7 : 0.85, ['opens with a question', ...(loaded ? ['(the question carries a complaint about waiting)'] : [])]);
  }
  if (reading.advice && !reading.failurePredicate) return decision('other', 0.7, [`advice to another customer: ${quoted(phrasesOf(hits.advice))}`]);

  const piling = pilingKind(reading);
  if (piling === 'me_too') return decision('problem', 0.7, [`joins another complaint: ${quoted(phrasesOf(hits.me_too))}`]);
  if (piling === 'attack') return decision('other', 0.65, [`negativity without an own case: ${quoted(phrasesOf(hits.attack))}`]);
  if (reading.meToo && !analysis.questionFirst && !reading.sincerePraise) {
    return decision('problem', 0.7, [`confirms the failure with an own case: ${quoted(phrasesOf(hits.me_too))}`]);
  }

  if (reading.sincerePraise && reading.praiseScore + (hits.resolution.length > 0 ? 1 : 0) > 0) {
    return decision('praise', reading.complaint ? 0.65 : 0.85, [`thanks or praise: ${quoted(phrasesOf([...hits.praise, ...hits.resolution]))}`]);
  }
  if (reading.sarcastic) return decision('problem', 0.7, [`sarcastic praise about a failure: ${quoted(phrasesOf(hits.sarcasm.length > 0 ? hits.sarcasm : hits.praise))}`]);
  if (reading.complaint && (reading.ownExperience || analysis.brandNamed || reading.continuesOwnComplaint) && !reading.newsLike) {
    const evidence = phrasesOf([...hits.staff, ...hits.money_loss, ...hits.cannot_use, ...hits.defect]);
    return decision('problem', 0.8, [`reports a failure: ${quoted(evidence)}`]);
  }
  if (analysis.anyQuestion) return decision('question', 0.7, ['asks a question']);
  if (hits.suggestion.length > 0) return decision('suggestion', 0.65, [`asks for a change: ${quoted(phrasesOf(hits.suggestion))}`]);
  if (reading.complaint && !reading.isMedia && analysis.brandNamed && reading.emotion > 0) {
    return decision('problem', 0.55, [`reports a failure: ${quoted(phrasesOf(hits.defect))}`]);
  }
  if (reading.praiseScore > 0 && !reading.complaint) return decision('praise', 0.6, [`praise: ${quoted(phrasesOf(hits.praise))}`]);
  // No known failure words, but an upset customer speaking of the brand: most likely a complaint in words the lexicons lack.
  if (analysis.brandNamed && analysis.firstPerson && (reading.emotion >= 1.5 || reading.negativeEmoji > 0) && !reading.newsLike) {
    return decision('problem', 0.45, ['an upset customer addressing the brand (no specific failure words)']);
  }
  return decision('other', 0.55, ['no request, complaint or praise found (off-topic, news or a name collision)']);
}
