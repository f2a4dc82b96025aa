import type { TextSpan } from '../reply-policy.types';
import { foldText } from './fold';

interface Stemmer {
  stem(word: string): string;
}
// snowball-stemmers ships no type declarations; this is the one call we use.
const snowball = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };
const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');

export interface WordToken extends TextSpan {
  /** Folded (lower case, е for ё). Stems are computed on demand (stemWord): they are the costly part. */
  word: string;
}

const STOPWORDS = new Set(
  (
    'и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот от меня еще ещё нет о из ему ' +
    'теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где ' +
    'есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ' +
    'ним здесь этом один почти мой тем чтобы нее неё сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над ' +
    'больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой ' +
    'им более всегда конечно всю между ваш ваша ваше ваши вашего вашей вашу вашим вашем наш наша наше наши нашего нашей нашу нашим нашем это ' +
    'пожалуйста очень просто также уже вами нами нам '
  ).split(/\s+/),
);
const STOPWORDS_EN = new Set(
  (
    'a an the and or but if then so to of in on at by for with from about into over after before up down out off again further once here ' +
    'there when where why how all any both each few more most other some such no nor not only own same than too very can will just should ' +
    'now i me my we our ours us you your yours he him his she her it its they them their what which who whom this that these those am is are ' +
    'was were be been being have has had having do does did doing would could let lets please hi hello hey thanks thank also still get got ' +
    "it's we're we've we'll you're you've you'll i'm i've i'll that's there's don't can't won't didn't isn't"
  ).split(/\s+/),
);

export function stemWord(word: string): string {
  const folded = foldText(word);
  if (/[а-я]/.test(folded)) return russian.stem(folded);
  if (/^[a-z']+$/.test(folded)) return english.stem(folded.replace(/'s$/, ''));
  return folded;
}

export function isStopword(word: string): boolean {
  const folded = foldText(word);
  return STOPWORDS.has(folded) || STOPWORDS_EN.has(folded);
}

/** Word tokens with offsets (numbers included; emoji and punctuation dropped). */
export function tokenize(text: string, range: TextSpan = { start: 0, end: text.length }): WordToken[] {
  const folded = foldText(text.slice(range.start, range.end));
  const out: WordToken[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const word = match[0].replace(/['-]+$/, '');
    out.push({ start: range.start + match.index, end: range.start + match.index + word.length, word });
  }
  return out;
}

/** Content words: not stopwords, at least three characters or a number. */
export function contentTokens(text: string, range?: TextSpan): WordToken[] {
  return tokenize(text, range).filter((token) => !isStopword(token.word) && (token.word.length >= 3 || /\d/.test(token.word)));
}
