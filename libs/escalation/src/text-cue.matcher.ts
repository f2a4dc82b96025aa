/**
 * A tiny phrase language for the lexicons, so they read as data rather than regular expressions:
 * - words are separated by spaces and match whole words (Cyrillic included: JS `\b` knows only ASCII);
 * - `word*` is a stem: any word starting with it (Russian case forms, English -s/-ed/-ing);
 * - `~` allows up to three words in between ("скрин* ~ переписк*" matches "скрины нашей с ними переписки");
 * - `a|b` inside a token is an alternative ("comment for our|the story").
 * Text is lower-cased and `ё` folded to `е` before matching; emoji and punctuation are kept as they are.
 */
const LETTER = '[\\p{L}\\p{N}_]';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tokenSource(token: string): string {
  const alternatives = token.split('|').map((part) => {
    if (part.endsWith('*')) return `${escape(part.slice(0, -1))}${LETTER}*`;
    return escape(part);
  });
  return alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
}

function startsWithLetter(token: string): boolean {
  return /^[\p{L}\p{N}_]/u.test(token);
}

function endsWithLetter(token: string): boolean {
  return /[\p{L}\p{N}_*]$/u.test(token);
}

export function compileCue(phrase: string): RegExp {
  const tokens = normaliseForCues(phrase).split(/\s+/).filter(Boolean);
  let source = '';
  tokens.forEach((token, index) => {
    if (token === '~') {
      source += '(?:\\s+\\S+){0,3}';
      return;
    }
    if (index > 0) source += '[\\s,:;«»"\'-]+';
    source += tokenSource(token);
  });
  const first = tokens[0] ?? '';
  const last = tokens[tokens.length - 1] ?? '';
  const lead = startsWithLetter(first) ? `(?<!${LETTER})` : '';
  const trail = endsWithLetter(last) && !last.endsWith('*') ? `(?!${LETTER})` : '';
  return new RegExp(`${lead}${source}${trail}`, 'u');
}

export function normaliseForCues(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[’`]/g, "'");
}

/**
 * Literals one of which a text must contain for the phrase to match: the alternatives of the phrase's most
 * selective word (every word is required; a stem's letters before `*` are a literal prefix of the word).
 * V8 tries a Unicode look-behind at every position of the text, which costs microseconds per phrase; a
 * substring check first skips almost every phrase for almost every text.
 */
export function requiredLiterals(phrase: string): string[] {
  let best: string[] = [];
  let bestLength = 0;
  for (const token of normaliseForCues(phrase).split(/\s+/)) {
    if (token === '~' || token === '') continue;
    const literals = token.split('|').map((part) => (part.endsWith('*') ? part.slice(0, -1) : part));
    const shortest = Math.min(...literals.map((literal) => literal.length));
    if (shortest > bestLength) {
      best = literals;
      bestLength = shortest;
    }
  }
  return best;
}

/** A named list of phrases; `matches` returns the text they matched (for the explanation). */
export class CueList {
  private readonly compiled: { phrase: string; pattern: RegExp; literals: string[] }[];

  constructor(
    readonly name: string,
    phrases: readonly string[],
  ) {
    this.compiled = phrases.map((phrase) => ({ phrase, pattern: compileCue(phrase), literals: requiredLiterals(phrase) }));
  }

  /** The distinct pieces of text that matched (for the explanation). `text` must be normalised with normaliseForCues. */
  matches(text: string): string[] {
    const found = new Set<string>();
    for (const { pattern, literals } of this.compiled) {
      if (!mayMatch(text, literals)) continue;
      const match = pattern.exec(text);
      if (match) found.add(match[0].trim());
    }
    return [...found];
  }

  test(text: string): boolean {
    return this.compiled.some(({ pattern, literals }) => mayMatch(text, literals) && pattern.test(text));
  }
}

function mayMatch(text: string, literals: readonly string[]): boolean {
  if (literals.length === 0) return true;
  for (const literal of literals) if (text.includes(literal)) return true;
  return false;
}
