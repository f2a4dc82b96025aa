/**
 * Local re-check of a search hit against the brand's keywords and exclusions. Platform searches are fuzzy
 * (stemming, hashtag expansion, author names, link targets) and blind to name collisions, so every hit is
 * checked here before it reaches the inbox.
 *
 * Matching is on whole words, case-insensitive, ё = е, and across Cyrillic ↔ Latin transliteration: both
 * sides are reduced to a lossy Latin "skeleton" (я → ia, x → ks, doubled letters collapsed...), so
 * "Сбер" finds "sber", "Тинькофф" finds "tinkof" and "Yandex" finds "яндекс". A Russian keyword also
 * matches its inflected forms (a case ending after the keyword: "в Озоне"), English ones their plural and
 * possessive. Aliases the skeleton cannot derive ("Вайлдберриз" / "Wildberries") belong in the keywords.
 */
import type { BrandQuery } from './connector';

export interface BrandMatch {
  matched: boolean;
  /** The keyword that matched, when one did. */
  keyword: string | null;
  /** The exclusion that vetoed the hit, when one did. */
  excludedBy: string | null;
}

export interface BrandMatcher {
  match(text: string): BrandMatch;
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh',
  ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'e', ґ: 'g',
};

/** Russian case endings allowed after a keyword in a Cyrillic word, as skeletons. */
const RUSSIAN_ENDINGS = new Set(['iami', 'ami', 'iah', 'iam', 'ah', 'am', 'om', 'em', 'oiu', 'eiu', 'oi', 'ei', 'ov', 'ev', 'iu', 'ia', 'ii', 'a', 'u', 'e', 'i']);
/** English plural after a keyword in a Latin word (the possessive's apostrophe already splits words). */
const ENGLISH_ENDINGS = new Set(['s']);

/** Keywords shorter than this (as skeletons) match exactly only: abbreviations like "МТС" do not decline. */
const MIN_INFLECTABLE_LENGTH = 4;

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cases, folds ё to е and splits into words (letters and digits; everything else separates). */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').match(WORD) ?? [];
}

/** The transliteration-insensitive form of one lower-case word. */
export function skeleton(word: string): string {
  let latin = '';
  for (const char of word) latin += CYRILLIC_TO_LATIN[char] ?? char;
  latin = latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/dzh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/tz/g, 'ts')
    .replace(/ch/g, '\u0001')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/\u0001/g, 'ch')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/y/g, 'i');
  return latin.replace(/(.)\1+/g, '$1');
}

interface CompiledPhrase {
  source: string;
  skeletons: string[];
}

function compile(phrases: readonly string[]): CompiledPhrase[] {
  const compiled: CompiledPhrase[] = [];
  for (const phrase of phrases) {
    const skeletons = words(phrase).map(skeleton).filter((s) => s !== '');
    if (skeletons.length > 0) compiled.push({ source: phrase, skeletons });
  }
  return compiled;
}

interface TextWord {
  skeleton: string;
  cyrillic: boolean;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

function wordMatches(textWord: TextWord, keywordWord: string, allowInflection: boolean): boolean {
  if (textWord.skeleton === keywordWord) return true;
  if (!allowInflection || keywordWord.length < MIN_INFLECTABLE_LENGTH) return false;
  // Endings by the text word's script: "Ozone" must not pass as an inflected "Ozon", "Озоне" must.
  if (!textWord.cyrillic) return textWord.skeleton.startsWith(keywordWord) && ENGLISH_ENDINGS.has(textWord.skeleton.slice(keywordWord.length));
  // Feminine nouns replace their final а/я ("Ёлка" → "в Ёлке"), so try the stem without it too.
  const stems = [keywordWord];
  const vowel = /(ia|a)$/.exec(keywordWord);
  if (vowel && keywordWord.length - vowel[0].length >= MIN_INFLECTABLE_LENGTH - 1) stems.push(keywordWord.slice(0, -vowel[0].length));
  return stems.some((stem) => textWord.skeleton.startsWith(stem) && RUSSIAN_ENDINGS.has(textWord.skeleton.slice(stem.length)));
}

function findPhrase(textSkeletons: readonly TextWord[], phrases: readonly CompiledPhrase[]): string | null {
  for (const phrase of phrases) {
    const length = phrase.skeletons.length;
    for (let start = 0; start + length <= textSkeletons.length; start += 1) {
      let all = true;
      for (let offset = 0; offset < length; offset += 1) {
        // Only the last word of a phrase inflects ("Альфа-Банка", "Тинькофф Банком").
        if (!wordMatches(textSkeletons[start + offset]!, phrase.skeletons[offset]!, offset === length - 1)) {
          all = false;
          break;
        }
      }
      if (all) return phrase.source;
    }
  }
  return null;
}

export function compileBrandQuery(query: BrandQuery): BrandMatcher {
  const keywords = compile([query.brand, ...query.keywords]);
  const exclusions = compile(query.exclusions);
  return {
    match(text: string): BrandMatch {
      const textSkeletons = words(text).map((word) => ({ skeleton: skeleton(word), cyrillic: CYRILLIC.test(word) }));
      const keyword = findPhrase(textSkeletons, keywords);
      if (keyword === null) return { matched: false, keyword: null, excludedBy: null };
      const excludedBy = findPhrase(textSkeletons, exclusions);
      return { matched: excludedBy === null, keyword, excludedBy };
    },
  };
}
