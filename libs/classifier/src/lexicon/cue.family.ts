/**
 * A cue family: one idea of GUIDE.md (e.g. "repeated contact ignored") written as alternatives in Russian and
 * English, matched on the folded text (lower case, ё→е, see text.normalizer).
 *
 * Pattern notation (kept small so the lexicons stay readable):
 * - `~`   the rest of a word (any letters or digits), for endings and declensions: `перезвон~`, `crash~`;
 * - ` `   a word break (spaces or punctuation between two words);
 * - ` .. ` up to three intervening words, ` ... ` up to six;
 * - `\p{L}` / `\p{N}` stand for the Latin and Cyrillic letters / digits of folded text;
 * - everything else is regular-expression syntax. Each alternative must start and end on a word boundary.
 *
 * Speed: one big alternation scanned at every position costs milliseconds per mention in V8. Instead each
 * alternative is split into variants by its leading literal word ("(?:never|didn't) called" → "never called",
 * "didn't called"), and a variant's regex only runs, anchored, where a word of the text starts with that key.
 */
export interface CueHit {
  family: string;
  phrase: string;
  index: number;
}

// Letters as explicit ranges of the folded text: V8 runs look-behinds over \p{L} two orders of magnitude
// slower than over plain ranges, and the lexicons only need Latin and Cyrillic.
const LETTER = 'a-z0-9à-öø-ÿа-яёіїєґ';
/** Same set as LETTER, by char code (hot loop: no regex per character). */
function isLetterCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    (code >= 0x430 && code <= 0x44f) ||
    code === 0x451 ||
    (code >= 0xe0 && code <= 0xff && code !== 0xf7) ||
    code === 0x456 ||
    code === 0x457 ||
    code === 0x454 ||
    code === 0x491
  );
}
const REST_OF_WORD = `[${LETTER}]*`;
const BREAK = `[^${LETTER}]{1,4}`;
const WORD = `[${LETTER}]+(?:['-][${LETTER}]+)*`;
const MAX_VARIANTS = 400;

/** Expands the notation outside character classes ("[- ]" keeps its literal space). */
function expand(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (pattern.startsWith('\\p{L}', i) || pattern.startsWith('\\p{N}', i)) {
      const range = pattern[i + 3] === 'L' ? LETTER : '0-9';
      out += inClass ? range : `[${range}]`;
      i += 4;
    } else if (char === '\\') {
      out += char + (pattern[i + 1] ?? '');
      i += 1;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (pattern.startsWith(' ... ', i)) {
      out += `${BREAK}(?:${WORD}${BREAK}){0,6}`;
      i += 4;
    } else if (pattern.startsWith(' .. ', i)) {
      out += `${BREAK}(?:${WORD}${BREAK}){0,3}`;
      i += 3;
    } else if (char === ' ') {
      out += BREAK;
    } else if (char === '~') {
      out += REST_OF_WORD;
    } else {
      out += char;
    }
  }
  return out;
}

/** Index of the ')' closing the group opened at `open`, honouring escapes and classes. */
function closingParen(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') i += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')' && (depth -= 1) === 0) return i;
  }
  return -1;
}

/** Top-level '|' branches of a group body. */
function branches(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (char === '\\') i += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

/** Distributes a leading group over the rest, until every variant starts with something concrete. */
function variantsOf(pattern: string): string[] {
  const done: string[] = [];
  const queue = [pattern];
  while (queue.length > 0) {
    if (done.length + queue.length > MAX_VARIANTS) return [pattern];
    const current = queue.pop()!;
    if (!current.startsWith('(?:')) {
      done.push(current);
      continue;
    }
    const close = closingParen(current, 0);
    if (close < 0) return [pattern];
    const body = current.slice(3, close);
    let rest = current.slice(close + 1);
    let optional = false;
    if (rest.startsWith('?')) {
      optional = true;
      rest = rest.slice(1);
    } else if (/^[*+{]/.test(rest)) {
      done.push(current);
      continue;
    }
    if (optional) queue.push(rest);
    for (const branch of branches(body)) queue.push(branch + rest);
  }
  return done.filter((variant) => variant.length > 0);
}

type Key = { kind: 'word' | 'prefix' | 'digit' | 'symbol' | 'start' | 'scan'; value: string; symbols?: string[]; gate?: string };

/** Where a variant can start: a whole word, a word prefix, a digit, a symbol, the text start, or anywhere. */
function keyOf(variant: string): Key {
  if (variant.startsWith('^')) return { kind: 'start', value: '' };
  if (variant.startsWith('\\d') || /^\[[0-9\-\\d]+\]/.test(variant)) return { kind: 'digit', value: '' };
  if (/^\\[+$.*?]/.test(variant)) return { kind: 'symbol', value: variant[1] };
  if (/^[#@+=$€£₽]/.test(variant)) return { kind: 'symbol', value: variant[0] };
  // A leading class of punctuation ("[,:;(]") starts at any of those characters.
  const punctuation = /^\[((?:\\n|[^\]\\a-zа-я0-9-])+)\]/.exec(variant);
  if (punctuation) {
    const symbols = [...punctuation[1].replace(/\\n/g, '\n')];
    return { kind: 'symbol', value: symbols.join(''), symbols };
  }
  const literal = /^[a-z0-9à-öø-ÿа-яёіїєґ]+/.exec(variant)?.[0];
  if (!literal) {
    // Scanned everywhere, but only in texts that contain its longest literal ("truth" in "*truth*.net").
    const outside = variant.replace(/\[[^\]]*\]|\\./g, ' ');
    const gate = (outside.match(/[a-zа-я]{3,}/g) ?? []).sort((a, b) => b.length - a.length)[0];
    return { kind: 'scan', value: '', gate };
  }
  const next = variant[literal.length];
  const wholeWord = next === undefined || next === ' ';
  return { kind: wholeWord ? 'word' : 'prefix', value: literal };
}

interface Entry {
  family: number;
  regex: RegExp;
  /** For scanned entries: a literal the text must contain. */
  gate?: string;
}

/** A compiled set of cue families; `match` runs all of them in one pass over the words of a text. */
/** A trie over the leading words of variants: walked one character at a time, no substring per word. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** Variants whose key is this whole word. */
  word?: Entry[];
  /** Variants whose key is a prefix ending here. */
  prefix?: Entry[];
}

export class CueIndex {
  private readonly names: string[] = [];
  private readonly trie: TrieNode = { next: new Map() };
  private readonly digits: Entry[] = [];
  private readonly symbols = new Map<string, Entry[]>();
  private readonly starts: Entry[] = [];
  private readonly scans: Entry[] = [];

  constructor(families: readonly CueFamily[]) {
    const grouped = new Map<string, { family: number; key: Key; sources: string[] }>();
    for (const family of families) {
      const familyId = this.names.push(family.name) - 1;
      for (const alternative of family.alternatives) {
        for (const variant of variantsOf(alternative)) {
          const key = keyOf(variant);
          const id = `${familyId}\u0000${key.kind}\u0000${key.value}\u0000${key.gate ?? ''}`;
          const group = grouped.get(id) ?? { family: familyId, key, sources: [] };
          group.sources.push(expand(variant));
          grouped.set(id, group);
        }
      }
    }
    for (const { family, key, sources } of grouped.values()) {
      const body = `(?:${sources.map((source) => `(?:${source})`).join('|')})(?![${LETTER}])`;
      if (key.kind === 'scan') {
        this.scans.push({ family, regex: new RegExp(`(?<![${LETTER}])${body}`, 'g'), gate: key.gate });
        continue;
      }
      const entry = { family, regex: new RegExp(body, 'y') };
      if (key.kind === 'word' || key.kind === 'prefix') {
        let node = this.trie;
        for (let i = 0; i < key.value.length; i += 1) {
          const code = key.value.charCodeAt(i);
          let child = node.next.get(code);
          if (!child) {
            child = { next: new Map() };
            node.next.set(code, child);
          }
          node = child;
        }
        (node[key.kind] ??= []).push(entry);
      } else if (key.kind === 'digit') this.digits.push(entry);
      else if (key.kind === 'symbol') for (const symbol of key.symbols ?? [key.value]) push(this.symbols, symbol, entry);
      else this.starts.push(entry);
    }
  }

  /** All hits, by family name, leftmost first; hits of one family do not overlap. */
  match(folded: string): Map<string, CueHit[]> {
    // Allocated lazily: most families find nothing in most mentions.
    const found: (CueHit[] | undefined)[] = [];
    const nextFree: number[] = [];
    const names = this.names;
    const run = (entries: readonly Entry[] | undefined, at: number): void => {
      if (entries === undefined) return;
      for (let k = 0; k < entries.length; k += 1) {
        const { family, regex } = entries[k];
        if (at < (nextFree[family] ?? 0)) continue;
        regex.lastIndex = at;
        const hit = regex.exec(folded);
        if (hit === null || hit[0].length === 0) continue;
        (found[family] ??= []).push({ family: names[family], phrase: hit[0], index: at });
        nextFree[family] = at + hit[0].length;
      }
    };
    run(this.starts, 0);
    // Families made only of anchored alternatives (e.g. question openers) need no walk over the words.
    const length = this.trie.next.size === 0 && this.digits.length === 0 && this.symbols.size === 0 ? 0 : folded.length;
    for (let i = 0; i < length; i += 1) {
      const code = folded.charCodeAt(i);
      if (!isLetterCode(code)) {
        if (this.symbols.size > 0) run(this.symbols.get(folded[i]), i);
        continue;
      }
      let end = i + 1;
      while (end < length && isLetterCode(folded.charCodeAt(end))) end += 1;
      if (code >= 48 && code <= 57) run(this.digits, i);
      let node: TrieNode | undefined = this.trie;
      for (let k = i; k < end && node !== undefined; k += 1) {
        node = node.next.get(folded.charCodeAt(k));
        if (node === undefined) break;
        if (node.prefix !== undefined) run(node.prefix, i);
        if (k === end - 1 && node.word !== undefined) run(node.word, i);
      }
      // Jump to the word's end: the next position is a non-letter (or the end), so words start only after one.
      i = end - 1;
    }
    for (const { family, regex, gate } of this.scans) {
      if (gate !== undefined && !folded.includes(gate)) continue;
      regex.lastIndex = 0;
      for (const hit of folded.matchAll(regex)) (found[family] ??= []).push({ family: names[family], phrase: hit[0], index: hit.index ?? 0 });
    }
    const hits = new Map<string, CueHit[]>();
    found.forEach((list, family) => {
      if (list === undefined || list.length === 0) return;
      if (list.length > 1) list.sort((a, b) => a.index - b.index);
      hits.set(names[family], list);
    });
    return hits;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class CueFamily {
  private compiled: CueIndex | null = null;

  constructor(
    readonly name: string,
    readonly alternatives: readonly string[],
  ) {}

  /** This family alone, compiled on first use (for matching single sentences). */
  get index(): CueIndex {
    return (this.compiled ??= new CueIndex([this]));
  }
}

export function cueFamily(name: string, alternatives: readonly string[]): CueFamily {
  return new CueFamily(name, alternatives);
}

export function findCues(family: CueFamily, folded: string): CueHit[] {
  return family.index.match(folded).get(family.name) ?? [];
}
