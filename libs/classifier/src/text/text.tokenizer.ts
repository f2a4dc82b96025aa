/** Word tokens and sentences of a folded text. */
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** The words of a folded text, in order (stems are taken later, only for the words that need them). */
export function tokenize(folded: string): string[] {
  return folded.match(WORD) ?? [];
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
