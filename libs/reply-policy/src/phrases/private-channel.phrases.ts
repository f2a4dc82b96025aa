import { PhraseSet } from '../text/pattern';

/**
 * A private channel named in the draft: direct/personal messages, e-mail, a phone call, an existing ticket or
 * this private chat. A public chat "available 24/7" is not a move: only these channel words count.
 */
export const PRIVATE_CHANNEL = new PhraseSet([
  'личн~ (?:сообщени~|переписк~|чат~|диалог~)',
  'в личк~',
  'личкой',
  'в лс',
  'в директ~',
  'директом',
  'лично (?:вам )?(?:напишем|ответим|свяжемся)',
  '(?:на|по) (?:почт~|e-?mail|электронн~ почт~|адрес [\\p{L}\\p{N}._%+-]+@)',
  '(?:письм~) (?:на|по)',
  'ответ~ письмом',
  'позвоните (?:нам|по (?:номеру|телефону))',
  'защищенн~ (?:чат|ссылк~|форм~)',
  'по телефону (?:горячей линии|поддержки|\\+?\\d)',
  'в (?:этом|нашем|вашем) (?:чате|диалоге|обращении|тикете)',
  'dms?',
  "dm'?(?:ed|ing)",
  'direct(?:ly)? messag~',
  'private(?:ly)? messag~',
  'privately',
  'in private',
  'private (?:chat|channel|conversation|(?:secure[d]? )?link)',
  'secure[d]? (?:chat|link|channel)',
  'reach out (?:to us )?(?:at|via|by|on|through)',
  'follow us so we can',
  'inbox',
  'e-?mail (?:us|me|them)',
  '(?:by|via|over|through) e-?mail',
  'send us an? (?:e-?mail|message|note|line)',
  'drop us an? (?:line|note|message|dm|e-?mail)',
  'message us',
  'pm us',
  'call us',
  'give us a (?:call|ring)',
  'in this (?:chat|conversation)',
  'on (?:your|the) ticket',
  '[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+',
]);

/** A place in the public thread: asking for data "here" or "in the comments" exposes it (GUIDE §3). */
export const PUBLIC_PLACE = new PhraseSet([
  'здесь',
  'тут',
  'в комментари~',
  'в коммент~',
  'под (?:этим )?постом',
  'в (?:этой |этом )?(?:ветке|треде|посте)',
  'в ответ~ (?:на этот|здесь|ниже|сюда)',
  'сюда',
  'ниже',
  'here',
  'below',
  'in (?:the|this|a) (?:thread|comments?|reply|replies|post)',
  'publicly',
]);
