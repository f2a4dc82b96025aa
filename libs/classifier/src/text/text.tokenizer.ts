/** Word tokens (with their stems) and sentences of a folded text. */
import type { WordStemmer } from './word.stemmer';

export interface Token {
  text: string;
  stem: string;
}

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

export function tokenize(folded: string, stemmer: WordStemmer): Token[] {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(WORD)) tokens.push({ text: match[0], stem: stemmer.stem(match[0]) });
  return tokens;
}

export interface Sentence {
  text: string;
  /** Offsets of the sentence in the text it was split from. */
  start: number;
  end: number;
  interrogative: boolean;
}

/**
 * Splits on . ! ? … followed by a space (so "v2.4.1" and "(EU or not?)." stay whole) and on line breaks;
 * a sentence is interrogative when its terminator contains '?'.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const pattern = /[^\n]+?(?:[.!?…]+(?=\s|$)|(?=\n)|$)/g;
  for (const match of text.matchAll(pattern)) {
    const body = match[0].trim();
    // A bare terminator run (e.g. "??" after an emoji) or a version number fragment is not a sentence.
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    const terminator = /[.!?…]+$/.exec(body)?.[0] ?? '';
    const start = (match.index ?? 0) + match[0].indexOf(body);
    sentences.push({ text: body, start, end: start + body.length, interrogative: terminator.includes('?') });
  }
  return sentences;
}
