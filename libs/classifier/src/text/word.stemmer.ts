import { newStemmer, type SnowballStemmer } from 'snowball-stemmers';

const CYRILLIC = /[а-яё]/;

/**
 * Snowball stems for Russian and English words, chosen by script (a mention often mixes both). Stemming is
 * the slowest step of the analysis, so stems are memoised; the memo is bounded and cleared when full, which
 * keeps memory flat on endless streams without changing any result.
 */
export class WordStemmer {
  private readonly russian: SnowballStemmer = newStemmer('russian');
  private readonly english: SnowballStemmer = newStemmer('english');
  private readonly memo = new Map<string, string>();

  constructor(private readonly memoLimit = 50_000) {}

  stem(word: string): string {
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    let stem = word;
    if (word.length > 2 && !/\d/.test(word)) stem = CYRILLIC.test(word) ? this.russian.stem(word) : this.english.stem(word);
    if (this.memo.size >= this.memoLimit) this.memo.clear();
    this.memo.set(word, stem);
    return stem;
  }
}
