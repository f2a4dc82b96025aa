/**
 * The classifier's reading of one mention: the text's cues (negations removed), weighed into a few scores,
 * plus what the author, the thread and the history say (GUIDE §2: context matters). Every label rule decides
 * from this reading, so one idea of the guide lives in one place.
 */
import type { Cause } from '@otklik/domain';
import type { CueHit } from '../lexicon/cue.family';
import { FAILURE_NOUN, type CueName, type MentionAnalysis } from '../mention.analyzer';
import type { MentionContext } from '../mention-context';

export interface MentionReading {
  analysis: MentionAnalysis;
  context: MentionContext;
  /** Cue hits after dropping negated ones ("zero outages", "без единой царапины", "не рекомендую"). */
  hits: Record<CueName, CueHit[]>;
  defectScore: number;
  staffScore: number;
  /** A predicate of failure (not just a noun like "outage"): "doesn't work", "отвалился", "charged twice". */
  failurePredicate: boolean;
  /** A failure predicate of the product itself, money aside (for questions: "the app crashes" vs "is there a refund"). */
  productFailure: boolean;
  moneyLoss: boolean;
  cannotUse: boolean;
  /** Own complaint: a failure or mistreatment the author reports. */
  complaint: boolean;
  praiseScore: number;
  sarcastic: boolean;
  sincerePraise: boolean;
  emotion: number;
  calm: boolean;
  meToo: boolean;
  attackScore: number;
  mocking: boolean;
  blackPrScore: number;
  /** A reply inside someone else's negative thread (GUIDE: joining a viral complaint). */
  joinsNegativeThread: boolean;
  /** The thread's author replying in their own complaint thread. */
  continuesOwnComplaint: boolean;
  rootCause: Cause | null;
  threadTraction: boolean;
  isBrandAuthor: boolean;
  isMedia: boolean;
  highReach: boolean;
  suspiciousAuthor: boolean;
  ownExperience: boolean;
  /** Third-person reporting (news, PSA, the brand's announcements) rather than one's own case. */
  newsLike: boolean;
  advice: boolean;
  positiveEmoji: number;
  negativeEmoji: number;
  ironicEmoji: number;
}

// 🙏 is left out: it as often means "please" as "thank you".
const POSITIVE_EMOJI = new Set(['👍', '❤', '♥', '🙌', '👏', '💚', '💙', '😍', '🥰', '✨', '🎉', '😊', '☺', '😄', '😃', '🤩', '👌', '💪', '🔥', '😁', '🤗']);
const NEGATIVE_EMOJI = new Set(['😡', '😤', '😭', '🤬', '😠', '💀', '🙄', '😒', '😢', '😞', '🤦', '👎', '🤮', '😱', '😬', '😩']);
const IRONIC_EMOJI = new Set(['🙃', '🤡', '🥱', '🤷']);
// Hearts and fire are rarely ironic; applause and thumbs up often are ("Стабильность — признак мастерства 👏👏").
const ENTHUSIASTIC_EMOJI = new Set(['❤', '♥', '💚', '💙', '😍', '🥰', '🤩', '🔥', '🎉', '😊', '☺', '🤗']);
const MOCKING_EMOJI = new Set(['😂', '🤣', '🤡', '🥱']);

const NEGATOR_BEFORE = /(?:^|[^\p{L}])(?:не|ни|нет|без|без единой|без единого|ни одной|ни одного|not|no|zero|never|without|isn't|wasn't|don't|doesn't|didn't|hardly|never had)[^\p{L}\p{N}]{1,3}$/u;
const DOUBLE_NEGATION_BEFORE = /(?:не (?:могу|можем|смог\p{L}*) не|can't help but|cannot help but|can't not)[^\p{L}\p{N}]{1,3}$/u;

function negated(folded: string, hit: CueHit): boolean {
  const before = folded.slice(Math.max(0, hit.index - 16), hit.index);
  if (DOUBLE_NEGATION_BEFORE.test(before)) return false;
  return NEGATOR_BEFORE.test(before);
}

function distinctPhrases(hits: CueHit[]): number {
  return new Set(hits.map((hit) => hit.phrase)).size;
}

export function readMention(analysis: MentionAnalysis, context: MentionContext): MentionReading {
  const folded = analysis.normalized.folded;
  const hits = { ...analysis.cues };
  // Negation flips praise into criticism and cancels a failure ("zero outages", "no complaints").
  const negatedPraise = analysis.cues.praise.filter((hit) => negated(folded, hit) && !/^(?:no complaints|no questions|no argument|not bad|неплохо)/.test(hit.phrase));
  hits.praise = analysis.cues.praise.filter((hit) => !negatedPraise.includes(hit));
  hits.defect = analysis.cues.defect.filter((hit) => !/^(?:не |no |not |without |without$)/.test(hit.phrase) ? !negated(folded, hit) : true);
  hits.cannot_use = analysis.cues.cannot_use.filter((hit) => !/^(?:не |no |not |without )/.test(hit.phrase) ? !negated(folded, hit) : true);

  const emojis = analysis.normalized.emojis;
  const positiveEmoji = emojis.filter((emoji) => POSITIVE_EMOJI.has(emoji)).length;
  const negativeEmoji = emojis.filter((emoji) => NEGATIVE_EMOJI.has(emoji)).length;
  const ironicEmoji = emojis.filter((emoji) => IRONIC_EMOJI.has(emoji)).length;
  const mocking = emojis.some((emoji) => MOCKING_EMOJI.has(emoji));

  const mention = analysis.mention;
  const author = mention.author;
  const isBrandAuthor = author.kind === 'brand';
  // A journalist may post from a personal account: self-identification counts as media (GUIDE §5).
  const isMedia = author.kind === 'media' || mention.channel === 'news' || hits.journalist.length > 0;
  const followers = author.followers ?? null;
  const highReach = author.kind === 'influencer' || author.verified === true || (followers !== null && followers >= 10_000);
  // GUIDE §2 black_pr: fresh or low-follower accounts. Unknown metadata is not evidence either way.
  const age = analysis.authorAgeDays;
  const suspiciousAuthor = age !== null ? age <= 45 && (followers === null || followers < 200) : followers !== null && followers < 30;

  const moneyLoss = hits.money_loss.length > 0;
  const cannotUse = hits.cannot_use.length > 0;
  const productFailure = hits.defect.some((hit) => !FAILURE_NOUN.test(hit.phrase)) || cannotUse;
  const failurePredicate = productFailure || moneyLoss;
  const history = context.author;
  const unansweredBefore = (history?.unanswered ?? 0) > 0;

  const repeat = analysis.repeatCount;
  const staffStrong = distinctPhrases(hits.staff);
  // Counts and waits speak of ignored contact only when the text is about contacting the company.
  const contacting = hits.contact.length > 0 || staffStrong > 0;
  // A question that ends in a polite smile after days of calling is a complaint about waiting.
  const smilesAtEnd = /[🙂🙃]\s*$/u.test(mention.text);
  const loadedWait = (hits.loaded_question.length > 0 || (smilesAtEnd && hits.contact.length > 0)) && (analysis.waitDays >= 3 || repeat >= 2);
  // History amplifies a complaint ("wrote before and got no answer"); it never turns a calm message into one.
  const complainsNow = staffStrong > 0 || hits.defect.length > 0 || moneyLoss || cannotUse || loadedWait || distinctPhrases(hits.negative_emotion) > 0;
  const staffScore =
    2 * staffStrong +
    (contacting ? (repeat >= 3 ? 2 : repeat === 2 ? 1 : 0) : 0) +
    (unansweredBefore && complainsNow ? 2 : 0) +
    (loadedWait ? 2 : 0) +
    (staffStrong > 0 ? 0.5 * Math.min(distinctPhrases(hits.staff_actor), 2) : 0);
  const defectScore =
    // A failure noun ("outage", "авария") weighs half a failure predicate ("went down", "отвалился").
    [...new Set(hits.defect.map((hit) => hit.phrase))].reduce((sum, phrase) => sum + (FAILURE_NOUN.test(phrase) ? 0.75 : 1.5), 0) + (moneyLoss ? 1.5 : 0) + (cannotUse ? 1.5 : 0) + (hits.data_exposure.length > 0 ? 2 : 0) + (hits.safety.length > 0 ? 1.5 : 0);

  const sarcasmMarkers = hits.sarcasm.length;
  const praiseScore = distinctPhrases(hits.praise) + positiveEmoji * 0.5;
  // Harm (safety, exposed data) and a legal threat addressed to the brand are complaints whatever else is said.
  const harm = hits.safety.length > 0 || hits.data_exposure.length > 0;
  const threatens = hits.legal_threat.length > 0 && analysis.addressesBrand;
  const complaintCues = defectScore > 0 || staffStrong > 0 || harm;
  const resolution = hits.resolution.length > 0;
  // Praise with only enthusiastic emoji ("спасибо за бесплатное DLC!!! 🔥🔥") has nothing to be ironic about:
  // a sarcasm marker then needs a complaint, an ironic emoji or a wait to turn it around.
  const enthusiastic = emojis.some((emoji) => ENTHUSIASTIC_EMOJI.has(emoji)) && negativeEmoji === 0 && ironicEmoji === 0 && !complaintCues && analysis.waitDays === 0;
  const sarcastic =
    (sarcasmMarkers > 0 && (complaintCues || (praiseScore > 0 && !enthusiastic) || ironicEmoji > 0 || analysis.waitDays > 0)) ||
    (praiseScore > 0 && complaintCues && !resolution && hits.praise.length > 0 && (ironicEmoji > 0 || analysis.normalized.emphaticPunctuation > 0));
  // Sincere praise: thanks or a fix, and when a failure is mentioned it was resolved and thanked for.
  const attackCues = hits.attack.length > 0 || ironicEmoji > 0 || mocking;
  // Speed is no excuse for being ignored: "great product, but billing has not replied in 10 days" is no thanks.
  const quick = hits.quick.length > 0 && staffStrong === 0;
  // Harm that the brand caught in time ("they stopped a phishing attempt") can still be praised.
  const harmPrevented = harm && praiseScore > 0 && resolution;
  const sincerePraise =
    !sarcastic &&
    !attackCues &&
    (!harm || harmPrevented) &&
    negatedPraise.length === 0 &&
    (complaintCues
      ? praiseScore > 0 && (resolution || quick)
      : praiseScore > 0 || (resolution && (analysis.brandNamed || analysis.addressesBrand) && distinctPhrases(hits.negative_emotion) === 0));

  const emotion =
    distinctPhrases(hits.negative_emotion) +
    negatedPraise.length +
    analysis.normalized.shoutedWords.length * 0.5 +
    analysis.normalized.emphaticPunctuation * 0.5 +
    negativeEmoji +
    ironicEmoji * 0.5 +
    (sarcastic ? 1 : 0);
  const calm =
    (hits.calm.length > 0 || hits.technical.length > 0 || (mention.isPrivate && hits.greeting.length > 0)) &&
    distinctPhrases(hits.negative_emotion) === 0 &&
    analysis.normalized.shoutedWords.length === 0 &&
    analysis.normalized.emphaticPunctuation === 0 &&
    negativeEmoji + ironicEmoji === 0 &&
    !sarcastic &&
    staffStrong === 0 &&
    hits.data_exposure.length === 0 &&
    hits.safety.length === 0;

  const reviewChannel = /^(?:appstore|googleplay|review_site)$/.test(mention.channel);
  const ownExperience = analysis.firstPerson || analysis.addressesBrand || reviewChannel || mention.isPrivate;
  const meToo = hits.me_too.length > 0;
  const attackScore = distinctPhrases(hits.attack) + (mocking && analysis.brandNamed ? 1 : 0) + negatedPraise.length * 0.5;
  const blackPrScore =
    distinctPhrases(hits.boycott) + 1.5 * distinctPhrases(hits.competitor_plug) + distinctPhrases(hits.scandal) * 0.5 + (analysis.links.length > 0 ? 0.5 : 0);

  const thread = context.thread;
  const root = thread?.root ?? null;
  const parent = thread?.parent ?? root;
  const replying = mention.inReplyTo !== null;
  const rootIsComplaint =
    root !== null &&
    root.authorId !== author.id &&
    root.authorKind !== 'brand' &&
    (root.labels?.sentiment === 'negative' || root.labels?.intent === 'problem' || (root.labels?.cause ?? null) !== null);
  const joinsNegativeThread = replying && rootIsComplaint && parent?.authorKind !== 'brand';
  // The author of a complaint thread replying in it goes on with the same complaint (unless thanking).
  const continuesOwnComplaint =
    replying &&
    root !== null &&
    root.authorId === author.id &&
    (root.labels?.intent === 'problem' || root.labels?.sentiment === 'negative' || (root.labels?.cause ?? null) !== null);
  const threadTraction =
    (thread?.uniqueAuthors ?? 0) >= 5 ||
    (mention.reposts ?? 0) >= 50 ||
    (root !== null && root.externalId === mention.externalId && ((root.reposts ?? 0) >= 50 || (root.reach ?? 0) >= 50_000));

  return {
    analysis, context, hits, defectScore, staffScore, failurePredicate, productFailure, moneyLoss, cannotUse,
    // A failure noun counts when the author speaks of their own case ("my box came 2 hours late").
    complaint: failurePredicate || staffStrong > 0 || harm || threatens || (hits.defect.length > 0 && analysis.firstPerson && !sincerePraise) || (sarcastic && !sincerePraise) || (continuesOwnComplaint && !sincerePraise),
    continuesOwnComplaint,
    rootCause: root?.labels?.cause ?? null,
    praiseScore, sarcastic, sincerePraise, emotion, calm, meToo, attackScore, mocking, blackPrScore, joinsNegativeThread, threadTraction,
    isBrandAuthor, isMedia, highReach, suspiciousAuthor, ownExperience,
    newsLike: isMedia || isBrandAuthor || (hits.news_style.length > 0 && !analysis.firstPerson),
    advice: hits.advice.length > 0 && (resolution || replying),
    positiveEmoji, negativeEmoji, ironicEmoji,
  };
}

export function phrasesOf(hits: CueHit[], limit = 4): string[] {
  return [...new Set(hits.map((hit) => hit.phrase.trim()))].slice(0, limit);
}
