import type { TextSpan } from '../reply-policy.types';

export interface TextPiece extends TextSpan {
  text: string;
}

/** Abbreviations whose dot does not end a sentence (addresses, titles). */
const ABBREVIATIONS = new Set([
  'ул', 'кв', 'д', 'г', 'пр', 'пер', 'им', 'т', 'е', 'к', 'корп', 'стр', 'наб', 'пл', 'мкр', 'обл', 'р', 'руб', 'тел', 'см', 'напр',
  'st', 'dr', 'mr', 'mrs', 'ms', 'no', 'vs', 'etc', 'e', 'i', 'g', 'apt', 'ave', 'rd', 'jr', 'sr', 'inc', 'ltd', 'tel',
]);

function trimmedPiece(text: string, start: number, end: number): TextPiece | null {
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

/**
 * Sentences with their offsets. A dot ends a sentence only before an upper-case letter (so "кв. 118",
 * "0.5%", "12.12" and "example.com" stay whole) and not after a known abbreviation; "!", "?", "…" and a
 * line break always end one.
 */
export function splitSentences(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let start = 0;
  const push = (end: number) => {
    const piece = trimmedPiece(text, start, end);
    if (piece) pieces.push(piece);
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') {
      push(i);
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?' && char !== '…') continue;
    let end = i + 1;
    while (end < text.length && /[.!?…)"»”'\p{Extended_Pictographic}\uFE0F\u200D]/u.test(text[end])) end += 1;
    if (end < text.length && !/\s/.test(text[end])) {
      i = end - 1;
      continue;
    }
    let next = end;
    while (next < text.length && /\s/.test(text[next])) next += 1;
    if (char === '.' && next < text.length) {
      const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, i - 12), i));
      if (word && ABBREVIATIONS.has(word[1].toLowerCase())) continue;
      if (!/[\p{Lu}«"“'(\p{Extended_Pictographic}]/u.test(text[next])) continue;
    }
    push(end);
    i = end - 1;
  }
  push(text.length);
  return pieces;
}

// Commas inside numbers (23,990) and colons inside times (18:00) do not break a clause.
const CLAUSE_BREAK = /,(?!\d)|;|:(?!\d)|[—–]|\s-\s|\s(?:и|а|но|and|but|so)\s/giu;

/** Clauses of one piece, split at punctuation and at "and"/"but"/"и"/"а"/"но". */
export function splitClauses(text: string, piece: TextSpan = { start: 0, end: text.length }): TextPiece[] {
  const out: TextPiece[] = [];
  const slice = text.slice(piece.start, piece.end);
  let start = 0;
  for (const match of slice.matchAll(CLAUSE_BREAK)) {
    const clause = trimmedPiece(text, piece.start + start, piece.start + match.index);
    if (clause) out.push(clause);
    start = match.index + match[0].length;
  }
  const last = trimmedPiece(text, piece.start + start, piece.end);
  if (last) out.push(last);
  return out;
}

/** Paragraphs (blank-line separated); a single block is one paragraph. */
export function splitParagraphs(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  let start = 0;
  for (const match of text.matchAll(/\n\s*\n/g)) {
    const piece = trimmedPiece(text, start, match.index);
    if (piece) out.push(piece);
    start = match.index + match[0].length;
  }
  const last = trimmedPiece(text, start, text.length);
  if (last) out.push(last);
  return out;
}

/** The span without trailing sentence punctuation, emoji and spaces: what a highlight should cover. */
export function withoutTrailingPunctuation(text: string, span: TextSpan): TextSpan {
  let end = span.end;
  while (end > span.start && /[\s.!?…,;:)\p{Extended_Pictographic}\uFE0F]/u.test(text[end - 1])) end -= 1;
  return { start: span.start, end: end > span.start ? end : span.end };
}
