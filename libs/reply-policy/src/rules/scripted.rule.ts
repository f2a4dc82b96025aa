/**
 * scripted (warn) — GUIDE §4 "No scripts": stock paragraphs ("Your opinion is very important to us...") read as a
 * robot; seed 002 calls them "два кирпича текста"; for staff_inattention "never another script".
 *
 * Fires when any of these holds:
 * - the draft uses stock support phrases (opinion-is-important, apologise-for-inconvenience, request
 *   registered/await a specialist, thanks-for-feedback, glad-you-chose-us, depends-on-the-seller, reboot the
 *   router / clear the cache, contact support for assistance) and says almost nothing of its own: fewer than
 *   three content words outside greetings, names, courtesy, apologies and those phrases;
 * - the draft repeats the template the customer is complaining about: a phrase the mention quotes as the
 *   answer they got, with at least 70% of its content words back in the draft;
 * - the draft contains one of the workspace's own stock phrases (policy.stockPhrases);
 * - a paragraph of the draft (8+ words) is the same, near word for word, as a paragraph already sent in
 *   `recentReplies` at least `repeatedParagraphThreshold` times (default 2): one text pasted to many customers.
 */
import type { TextSpan } from '../reply-policy.types';
import { foldText } from '../text/fold';
import { mergeSpans } from '../text/pattern';
import { splitParagraphs } from '../text/segments';
import { contentTokens, stemWord, tokenize } from '../text/words';
import { say, type ReplyRule, type RuleContext } from './reply-rule';

const SPECIFIC_WORDS = 3;
const QUOTE_COVERAGE = 0.7;
const PARAGRAPH_MIN_WORDS = 8;
const PARAGRAPH_SIMILARITY = 0.8;

function normalise(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function shingles(text: string): Set<string> {
  const words = normalise(text).split(' ').filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i += 1) out.add(words.slice(i, i + 3).join(' '));
  if (words.length < 3 && words.length > 0) out.add(words.join(' '));
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

function quotedTemplateEchoes(context: RuleContext): TextSpan[] {
  const { mention, draft } = context;
  const spans: TextSpan[] = [];
  if (mention.quotes.length === 0) return spans;
  const draftTokens = contentTokens(draft.text).map((token) => ({ ...token, stem: stemWord(token.word) }));
  for (const quote of mention.quotes) {
    const stems = new Set(contentTokens(quote.text).map((token) => stemWord(token.word)));
    if (stems.size < 3) continue;
    const hits = draftTokens.filter((token) => stems.has(token.stem));
    const covered = new Set(hits.map((token) => token.stem));
    if (covered.size / stems.size >= QUOTE_COVERAGE) spans.push({ start: hits[0].start, end: hits[hits.length - 1].end });
  }
  return spans;
}

function teamStockPhrases(context: RuleContext): TextSpan[] {
  const spans: TextSpan[] = [];
  const folded = context.draft.folded;
  for (const phrase of context.policy.stockPhrases ?? []) {
    const words = tokenize(phrase).map((token) => token.word);
    if (words.length === 0) continue;
    const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'), 'gu');
    for (const match of folded.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

function repeatedParagraphs(context: RuleContext): TextSpan[] {
  const recent = context.input.recentReplies ?? [];
  if (recent.length === 0) return [];
  const threshold = Math.max(1, context.policy.repeatedParagraphThreshold ?? 2);
  const recentParagraphs = recent.map((reply) => splitParagraphs(reply).map((paragraph) => shingles(paragraph.text)));
  const spans: TextSpan[] = [];
  for (const paragraph of splitParagraphs(context.draft.text)) {
    if (tokenize(paragraph.text).length < PARAGRAPH_MIN_WORDS) continue;
    const own = shingles(paragraph.text);
    const repeats = recentParagraphs.filter((paragraphs) => paragraphs.some((other) => similarity(own, other) >= PARAGRAPH_SIMILARITY)).length;
    if (repeats >= threshold) spans.push({ start: paragraph.start, end: paragraph.end });
  }
  return spans;
}

export const scriptedRule: ReplyRule = {
  id: 'scripted',
  check(context) {
    const { draft } = context;
    const spans: TextSpan[] = [];
    const stock = draft.sentences.flatMap((sentence) => sentence.stock);
    const ownWords = draft.sentences.reduce((sum, sentence) => sum + sentence.ownWords.length, 0);
    if (stock.length > 0 && ownWords < SPECIFIC_WORDS) spans.push(...stock);
    spans.push(...quotedTemplateEchoes(context), ...teamStockPhrases(context), ...repeatedParagraphs(context));
    if (spans.length === 0) return null;
    return {
      spans: mergeSpans(spans),
      message: say(context.locale, {
        ru: 'Ответ звучит как шаблон: в нём нет ничего о конкретном обращении клиента. Напишите своими словами, о его ситуации.',
        en: "The reply reads as a script with nothing specific to this customer's message: write it in your own words, about their case.",
      }),
    };
  },
};
