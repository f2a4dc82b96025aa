/**
 * Suggested replies (GUIDE §4 anatomy): who answers, thanks without the word "problem", what was done, empathy
 * matched to the emotion, commitment, the next step by private message, a warm close and a specific apology.
 * Filled with the mention's own topic, wait and words, and shaped by its cause: staff_inattention gets ownership
 * and no script, piling_on one calm answer, black_pr facts only. Every suggestion is run through checkReply and
 * only those with verdict ok are returned.
 */
import { checkReply } from '../check-reply';
import { readMention, type MentionReading } from '../reading/mention.reading';
import type { Locale, ReplyCheck, ReplyCheckInput, Visibility } from '../reply-policy.types';
import { WORDING, type Wording } from './reply-wording';
import { findItem, findOwnWords, findSubject, findTopic, findWait, type Topic } from './topic.extractor';

export type SuggestionApproach = 'full' | 'concise' | 'ownership' | 'fixing' | 'calm' | 'facts' | 'thanks' | 'answer' | 'idea';

export interface SuggestedReply {
  text: string;
  lang: Locale;
  approach: SuggestionApproach;
  check: ReplyCheck;
}

export type SuggestRepliesInput = Omit<ReplyCheckInput, 'draft' | 'visibility'> & { visibility?: Visibility };

/** Channels where a brand cannot open a direct conversation: the private path is e-mail. */
const NO_DIRECT_MESSAGES = new Set(['appstore', 'googleplay', 'review_site', 'rss', 'news']);

type Kind = 'complaint' | 'praise' | 'question' | 'idea' | 'piling_on' | 'facts' | 'mention';

/** FNV-1a: a stable per-mention seed, so the same mention always gets the same wording and others differ. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

class Picker {
  constructor(private readonly seed: number) {}

  pick(options: readonly string[], salt: number): string {
    const mixed = Math.imul(this.seed ^ Math.imul(salt + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
    return options[(mixed >>> 7) % options.length];
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function languageOf(input: SuggestRepliesInput): Locale {
  const lang = input.mention.lang;
  if (lang === 'ru' || lang === 'en') return lang;
  const letters = input.mention.text.match(/\p{L}/gu) ?? [];
  const cyrillic = letters.filter((letter) => /[а-яё]/i.test(letter)).length;
  return cyrillic * 2 >= letters.length && letters.length > 0 ? 'ru' : 'en';
}

function kindOf(reading: MentionReading): Kind {
  if (reading.cause === 'black_pr' || reading.campaignLike) return 'facts';
  if (reading.cause === 'piling_on' && !reading.complaint) return 'piling_on';
  if (reading.complaint) return 'complaint';
  if (reading.intent === 'praise') return 'praise';
  if (reading.intent === 'suggestion') return 'idea';
  if (reading.intent === 'question') return 'question';
  return reading.negativeEmotion ? 'piling_on' : 'mention';
}

/** A first name to address ("Анна"), or the handle as the platform shows it ("@anna_k"). */
function addressee(name: string | null | undefined): string | null {
  if (!name) return null;
  const first = name.trim().split(/\s+/)[0];
  if (/^\p{Lu}\p{Ll}{1,19}$/u.test(first)) return first;
  const handle = name.trim().replace(/^@/, '');
  return /^[\p{L}\p{N}_.]{2,30}$/u.test(handle) ? `@${handle}` : null;
}

interface Parts {
  words: Wording;
  pick: (options: readonly string[], salt: number) => string;
  values: Record<string, string>;
  opening: string;
}

function join(...sentences: (string | null | false)[]): string {
  return sentences.filter((sentence): sentence is string => typeof sentence === 'string' && sentence.length > 0).join(' ');
}

function complaintDrafts(parts: Parts, reading: MentionReading, topic: Topic | null, quote: string | null, wait: string | null, next: string) {
  const { words, pick, values, opening } = parts;
  const apologyDue = reading.negativeEmotion;
  const thanks = topic ? fill(pick(words.thanksTopic, 1), values) : pick(words.thanksPlain, 1);
  const read = quote ? fill(pick(words.readQuote, 2), values) : pick(words.read, 2);
  const empathy = reading.safetyConcern
    ? pick(words.empathySafety, 3)
    : !apologyDue
      ? pick(words.calmNote, 3)
      : wait
        ? fill(pick(words.empathyWait, 3), values)
        : pick(words.empathy, 3);
  const close = topic && apologyDue ? fill(pick(words.closeApology, 4), values) : pick(words.closeWarm, 4);
  const staff = reading.cause === 'staff_inattention' || (reading.cause === null && topic?.staff === true);
  const defect = reading.cause === 'product_defect' || (reading.cause === null && topic !== null && !topic.staff);
  const body = staff ? pick(words.ownership, 5) : pick(words.commitment, 5);
  const longNote = reading.long ? pick(words.longMessage, 6) : null;
  const drafts: { approach: SuggestionApproach; text: string }[] = [
    { approach: staff ? 'ownership' : 'full', text: join(opening, thanks, read, empathy, longNote, body, next, close) },
    { approach: 'concise', text: join(opening, empathy, topic ? thanks : read, staff ? body : null, next, close) },
  ];
  if (defect) drafts.push({ approach: 'fixing', text: join(opening, thanks, empathy, pick(words.fixing, 7), next) });
  else if (!staff) drafts.push({ approach: 'calm', text: join(opening, read, empathy, next, close) });
  else drafts.push({ approach: 'full', text: join(opening, thanks, empathy, longNote, pick(words.commitment, 8), next, close) });
  return drafts;
}

function otherDrafts(kind: Kind, parts: Parts, reading: MentionReading, quote: string | null) {
  const { words, pick, values, opening } = parts;
  const about = (withTopic: string[], plain: string[], salt: number) => (values.topic ? fill(pick(withTopic, salt), values) : pick(plain, salt));
  switch (kind) {
    case 'praise': {
      const thanks = about(words.praiseTopic, words.praise, 1);
      const own = quote ? fill(pick(words.ownWordsPraise, 2), values) : null;
      return [
        { approach: 'thanks' as const, text: join(opening, thanks, own, pick(words.praisePassOn, 3)) },
        { approach: 'concise' as const, text: join(opening, own, thanks, pick(words.praisePassOn, 4)) },
      ];
    }
    case 'question': {
      const thanks = about(words.questionTopic, words.question, 1);
      const own = quote ? fill(pick(words.ownWordsQuestion, 2), values) : null;
      // A question asked in anger ("is it down AGAIN??") still gets its emotion acknowledged.
      const feeling = reading.negativeEmotion ? pick(words.empathy, 5) : null;
      return [
        { approach: 'answer' as const, text: join(opening, thanks, own, feeling, pick(words.questionNext, 3)) },
        { approach: 'concise' as const, text: join(opening, feeling, own, thanks, pick(words.questionNext, 4)) },
      ];
    }
    case 'idea': {
      const thanks = about(words.ideaTopic, words.idea, 1);
      const angry = reading.negativeEmotion ? pick(words.ideaAngry, 2) : null;
      const own = quote ? fill(pick(words.ownWordsQuestion, 5), values) : null;
      return [
        { approach: 'idea' as const, text: join(opening, thanks, own, angry, pick(words.ideaNext, 3)) },
        { approach: 'concise' as const, text: join(opening, angry, own, thanks, pick(words.ideaNext, 4)) },
      ];
    }
    case 'piling_on': {
      const calm = about(words.pilingOnTopic, words.pilingOn, 1);
      return [
        { approach: 'calm' as const, text: join(opening, calm, pick(words.pilingOnNext, 2), pick([...words.closeWarm, ''], 6)) },
        { approach: 'concise' as const, text: join(opening, calm, pick(words.pilingOnNext, 3), pick([...words.closeWarm, ''], 7)) },
      ];
    }
    case 'facts': {
      const facts = about(words.factsTopic, words.facts, 1);
      const nextFacts = values.item ? words.factsNextItem : words.factsNext;
      // Facts only, but health comes first even when the report may be part of a campaign.
      const safety = reading.safetyConcern ? pick(words.empathySafety, 6) : null;
      return [
        { approach: 'facts' as const, text: join(opening, safety, facts, pick(words.factsProcess, 4), fill(pick(nextFacts, 2), values)) },
        { approach: 'concise' as const, text: join(opening, safety, pick(words.factsProcess, 5), facts, fill(pick(nextFacts, 3), values)) },
      ];
    }
    default: {
      const own = quote ? fill(pick(words.ownWordsQuestion, 4), values) : null;
      return [
        { approach: 'thanks' as const, text: join(opening, pick(words.mentionThanks, 1), own, pick(words.closeWarm, 2)) },
        { approach: 'concise' as const, text: join(opening, own, pick(words.mentionThanks, 2), pick(words.closeWarm, 3)) },
      ];
    }
  }
}

/**
 * Two or three drafts for the mention, in its language, each passing checkReply with verdict ok. A draft that
 * would not pass with the customer's own words or wait in it is rebuilt without them before it is dropped.
 */
export function suggestReplies(input: SuggestRepliesInput): SuggestedReply[] {
  const lang = languageOf(input);
  const visibility: Visibility = input.visibility ?? 'public';
  const words = WORDING[lang];
  const reading = readMention({ ...input, draft: '', visibility });
  const picker = new Picker(seedOf(input.mention.text));
  const pick = (options: readonly string[], salt: number) => picker.pick(options, salt);
  const kind = kindOf(reading);
  const match = findTopic(input.mention.text);
  const topic = kind === 'complaint' || kind === 'piling_on' || kind === 'facts' ? (match?.topic ?? null) : null;
  const subject = topic ? null : findSubject(input.mention.text);
  const name = addressee(input.mention.authorName);
  const voice = input.policy?.brandVoice;
  const greeting = name ? fill(pick(words.greetingNamed, 11), { name }) : pick(words.greeting, 11);
  const intro = voice?.kind === 'agent' ? fill(pick(words.agentIntro, 12), { agent: voice.name, role: voice.role }) : null;
  const opening = join(greeting, intro);
  const contact = input.policy?.privateContact ?? words.defaultContact;
  const ask = words.ask[topic?.ask ?? 'contact'];
  const nextTemplate =
    visibility === 'private'
      ? pick(words.nextPrivate, 13)
      : NO_DIRECT_MESSAGES.has(input.channel ?? '')
        ? pick(words.nextNoDirect, 13)
        : pick(words.nextPublic, 13);
  const next = fill(nextTemplate, { ask, contact });

  // Facts-only and piling-on answers never quote the claim back (no point-by-point engagement, GUIDE §2).
  const quote =
    kind === 'facts' || kind === 'piling_on'
      ? null
      : findOwnWords(input.mention.text, reading.piiSpans, kind === 'complaint' ? (match?.cues ?? null) : kind === 'question' ? 'question' : null);
  const wait = kind === 'complaint' ? findWait(input.mention.text, lang) : null;
  const item = kind === 'facts' ? findItem(input.mention.text, lang) : null;
  const attempts = [
    { quote, wait, item },
    { quote: null, wait, item },
    { quote: null, wait: null, item: null },
  ];

  const accepted: SuggestedReply[] = [];
  const filled = new Set<number>();
  for (const attempt of attempts) {
    const topicWords = kind === 'facts' && topic?.claim ? topic.claim[lang] : topic ? topic[lang] : subject?.[lang];
    const values = {
      topic: topicWords ?? '',
      quote: attempt.quote ?? '',
      wait: attempt.wait ?? '',
      item: attempt.item ?? '',
    };
    const parts: Parts = { words, pick, values, opening };
    const drafts =
      kind === 'complaint' ? complaintDrafts(parts, reading, topic, attempt.quote, attempt.wait, next) : otherDrafts(kind, parts, reading, attempt.quote);
    // Slot by slot: a later attempt (without the customer's words or wait) only fills the slots still empty.
    drafts.forEach((draft, slot) => {
      if (filled.has(slot) || accepted.length >= 3) return;
      const check = checkReply({ ...input, draft: draft.text, visibility });
      if (check.verdict !== 'ok') return;
      filled.add(slot);
      accepted.push({ text: draft.text, lang, approach: draft.approach, check });
    });
    if (accepted.length >= 2) break;
  }
  return accepted;
}
