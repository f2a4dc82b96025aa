/** Number words shared by the lexicons (counts of calls, ordinals of attempts), Russian and English. */
export const EN_COUNT =
  '(?:[2-9]|[1-9]\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|a hundred|a thousand|several|multiple|many|countless|a dozen|dozens of|hundreds of|a million)';
export const EN_ORDINAL = '(?:\\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|hundredth|nth|millionth)';
export const RU_COUNT =
  '(?:[2-9]|[1-9]\\d+|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двадцать|сто|тысяч~|миллион~|несколько|много|сотн~|кучу|десят~|пару)';
export const RU_ORDINAL =
  '(?:\\d+-?(?:й|ий|ый|ой|ю|ую|и|го)?|втор(?:ой|ую|ого)|трет(?:ий|ью|ьего)|четверт(?:ый|ую|ого)|пят(?:ый|ую|ого)|шест(?:ой|ую|ого)|седьм(?:ой|ую|ого)|восьм(?:ой|ую|ого)|девят(?:ый|ую|ого)|десят(?:ый|ую|ого)|сот(?:ый|ую)|энн(?:ый|ую)|очередн(?:ой|ую))';

const WORD_VALUES: Record<string, number> = {
  one: 1, two: 2, twice: 2, three: 3, thrice: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, twenty: 20, fifty: 50, several: 3, multiple: 3, many: 5, countless: 10, dozen: 12, dozens: 24,
  hundred: 100, thousand: 1000, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, umpteenth: 10, hundredth: 100, millionth: 100, nth: 10,
  один: 1, одна: 1, два: 2, две: 2, дважды: 2, пару: 2, три: 3, трижды: 3, четыре: 4, пять: 5, шесть: 6, семь: 7,
  восемь: 8, девять: 9, десять: 10, двадцать: 20, сто: 100, несколько: 3, много: 5, кучу: 10, второй: 2, вторую: 2,
  третий: 3, третью: 3, четвертый: 4, четвертую: 4, пятый: 5, пятую: 5, шестой: 6, шестую: 6, седьмой: 7, седьмую: 7,
  восьмой: 8, девятый: 9, десятый: 10, сотый: 100, энный: 10, очередной: 3, очередную: 3,
};

/** The value of a count or ordinal word ("three", "третий", "4th", "12"), or null. */
export function numberValue(word: string): number | null {
  const digits = /^(\d+)/.exec(word);
  if (digits) return Number(digits[1]);
  if (word in WORD_VALUES) return WORD_VALUES[word];
  if (/^тысяч/.test(word)) return 1000;
  if (/^десят/.test(word)) return 10;
  if (/^сотн/.test(word)) return 100;
  return null;
}
