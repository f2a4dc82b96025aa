/**
 * One pass over the draft that the rules share: sentences with offsets, and in each sentence where the
 * greeting, thanks, apology, empathy, private channel, next step, vague intention, call to action and stock
 * phrases are. What is left after those is the draft's own content, which tells a specific answer from a script.
 */
import { APOLOGY } from '../phrases/apology.phrases';
import { EN_CUSTOMER_ACTION, EN_IMPERATIVE_VERBS, NAVIGATION_ARROW, RU_CUSTOMER_ACTION } from '../phrases/customer-action.phrases';
import { EMPATHY } from '../phrases/empathy.phrases';
import { NEXT_STEP, VAGUE_COMMITMENT } from '../phrases/next-step.phrases';
import { PRIVATE_CHANNEL } from '../phrases/private-channel.phrases';
import { GREETING, STOCK_PHRASE, THANKS } from '../phrases/stock.phrases';
import type { TextSpan } from '../reply-policy.types';
import { foldText } from '../text/fold';
import { isNegatedAt, mergeSpans, type PhraseSet } from '../text/pattern';
import { splitClauses, splitSentences, type TextPiece } from '../text/segments';
import { contentTokens, tokenize, type WordToken } from '../text/words';

export interface DraftSentence extends TextPiece {
  greeting: TextSpan[];
  thanks: TextSpan[];
  apology: TextSpan[];
  empathy: TextSpan[];
  privateChannel: TextSpan[];
  nextStep: TextSpan[];
  vagueCommitment: TextSpan[];
  customerAction: TextSpan[];
  stock: TextSpan[];
  /** Content words outside every phrase above and outside names: what this sentence says of its own. */
  ownWords: WordToken[];
}

export interface DraftReading {
  text: string;
  folded: string;
  sentences: DraftSentence[];
  names: TextSpan[];
  wordCount: number;
  /** The whole draft, trimmed: the span of "something is missing" violations. */
  whole: TextSpan;
}

const NAME_PATTERNS = [
  /(?:^|[.!?]\s+)([\p{Lu}][\p{L}.'-]*)(?=\s*,)/gu,
  /(?:hi|hello|hey|dear|привет|здравствуйте|добрый день|thanks|thank you|спасибо)[\s,]+([\p{Lu}][\p{L}.'-]*)/giu,
  /,\s*([\p{Lu}][\p{L}.'-]*)\s*(?=[!.?,]|$)/gu,
];

function findNames(text: string, brandNames: readonly string[]): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const pattern of NAME_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1];
      if (!/^[\p{Lu}]/u.test(name)) continue;
      const start = match.index + match[0].lastIndexOf(name);
      spans.push({ start, end: start + name.length });
    }
  }
  const folded = foldText(text);
  for (const brand of brandNames) {
    const needle = foldText(brand.trim());
    if (needle.length < 2) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      spans.push({ start: at, end: at + needle.length });
    }
  }
  return mergeSpans(spans);
}

function inside(spans: TextSpan[], piece: TextSpan): TextSpan[] {
  return spans.filter((span) => span.start < piece.end && span.end > piece.start);
}

function findAll(set: PhraseSet, folded: string): TextSpan[] {
  return set.find(folded);
}

const CLAUSE_LEAD = new Set(['please', 'pls', 'just', 'kindly', 'simply', 'then', 'meanwhile', 'also', 'or', 'and', 'otherwise', 'so', 'now', 'first', 'next']);

/** English imperatives: a clause that starts (after greeting, name and "please") with a verb from the list. */
function englishImperatives(text: string, folded: string, sentence: TextPiece, skip: TextSpan[]): TextSpan[] {
  const found: TextSpan[] = [];
  for (const clause of splitClauses(text, sentence)) {
    const tokens = tokenize(text, clause).filter((token) => !skip.some((span) => token.start >= span.start && token.end <= span.end));
    let index = 0;
    while (index < tokens.length && (CLAUSE_LEAD.has(tokens[index].word) || GREETING.test(tokens[index].word))) index += 1;
    const first = tokens[index];
    if (!first || !/^[a-z-]+$/.test(first.word)) continue;
    if (!EN_IMPERATIVE_VERBS.has(first.word)) continue;
    if (isNegatedAt(folded, first.start)) continue;
    found.push({ start: first.start, end: clause.end });
  }
  return found;
}

export function readDraft(draft: string, brandNames: readonly string[] = []): DraftReading {
  const folded = foldText(draft);
  const names = findNames(draft, brandNames);
  const all = {
    greeting: findAll(GREETING, folded),
    thanks: findAll(THANKS, folded),
    apology: findAll(APOLOGY, folded),
    empathy: findAll(EMPATHY, folded),
    privateChannel: findAll(PRIVATE_CHANNEL, folded).filter((span) => !isNegatedAt(folded, span.start)),
    nextStep: findAll(NEXT_STEP, folded),
    vagueCommitment: findAll(VAGUE_COMMITMENT, folded),
    stock: findAll(STOCK_PHRASE, folded),
    customerAction: [
      ...findAll(RU_CUSTOMER_ACTION, folded).filter((span) => !isNegatedAt(folded, span.start)),
      ...findAll(EN_CUSTOMER_ACTION, folded).filter((span) => !isNegatedAt(folded, span.start)),
    ],
  };
  // E-mail and web addresses are contacts, not something the draft says about the customer's case.
  const addresses = [...draft.matchAll(/\S*@\S+|(?:https?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|ru|net|org|io|example|info|app)(?:\/\S*)?/gu)].map(
    (match) => ({ start: match.index, end: match.index + match[0].length }),
  );
  const sentences: DraftSentence[] = splitSentences(draft).map((piece) => {
    const own = {
      greeting: inside(all.greeting, piece),
      thanks: inside(all.thanks, piece),
      apology: inside(all.apology, piece),
      empathy: inside(all.empathy, piece),
      privateChannel: inside(all.privateChannel, piece),
      nextStep: inside(all.nextStep, piece),
      vagueCommitment: inside(all.vagueCommitment, piece),
      stock: inside(all.stock, piece),
      customerAction: inside(all.customerAction, piece),
    };
    own.customerAction = mergeSpans([...own.customerAction, ...englishImperatives(draft, folded, piece, [...own.greeting, ...inside(names, piece)])]);
    if (NAVIGATION_ARROW.test(piece.text)) own.customerAction.push({ start: piece.start, end: piece.end });
    const covered = [
      ...own.greeting,
      ...own.thanks,
      ...own.apology,
      ...own.empathy,
      ...own.vagueCommitment,
      ...own.stock,
      ...inside(names, piece),
    ];
    const ownWords = contentTokens(draft, piece).filter(
      (token) => !covered.some((span) => token.start < span.end && token.end > span.start) && !addresses.some((span) => token.start < span.end && token.end > span.start),
    );
    return { ...piece, ...own, ownWords };
  });
  const trimmedStart = draft.length - draft.trimStart().length;
  return {
    text: draft,
    folded,
    sentences,
    names,
    wordCount: tokenize(draft).length,
    whole: { start: trimmedStart, end: Math.max(trimmedStart, draft.trimEnd().length) },
  };
}

/** A sentence that says something of its own: an answer, a status, a fact (not only courtesy and stock). */
export function isSubstantive(sentence: DraftSentence): boolean {
  return sentence.ownWords.length >= 3;
}
