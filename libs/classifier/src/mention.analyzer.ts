/**
 * Reads one mention once: normalises the text, finds every lexicon cue, the brand, counts and durations,
 * personal data, links and hashtags. The label rules (rules/*.rule.ts) and the clusterer decide from this
 * analysis only, so a mention promoted into an incident later can be relabelled without re-reading its text.
 */
import type { MentionInput } from '@otklik/domain';
import { CueIndex, findCues, type CueFamily, type CueHit } from './lexicon/cue.family';
import { CANNOT_USE, CONTACT, DEFECT, MONEY_LOSS, STAFF, STAFF_ACTOR } from './lexicon/complaint.lexicon';
import { AMPLIFY, ATTACK, BOYCOTT, COMPETITOR_PLUG, ME_TOO, SCANDAL } from './lexicon/attack.lexicon';
import { numberValue } from './lexicon/numbers.lexicon';
import { INFO_REQUEST, PASSIVE_AGGRESSIVE_QUESTION, QUESTION_OPENER, QUESTION_WORD, SUGGESTION } from './lexicon/request.lexicon';
import {
  ADVICE, DATA_EXPOSURE, HIRING, JOURNALIST, LEGAL_THREAT, MASS_SCOPE, MEDIA_REQUEST, NEWS_STYLE, OUTAGE, RESTORATION, SAFETY, SPAM,
} from './lexicon/risk.lexicon';
import { CALM, GREETING, NEGATIVE_EMOTION, PRAISE, QUICK, RESOLUTION, SARCASM, TECHNICAL } from './lexicon/tone.lexicon';
import { TOPICS } from './lexicon/topic.lexicon';
import { detectPii, type PiiFinding } from './rules/pii.rule';
import { createBrandMatcher, type BrandMatcher } from './text/brand.matcher';
import { STOPWORDS } from './text/stopwords.lexicon';
import { normalizeText, type NormalizedText } from './text/text.normalizer';
import { splitSentences, tokenize, type Sentence } from './text/text.tokenizer';
import { WordStemmer } from './text/word.stemmer';

export const CUE_FAMILIES = {
  defect: DEFECT, money_loss: MONEY_LOSS, cannot_use: CANNOT_USE, staff: STAFF, staff_actor: STAFF_ACTOR, contact: CONTACT,
  praise: PRAISE, resolution: RESOLUTION, quick: QUICK, sarcasm: SARCASM, negative_emotion: NEGATIVE_EMOTION, calm: CALM, technical: TECHNICAL, greeting: GREETING,
  question_word: QUESTION_WORD, info_request: INFO_REQUEST, loaded_question: PASSIVE_AGGRESSIVE_QUESTION, suggestion: SUGGESTION,
  me_too: ME_TOO, attack: ATTACK, amplify: AMPLIFY, boycott: BOYCOTT, competitor_plug: COMPETITOR_PLUG, scandal: SCANDAL,
  safety: SAFETY, legal_threat: LEGAL_THREAT, media_request: MEDIA_REQUEST, mass_scope: MASS_SCOPE, data_exposure: DATA_EXPOSURE,
  journalist: JOURNALIST, news_style: NEWS_STYLE, spam: SPAM, hiring: HIRING, advice: ADVICE, restoration: RESTORATION, outage: OUTAGE,
} satisfies Record<string, CueFamily>;

export type CueName = keyof typeof CUE_FAMILIES;

/** Every family and topic compiled into one index: a mention's words are walked once (immutable after load). */
const ANALYSIS_INDEX = new CueIndex([...Object.values(CUE_FAMILIES), ...Object.values(TOPICS)]);
const NO_HITS: CueHit[] = [];
const FAMILY_ENTRIES = Object.entries(CUE_FAMILIES) as [CueName, CueFamily][];
const TOPIC_ENTRIES = Object.entries(TOPICS);

export interface MentionAnalysis {
  mention: MentionInput;
  normalized: NormalizedText;
  tokens: string[];
  sentences: Sentence[];
  cues: Record<CueName, CueHit[]>;
  /** Failure topics (connectivity, access, payments, delivery, site) the text is about. */
  topics: string[];
  /** Stems of content words with the brand's name removed: the wording compared between mentions. */
  contentStems: string[];
  brandNamed: boolean;
  /** The text speaks to the brand: "@brand", "Brand, ...", "you/вы". */
  addressesBrand: boolean;
  firstPerson: boolean;
  /** The first sentence is a real question (a question word and '?'), and what it contains. */
  questionFirst: boolean;
  firstSentenceFailure: boolean;
  anyQuestion: boolean;
  /** Suggestion cues in the first sentence (the main request) rather than in passing. */
  suggestionFirst: boolean;
  /** Highest number of contacts or attempts mentioned ("called 4 times", "в пятый раз"). */
  repeatCount: number;
  /** Longest wait mentioned, in days ("day 9", "третью неделю", "since 28 December"). */
  waitDays: number;
  moneyAmounts: number;
  /** Dates, times, amounts, ids, versions: the details of one's own case. */
  concreteDetails: number;
  links: string[];
  hashtags: string[];
  /** Other brand-like names (CamelCase such as "GreenPlate", "ВкусноСразу"), lower case, the monitored brand excluded. */
  entities: string[];
  pii: PiiFinding[];
  authorAgeDays: number | null;
  length: number;
}

/** Nouns of failure that do not by themselves claim one's own failure ("a question about the outage"). */
export const FAILURE_NOUN = /^(?:авари|сбо|перебо|outage|неполадк|ошибк|error|bug|баг|задерж|delay|late|поломк|неисправн|fail(?:ure)?$|leaks?$|ошибочн|offline$)/u;

const EN_FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'im', 'me', 'my', 'mine', 'myself', 'we', "we're", "we've", "we'd", 'our', 'ours', 'us']);
const RU_FIRST_PERSON = new Set([
  'я', 'мне', 'меня', 'мной', 'мой', 'моя', 'мое', 'мои', 'моего', 'моей', 'моему', 'моим', 'моих', 'мою', 'мы', 'нас', 'нам', 'нами', 'наш', 'наша', 'наше',
  'наши', 'нашего', 'нашей', 'нашу', 'наших', 'сама', 'сам',
]);
// Russian often drops the pronoun: a first-person present verb or a past verb of one's own purchase or contact.
const OWN_ACTION = /^(?:(?:ordered|bought|paid|received|recieved|called|waited|tried|booked|subscribed|installed|updated|reinstalled|emailed|messaged|asked|sent|got|went|drove|took)$|заказал|сдал|купил|оплатил|получил|забрал|записал|приехал|подключил|звонил|звоню|пишу|написал|жду|плачу|переустановил|перезагружал|зашл|стою|сижу|прошу|обращал|носил|приезжаю|еду|звонила|писала|обращалась|перешли|купили|подключились|копил)/;
const SECOND_PERSON = new Set(['you', 'your', "you're", "you've", 'yours', 'u', 'ur', 'вы', 'вас', 'вам', 'ваш', 'ваша', 'ваше', 'ваши', 'вашего', 'вашей', 'вами', 'вашу', 'ваших']);

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
  янв: 0, фев: 1, мар: 2, апр: 3, мая: 4, май: 4, июн: 5, июл: 6, авг: 7, сен: 8, окт: 9, ноя: 10, дек: 11,
};

// On folded text (lower case), so plain letter ranges replace \p{L}, which V8 runs far slower in look-arounds.
const COUNT_PATTERN =
  /(?<![a-zа-я0-9])(\d+|[a-zа-я]+)(?:-?(?:й|ий|ый|ой|ю|th|st|nd|rd))?\s?(times|x|раз|раза|calls|emails|messages|tickets|chats|complaints|requests|visits|обращени[а-я]*|звонк[а-я]*|звонок|письм[а-я]*|сообщени[а-я]*|жалоб[а-я]*|time)(?![a-zа-я0-9])(?!\s(?:faster|more|cheaper|better|slower|less|больше|меньше|дороже|дешевле|быстрее))/g;
// Russian puts the number after the noun for a rough count: "раз десять", "раз 5 звонила".
const COUNT_INVERTED = /(?<![a-zа-я0-9])раз(?:а)?\s(\d+|два|три|четыре|пять|шесть|семь|восемь|девять|десять|двадцать|сто)(?![a-zа-я0-9])/g;
const WAIT_PATTERN =
  /(?<![a-zа-я0-9])(\d+|[a-zа-я]+)\s(day|days|week|weeks|month|months|hours|дн[а-я]*|день|сут[а-я]*|недел[а-я]*|месяц[а-я]*|час[а-я]*)(?![a-zа-я])/g;
const SINCE_DATE =
  /(?:since|from|с|от|in since)\s(?:(\d{1,2})\s([\p{L}]{3})\p{L}*|([\p{L}]{3})\p{L}*\s(\d{1,2}))(?![\p{L}\p{N}])|(?:since|с)\s(\d{1,2})\.(\d{1,2})(?!\.\d)/gu;
const MONEY = /(?:\d[\d\s,.]*\s?(?:₽|руб\p{L}*|р\.|\$|€|£|usd|eur|rub|тыс\p{L}*|k\b)|[$€£]\s?\d)/giu;
const DATE_OR_TIME = /\d{1,2}[:.]\d{2}|\d{1,2}\s(?:янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек)\p{L}*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\s\d{1,2}|\d{1,2}-?(?:го|е)\b/giu;
const LINK = /(?<![@\p{L}\p{N}.])(?:https?:\/\/)?((?:[\p{L}\p{N}-]+\.)+(?:com|net|org|ru|io|info|site|online|xyz|me|co|рф|shop|store|app|biz|club|top|pro|link|ly))(?:\/[^\s]*)?(?![\p{L}])/giu;
const HASHTAG = /#[\p{L}\p{N}_]+/gu;
const CAMEL_CASE = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+(?![\p{L}\p{N}])/gu;
const CAMEL_HINT = /\p{Ll}\p{Lu}/u;

function within(hits: CueHit[], sentence: Sentence): CueHit[] {
  return hits.filter((hit) => hit.index + hit.phrase.length > sentence.start && hit.index < sentence.end);
}

/**
 * A real question, not a rhetorical or emotional one ("13:00??", "вы издеваетесь?"): it ends in '?' and has a
 * question word, or is a plain yes/no question, or it opens like a question even without the mark.
 */
function isRealQuestion(sentence: Sentence, cues: Record<CueName, CueHit[]>): boolean {
  if (/[a-zа-я0-9]+[^a-zа-я0-9]+[a-zа-я0-9]+/.test(sentence.text) && findCues(QUESTION_OPENER, sentence.text).length > 0) return true;
  if (!sentence.interrogative) return false;
  // "Сколько можно?", "are you kidding me?": an emotional sentence is rhetorical, not a request for information.
  if (within(cues.negative_emotion, sentence).length > 0) return false;
  if (within(cues.question_word, sentence).length > 0) return true;
  const letters = (sentence.text.match(/[a-zа-яà-ÿ]/g) ?? []).length;
  return letters >= 12 && !/[?!]{2,}/.test(sentence.text) && within(cues.negative_emotion, sentence).length === 0;
}

function countValue(word: string): number | null {
  const value = numberValue(word);
  if (value === null) return null;
  return Math.min(value, 20);
}

function unitDays(unit: string): number {
  if (/^(?:week|недел)/.test(unit)) return 7;
  if (/^(?:month|месяц)/.test(unit)) return 30;
  if (/^(?:hour|час)/.test(unit)) return 1 / 24;
  return 1;
}

/** Reads a mention; keep one analyzer per worker or stream (it memoises stems and brand matchers). */
export class MentionAnalyzer {
  private readonly stemmer = new WordStemmer();
  private readonly brands = new Map<string, BrandMatcher>();

  analyze(mention: MentionInput): MentionAnalysis {
    const text = mention.text;
    const normalized = normalizeText(text, mention.lang);
    const folded = normalized.folded;
    const tokens = tokenize(folded);
    const sentences = splitSentences(folded);
    const matched = ANALYSIS_INDEX.match(folded);
    const cues = {} as Record<CueName, CueHit[]>;
    for (const [name, family] of FAMILY_ENTRIES) cues[name] = matched.get(family.name) ?? NO_HITS;
    const topics: string[] = [];
    for (const [topic, family] of TOPIC_ENTRIES) if (matched.has(family.name)) topics.push(topic);

    const brand = mention.brand ? this.brandMatcher(mention.brand) : null;
    const brandWords = new Set<string>();
    if (brand) {
      for (let i = 0; i < tokens.length; i += 1) {
        // Brand keys have three letters or more; stopwords are never brands.
        if (tokens[i].length < 3 || STOPWORDS.has(tokens[i])) continue;
        const span = brand.matchesWord(tokens[i], tokens[i + 1]);
        if (span > 0) brandWords.add(tokens[i]);
        if (span === 2) brandWords.add(tokens[i + 1]);
      }
    }
    const contentStems = [
      ...new Set(tokens.filter((token) => token.length > 1 && !STOPWORDS.has(token) && !brandWords.has(token) && !/^\d+$/.test(token)).map((token) => this.stemmer.stem(token))),
    ];

    let firstPerson = false;
    let secondPerson = false;
    for (const token of tokens) {
      if (!firstPerson && (EN_FIRST_PERSON.has(token) || RU_FIRST_PERSON.has(token) || (token.length >= 3 && OWN_ACTION.test(token)))) firstPerson = true;
      if (!secondPerson && SECOND_PERSON.has(token)) secondPerson = true;
      if (firstPerson && secondPerson) break;
    }
    const opening = text.trim().slice(0, 40).toLowerCase();
    const vocative = brand !== null && /^[@#]?[\p{L}\p{N}_ ]+[,:]/u.test(opening) && brandWords.size > 0 && [...brandWords].some((word) => opening.startsWith(word) || opening.startsWith(`@${word}`));
    const handle = brand !== null && text.includes('@') && (text.match(/@[\p{L}\p{N}_]+/gu) ?? []).some((h) => brand.matchesWord(h.toLowerCase()) > 0);
    const addressesBrand = vocative || handle || secondPerson;

    const questionSentences = sentences.filter((sentence) => isRealQuestion(sentence, cues));
    const first = sentences[0];
    const questionFirst = first !== undefined && isRealQuestion(first, cues);
    // Exposed data asked about ("you exported our data to another customer?") is reported, not asked.
    const firstSentenceFailure =
      first !== undefined &&
      (within(cues.defect, first).some((hit) => !FAILURE_NOUN.test(hit.phrase)) || within(cues.cannot_use, first).length > 0 || within(cues.data_exposure, first).length > 0);
    const anyQuestion = questionSentences.length > 0 || cues.info_request.length > 0;
    const suggestionFirst = first !== undefined && within(cues.suggestion, first).length > 0;

    let repeatCount = 0;
    const countable = /раз|time|call|email|messag|ticket|chat|complain|request|visit|обращ|звон|письм|сообщ|жалоб|\dx/.test(folded);
    if (countable) for (const match of folded.matchAll(COUNT_PATTERN)) {
      const value = countValue(match[1]);
      if (value !== null && value >= 2) repeatCount = Math.max(repeatCount, value);
    }
    if (countable) for (const match of folded.matchAll(COUNT_INVERTED)) {
      const value = countValue(match[1]);
      if (value !== null && value >= 2) repeatCount = Math.max(repeatCount, value);
    }
    if (/(?<![\p{L}])(?:twice|дважды)(?![\p{L}])/u.test(folded) && cues.staff.length > 0) repeatCount = Math.max(repeatCount, 2);
    if (/раз сто|сто раз|тысячу раз|thousand times|million times/u.test(folded)) repeatCount = Math.max(repeatCount, 10);

    let waitDays = 0;
    const hasDigit = /\d/.test(folded);
    if (/day|week|month|hour|дн|день|сут|недел|месяц|час/.test(folded)) for (const match of folded.matchAll(WAIT_PATTERN)) {
      const value = numberValue(match[1]) ?? (/^(?:a|one|уже|целый|целую|целых)$/.test(match[1]) ? 1 : null);
      if (value !== null) waitDays = Math.max(waitDays, Math.min(value, 60) * unitDays(match[2]));
    }
    if (/(?:уже|целую|всю) недел|a week|all week|this week/u.test(folded)) waitDays = Math.max(waitDays, 7);
    // "Since Monday" / "с понедельника": the exact date is unknown, a few days is the honest reading.
    if (/(?:since|from) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week)|с (?:понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья|прошлой недели)/.test(folded)) {
      waitDays = Math.max(waitDays, 3);
    }
    const dayNumber = /(?:on )?day (\d{1,3})(?![\p{N}])/u.exec(folded);
    if (dayNumber) waitDays = Math.max(waitDays, Number(dayNumber[1]));
    const published = Date.parse(mention.publishedAt);
    if (hasDigit) for (const match of folded.matchAll(SINCE_DATE)) {
      const day = Number(match[1] ?? match[4] ?? match[5]);
      const monthKey = (match[2] ?? match[3] ?? '').slice(0, 3);
      const month = match[6] !== undefined ? Number(match[6]) - 1 : MONTHS[monthKey];
      if (month === undefined || !(day >= 1 && day <= 31) || !(month >= 0 && month <= 11)) continue;
      const at = new Date(published);
      let since = Date.UTC(at.getUTCFullYear(), month, day);
      if (since > published) since = Date.UTC(at.getUTCFullYear() - 1, month, day);
      waitDays = Math.max(waitDays, Math.min((published - since) / 86_400_000, 365));
    }

    const moneyAmounts = hasDigit ? (text.match(MONEY) ?? []).length : 0;
    const pii = detectPii(text);
    const concreteDetails =
      moneyAmounts + (hasDigit ? (folded.match(DATE_OR_TIME) ?? []).length : 0) + pii.length + cues.technical.length + (repeatCount >= 2 ? 1 : 0) + (waitDays >= 1 ? 1 : 0);

    const links = /\.[a-zа-я]{2}/i.test(text) ? [...new Set([...text.matchAll(LINK)].map((match) => match[1].toLowerCase()))] : [];
    const entities = [
      ...new Set(
        // A CamelCase name needs a lower-case letter followed by an upper-case one: test that (cheap) before the
        // look-behind pattern (costly in V8 over \p classes), which most texts would scan in vain.
        (CAMEL_HINT.test(text) ? (text.match(CAMEL_CASE) ?? []) : [])
          .map((word) => word.toLowerCase())
          .filter((word) => !brandWords.has(word) && (brand === null || brand.matchesWord(word) === 0)),
      ),
    ];
    const hashtags = text.includes('#') ? [...new Set((text.match(HASHTAG) ?? []).map((tag) => tag.toLowerCase()))] : [];
    const created = mention.author.accountCreatedAt ? Date.parse(mention.author.accountCreatedAt) : NaN;
    const authorAgeDays = Number.isNaN(created) ? null : Math.max(0, (published - created) / 86_400_000);

    return {
      mention, normalized, tokens, sentences, cues, topics, contentStems, brandNamed: brandWords.size > 0, addressesBrand, firstPerson,
      questionFirst, firstSentenceFailure, anyQuestion, suggestionFirst, repeatCount, waitDays, moneyAmounts, concreteDetails, links, hashtags, entities, pii,
      authorAgeDays, length: text.length,
    };
  }

  private brandMatcher(brand: string): BrandMatcher {
    let matcher = this.brands.get(brand);
    if (!matcher) {
      if (this.brands.size > 10_000) this.brands.clear();
      matcher = createBrandMatcher(brand);
      this.brands.set(brand, matcher);
    }
    return matcher;
  }
}
