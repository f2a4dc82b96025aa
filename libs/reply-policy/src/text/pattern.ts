import type { TextSpan } from '../reply-policy.types';

/**
 * Phrase patterns are written in folded text (lower case, "е" for "ё") with three shorthands, so the lexicons
 * stay readable in both languages:
 *   `~`  the rest of a word (a stem: `извин~` matches извините, извинения...)
 *   ` `  one or more spaces or commas between words (` ?` or ` *`: optional ones)
 *   `…`  up to three words in between, with their spaces (`we…sorry` matches "we are so sorry")
 * Every pattern is anchored at word edges (JS `\b` does not work for Cyrillic).
 */
// Folded text is lower case, so an explicit Latin + Cyrillic class stands in for [\p{L}\p{N}]: V8 compiles
// the explicit class many times faster, and these lexicons only concern Russian and English.
const LETTER_RANGE = 'a-z\\u00C0-\\u024F\\u0400-\\u04FF';
const WORD_CHAR = `[0-9${LETTER_RANGE}]`;

/** The regex source of one phrase, without the word-edge anchors (see `anchored`). */
function expandBody(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === '\\') {
      const escape = source.slice(i, i + 5);
      if (escape === '\\p{L}' || escape === '\\p{N}') {
        const range = escape === '\\p{L}' ? LETTER_RANGE : '0-9';
        out += inClass ? range : `[${range}]`;
        i += 4;
        continue;
      }
      out += char + (source[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    if (inClass) {
      out += char;
      continue;
    }
    if (char === '~') out += `${WORD_CHAR}*`;
    else if (char === ' ' && (source[i + 1] === '?' || source[i + 1] === '*')) {
      out += '[\\s,]*';
      i += 1;
    } else if (char === ' ') out += '[\\s,]+';
    else if (char === '…') out += `(?:[\\s,]+(?:${WORD_CHAR}|['-])+){0,3}[\\s,]+`;
    else out += char;
  }
  return out;
}

function anchored(body: string): string {
  return `(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})`;
}

export function expandPhrase(source: string): string {
  return anchored(expandBody(source));
}

/** A set of phrases compiled into one global, unicode regex. */
export class PhraseSet {
  readonly regex: RegExp;

  constructor(readonly phrases: readonly string[]) {
    // Anchors once around the whole alternation: V8 then scans far faster than with one lookbehind per phrase.
    this.regex = new RegExp(anchored(phrases.map(expandBody).join('|')), 'giu');
  }

  /** Every match in `folded` (non-overlapping, left to right). */
  find(folded: string, from = 0, to = folded.length): TextSpan[] {
    const spans: TextSpan[] = [];
    // One compiled regex per set, reused: lastIndex is reset here and the scan is synchronous.
    // The slice bounds the scan to the range; its edges count as word edges, as sentence edges are.
    const regex = this.regex;
    const text = from === 0 && to === folded.length ? folded : folded.slice(from, to);
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      if (match[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      spans.push({ start: from + match.index, end: from + match.index + match[0].length });
    }
    return spans;
  }

  test(folded: string, from = 0, to = folded.length): boolean {
    return this.find(folded, from, to).length > 0;
  }
}

const NEGATION_BEFORE = /(?:^|[^\p{L}])(?:не|ни|нельзя|никогда|don't|dont|do not|never|no need to|please don't|not)\s+(?:[\p{L}']+\s+)?$/u;

/** True when the word at `start` is negated ("не публикуйте", "please don't post", "не нужно писать"). */
export function isNegatedAt(folded: string, start: number): boolean {
  const before = folded.slice(Math.max(0, start - 24), start);
  return NEGATION_BEFORE.test(before);
}

export function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

export function within(span: TextSpan, piece: TextSpan): boolean {
  return span.start >= piece.start && span.end <= piece.end;
}

/** Sorted, merged spans. */
export function mergeSpans(spans: readonly TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
