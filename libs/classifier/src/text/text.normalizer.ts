/**
 * Normalisation before the lexicons run: case, ё→е, typographic quotes and dashes, stretched letters
 * ("оооочень", "soooo" → "очень", "so"), and Russian typed in Latin letters. The emotional signals that
 * normalisation would erase (capitals, "!!!", emoji) are counted first.
 */
import { latinToCyrillic } from './transliteration';

export interface NormalizedText {
  /** Lower case, ё→е, quotes unified to ' and ", dashes to -, letter runs of 3+ squeezed to one. */
  folded: string;
  emojis: string[];
  /** Words of 3+ letters written in capitals (shouting), acronyms of 2-3 letters are ignored. */
  shoutedWords: string[];
  /** Runs of two or more '!' or '?' (also "?!"). */
  emphaticPunctuation: number;
  exclamations: number;
  transliterated: boolean;
}

const EMOJI = /\p{Extended_Pictographic}/gu;
// Frequent Russian words as typed in Latin letters; two of them mark a transliterated text.
const TRANSLIT_WORDS = 'ne|ya|eto|chto|uzhe|mne|menya|tolko|kogda|pochemu|seichas|opyat|ochen|spasibo|pozhaluysta|rabotaet|den|deneg|net|kak|vse|vsyo|nichego|esche|eshe|prilozhen\\w*|tretiy|deng\\w*';
const TRANSLIT_MARKERS = new RegExp(`(?<![a-z])(?:${TRANSLIT_WORDS})(?![a-z])`);
const TRANSLIT_MARKERS_ALL = new RegExp(`(?<![a-z])(?:${TRANSLIT_WORDS})(?![a-z])`, 'g');
const SHOUT = /(?<![\p{L}])[\p{Lu}]{4,}(?![\p{L}])/gu;
// English negative contractions typed without the apostrophe ("cant log in", "doesnt work", "i didnt do this"):
// informal posts drop it often, and every lexicon writes the apostrophe form.
const BARE_CONTRACTION = /(?<![a-z'])(can|don|doesn|didn|isn|aren|wasn|weren|hasn|haven|hadn|couldn|wouldn|shouldn|won)t(?![a-z'])/g;

/** Latin a-z and Cyrillic а-я letters of folded text, counted without building a match array per letter. */
function countScripts(folded: string): { latin: number; cyrillic: number } {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < folded.length; i += 1) {
    const code = folded.charCodeAt(i);
    if (code >= 97 && code <= 122) latin += 1;
    else if (code >= 0x430 && code <= 0x44f) cyrillic += 1;
  }
  return { latin, cyrillic };
}

export function normalizeText(text: string, lang: string | null): NormalizedText {
  const emojis = text.match(EMOJI) ?? [];
  const shoutedWords = (/[A-ZА-ЯЁ]{4}/.test(text) ? (text.match(SHOUT) ?? []) : []).filter((word) => !/^(?:HTTP|HTTPS|HIPAA|SAML|IBAN|SWIFT|GDPR|WPA\d?)$/.test(word));
  const emphaticPunctuation = (text.match(/[!?]{2,}/g) ?? []).length;
  const exclamations = (text.match(/!/g) ?? []).length;
  let folded = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»“”„]/g, '"')
    .replace(/[‘’`´]/g, "'")
    .replace(/[–—−]/g, '-')
    .replace(/([a-zа-я])\1{2,}/g, '$1');
  let transliterated = false;
  // Russian typed in Latin letters: trusted when the language says Russian, or guessed from common words.
  if (lang !== 'en' || TRANSLIT_MARKERS.test(folded)) {
    const { latin, cyrillic } = countScripts(folded);
    const markers = (folded.match(TRANSLIT_MARKERS_ALL) ?? []).length;
    if (latin > 20 && cyrillic < latin * 0.2 && (lang === 'ru' || markers >= 2)) {
      folded = latinToCyrillic(folded);
      transliterated = true;
    }
  }
  if (!transliterated && /[a-z]nt(?![a-z])/.test(folded)) folded = folded.replace(BARE_CONTRACTION, "$1't");
  return { folded, emojis, shoutedWords, emphaticPunctuation, exclamations, transliterated };
}
