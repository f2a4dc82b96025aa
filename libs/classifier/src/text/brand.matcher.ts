/**
 * Finds where the monitored brand is named in a text, whatever the script, case, declension or handle:
 * "Zvezda Bank", "Звезда Банк", "Звезды", "@ZvezdaBank", "zvezda_help". The brand is data (the record's
 * `brand` field), never a list in code. Matching is on phonetic keys (see transliteration.ts) with a small
 * edit-distance and declension-ending tolerance.
 */
import { phoneticKey } from './transliteration';

/** Words too generic to identify a brand on their own ("Zvezda Bank" is found by "Zvezda", not by "Bank"). */
const GENERIC_BRAND_WORDS = new Set(
  [
    'bank', 'банк', 'group', 'груп', 'shop', 'store', 'market', 'official', 'service', 'services', 'online', 'app',
    'the', 'inc', 'ltd', 'llc', 'co', 'help', 'support', 'team', 'ru', 'com', 'pay', 'mobile', 'telecom', 'авто', 'auto',
  ].map(phoneticKey),
);

export interface BrandMatcher {
  /** Phonetic keys of the whole name and of its distinctive words. */
  readonly keys: string[];
  /** True when this word (or the two words joined) names the brand. */
  matchesWord(word: string, next?: string): 0 | 1 | 2;
}

function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}

function keyMatches(candidate: string, key: string): boolean {
  if (candidate.length < 3 || key.length < 3) return false;
  if (candidate === key) return true;
  // Russian declension changes the last vowel and may add one or two letters ("корзинка" → "корзинку", "звездой").
  const stem = key.length >= 5 ? key.slice(0, -1) : key;
  if (candidate.startsWith(stem) && candidate.length <= key.length + 3) return true;
  const limit = key.length >= 9 ? 2 : key.length >= 6 ? 1 : 0;
  return limit > 0 && editDistanceAtMost(candidate, key, limit);
}

export function createBrandMatcher(brand: string): BrandMatcher {
  const words = brand.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const whole = phoneticKey(brand);
  const distinctive = words.map(phoneticKey).filter((key) => key.length >= 4 && !GENERIC_BRAND_WORDS.has(key));
  const keys = [...new Set([whole, ...distinctive])].filter((key) => key.length >= 3);
  // CamelCase brands are also written as two words ("Bystro Eda", "Cloud Desk").
  const camelParts = brand.split(/(?<=\p{Ll})(?=\p{Lu})|[^\p{L}\p{N}]+/u).filter(Boolean);
  // Memo per word: bit 1 = names the brand, bit 2 = starts the brand's first part (for two-word spellings).
  // The same words recur in every mention of a brand; bounded and cleared when full.
  const memo = new Map<string, number>();
  const firstPart = camelParts.length >= 2 ? phoneticKey(camelParts[0]) : null;
  const flagsOf = (core: string): number => {
    let flags = memo.get(core);
    if (flags === undefined) {
      const key = phoneticKey(core);
      flags = (keys.some((brandKey) => keyMatches(key, brandKey)) ? 1 : 0) | (firstPart !== null && key === firstPart ? 2 : 0);
      if (memo.size >= 20_000) memo.clear();
      memo.set(core, flags);
    }
    return flags;
  };
  return {
    keys,
    matchesWord(word, next) {
      // Handles: "@bystroeda_help", "SvyazOn_official".
      const core = word.charCodeAt(0) === 64 || word.charCodeAt(0) === 35 ? word.slice(1).split(/[_.]/)[0] : word.includes('_') || word.includes('.') ? word.split(/[_.]/)[0] : word;
      const flags = flagsOf(core);
      if (flags & 1) return 1;
      if (next !== undefined && flags & 2 && keyMatches(phoneticKey(core + next), whole)) return 2;
      return 0;
    },
  };
}
