/**
 * What the rules need to know of the mention: is it a complaint that needs resolving, does it carry negative
 * emotion, is it long and detailed, what did the customer quote as the answer they already got. The
 * classifier's labels win when given; otherwise a small bilingual reading of the text stands in for them.
 */
import type { Cause, Intent, PiiSpan } from '@otklik/domain';
import { detectPii, loosePii } from '../pii/pii.detector';
import type { ReplyCheckInput } from '../reply-policy.types';
import { foldText } from '../text/fold';
import { PhraseSet } from '../text/pattern';
import { splitSentences, type TextPiece } from '../text/segments';
import { tokenize } from '../text/words';

export interface MentionReading {
  text: string;
  folded: string;
  intent: Intent;
  cause: Cause | null;
  /** Something went wrong for the customer and the reply must move it towards a resolution. */
  complaint: boolean;
  negativeEmotion: boolean;
  /** Health or safety is at stake: a formula apology is not enough empathy. */
  safetyConcern: boolean;
  /** Looks like a coordinated attack (boycott call, "truth" link): the answer is facts only (GUIDE §2). */
  campaignLike: boolean;
  /** A long, detailed message (GUIDE §4 proportionality). */
  long: boolean;
  wordCount: number;
  sentenceCount: number;
  /** Phrases the customer quotes, usually the answer they already got. */
  quotes: TextPiece[];
  piiSpans: PiiSpan[];
}

/** A failure reported by the author: defect, delay, money, staff. */
const FAILURE = new PhraseSet([
  'не работа~',
  'перестал~ (?:работать|открываться|грузиться)',
  'не (?:приехал~|пришел|пришла|пришло|пришли|привезли|доставил~|доставлен~|дошел|дошла|дошли|поступил~|открывается|грузится|загружается|включается|отвечают|отвечает|отвечаете|перезвонил~|перезвонили|позвонил~|дозвониться|пускает|проходит|вернули|починили|приходит|могут|можете|могу|получил~|положил~|нашел|нашли)',
  'нет (?:интернета|связи|света|ответа|денег|доступа|сети|сигнала|воды|горячей воды|отопления)',
  'без (?:интернета|связи|ответа|света|воды|отопления)',
  'no (?:signal|service|power|electricity|water|hot water|heating|internet|connection|wifi|wi-fi|network|coverage)',
  'called (?:twice|\\d+|three|four|five|several|many)',
  'пропада~',
  'отвалил~',
  'лежит',
  'висит',
  'завис~',
  'тормоз~',
  'сломал~',
  'сломан~',
  'разбит~',
  'бракован~',
  'царапин~',
  'вмятин~',
  'списал~',
  'списани~',
  'дважды',
  'два раза',
  'заблокир~',
  'ошибк~',
  'сбой',
  'сбои',
  'авари~',
  'жду',
  'ждем',
  'ждал~',
  'опоздал~',
  'задерж~',
  'потерял~',
  'обман~',
  'нахамил~',
  'хамств~',
  'хамил~',
  'игнор~',
  'никто',
  'ни разу',
  'ни слова',
  '\\d+ раз~?',
  '(?:втор|трет|четверт|пят|шест|десят|сот)\\p{L}* (?:раз|день|неделю|месяц)',
  'верните',
  'вернуть (?:деньги|средства)',
  'подделк~',
  'контрафакт~',
  'отрав~',
  'не (?:тот|та|то|те) ',
  'перепутал~',
  'шаблон~',
  'отписк~',
  'издева~',
  'в суд',
  'подаю в суд',
  'жалоб~',
  'обещал~ перезвонить',
  'обещаете',
  'до сих пор',
  'так и не',
  'нахамил~',
  'отфутбол~',
  'на линии',
  'чуж~ (?:человек|аккаунт|данные|карт~)',
  'не (?:делал|подключал|заказывал|оформлял)',
  'холодн~',
  'сыр~',
  'не прид~',
  'не зарегистрировано',
  'невозможно',
  'третью неделю',
  'пятый день',
  'работа стоит',
  'ждут',
  'не (?:работает|работают)',
  'not working',
  "(?:doesn't|does not|didn't|did not|won't|can't|cannot|couldn't|isn't|wasn't|haven't|hasn't|never) (?:work~|load~|open~|arrive~|come|came|show~|let|log~|sign~|connect~|receive~|answer~|respond~|call~|repl~|deliver~|turn~|fix~|read|help~|tick~)",
  'is down',
  'went down',
  'outage',
  'broken',
  'cracked',
  'damaged',
  'failing',
  'failed',
  'silently',
  'error',
  'crash~',
  'stuck',
  'charged (?:twice|me|us|for|again)',
  'double[- ]charged',
  'overcharg~',
  'never (?:arrived|came|showed|called)',
  'not delivered',
  'delay~',
  'on hold',
  'nobody',
  'no one',
  'ignor~',
  'no (?:reply|response|answer|refund)',
  'bounced',
  'lost',
  'fake',
  'counterfeit',
  'refund',
  'rude',
  'cancel~',
  'locked out',
  'suspended',
  'skimmed',
  'stolen',
  'hacked',
  'pink inside',
  'poison~',
  'lawyer',
  'day \\d+',
  '\\d+ (?:messages|calls|emails|times|tickets|agents|days|weeks|hours|minutes|min)',
  'still (?:not|no|waiting|broken|down)',
  'every single',
  'dead',
  'unusable',
  'wrong',
  'password (?:has been )?reset',
  "i did not do this|i didn't do this",
  '(?:\\d+h ?)?\\d+ ?m(?:in)? for',
  'took a day off',
  'nobody came',
  'is not ok',
  'not ok',
  'this is how it ends',
  'съел~',
  'сказали ждать',
  'ждать',
  'ate my',
  'swallowed',
  'threw',
  'rude',
  'drops?',
  'dropping',
  'clears itself',
  'resets? itself',
  'вылета~',
  'греется',
  'перестал~',
  'не (?:сохраня~|отправля~|входит|собрали|берет трубку|приходят|грузит)',
  'горит',
  'пропал~',
  'исчез~',
  'опять',
  'снова',
  'again',
  'broke',
  'fails',
  'loop',
  'vanished',
  'offline',
  'down',
  '\\d+x',
  'hung up',
  'still (?:nothing|don\'t|haven\'t)',
  'for the \\d+(?:st|nd|rd|th) time',
  '(?:asking|writing|calling) for the',
  'same (?:experience|here|issue|problem)',
  'same,',
  'у меня тоже',
  'тоже так',
  'аналогично',
  'подтверждаю',
  'never again',
  'joke',
  'ненавижу',
  'недовез~',
  'не довез~',
  'привезли \\d+',
  "someone else's",
  'комисси~',
  'без (?:всякого )?уведомлени~',
  'никакого (?:уведомления|ответа)',
  'в никуда',
  'paying for',
  'плачу за',
  'closed my ticket',
  'without a (?:single )?(?:reply|response|word)',
  'has not called',
  "hasn't (?:called|arrived|come|been)",
  'просидел~',
  'пожал~ плечами',
  'not thrilled',
  'sold me',
  'safety issue',
  'пешком',
  'ожидайте',
  '1 (?:star|звезд~)',
  '1 из 5',
  'оценка 1',
  // Failure families beyond the dev posts (held-out probe): what arrived wrong or not at all, money gone, locked out.
  'остыл~',
  'холодн~',
  'разлит~',
  'опозда~',
  'задержал~',
  'задержива~',
  'потерял~',
  'потерян~',
  'украли',
  'вылета~',
  'отваливает~',
  'отключили',
  'не оформил~',
  'деньги ушли',
  'ушли деньги',
  'сорвал~',
  'без половины',
  'не тот (?:заказ|размер|товар|цвет)',
  'чуж~ заказ',
  "never (?:arrived|came|showed up|got|received|turned up)",
  "(?:didn't|did not|hasn't|has not|haven't|have not|won't|wouldn't) (?:arrive|arrived|work|come|load|unlock|let|accept|refund|open|show up|turn up)",
  "(?:can't|cannot|couldn't) (?:log|load|access|get|use|open|pay|find|reach|cancel)",
  'none of',
  'missing',
  'broken',
  'cracked',
  'spilled',
  'stuck',
  'crash(?:es|ed|ing)?',
  'declined',
  'double[- ]charged',
  'charged (?:me )?(?:twice|again|after|for)',
  'wrong (?:order|item|colou?r|size|building|door|address|parcel)',
  'cancell?ed (?:my|without)',
  'locked (?:me )?out',
  'locked my',
  'banned',
  'suspended',
  'lost my',
  'closed my (?:chat|ticket|case)',
  'without (?:answering|telling|notice|warning|explanation)',
  'no (?:data|answer|reply|response|refund|callback|broadband)',
  'keeps? (?:charging|crashing|logging|dropping|closing|cancell?ing)',
  'out of sync',
]);

/** Waiting or repeated contact: a question carrying one hides a complaint (a delay nobody answered). */
const WAITING = new PhraseSet([
  'day \\d+',
  'since',
  '\\d+ (?:messages|calls|emails|times|tickets|days|weeks|hours)',
  'висит',
  'жду',
  'ждем',
  'до сих пор',
  'уже (?:\\d+|неделю|месяц|второй|третий|пятый|час)',
  'с \\d+ (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)',
  'не (?:ответили|отвечают|перезвонили)',
  'never',
  'still',
  'third time|3rd time|третий раз',
  '\\d+ раз~?',
  'сколько раз',
]);

/** Someone reporting on others (news, a public service announcement), not their own case. */
const THIRD_PARTY_REPORT = new PhraseSet([
  'сообщают',
  'пресс-служб~',
  'следим за ситуацией',
  'psa',
  'users (?:are )?report~',
  'customers (?:are )?report~',
  'reportedly',
  'according to',
  'не комментиру~',
  'не дал~ комментари~',
]);

const FIRST_PERSON = /(?<![\p{L}])(?:я|меня|мне|мой|моя|моё|мое|мои|моего|моей|мы|нас|наш|i|me|my|mine|we|our|us)(?![\p{L}])/iu;

/** Genuine praise often retells a solved failure ("refunded in 2 minutes", "вернули за сутки"). */
const RESOLVED = new PhraseSet([
  'fixed',
  'refunded',
  'resolved',
  'solved',
  'sorted',
  'blocked it',
  'helped',
  'вернули',
  'решил~',
  'помог~',
  'починил~',
  'за (?:\\d+|сутки|пару) (?:минут|час~|сутки|дн~)',
  'за сутки',
  'in (?:about |~)?\\d+ ?(?:min|minutes|hours)',
  'within \\d+',
  'credit where',
  'respect',
  'tip of the hat',
]);

/** Irony markers: praise words around a failure read as a complaint (seed 002, sarcastic "thanks"). */
const SARCASM = new PhraseSet([
  'teaching me',
  'taught me',
  'life-changing',
  '#blessed',
  'щедро',
  'спасибо хоть',
  'хоть',
  'признак мастерства',
  'бесплатный апгрейд',
  'cool cool',
  'гениально',
  'вот это сервис',
  'undefeated',
  'consistency',
  'стабильность',
  'весело живем',
]);

/** First-person discontent without a named failure ("really disappointed with you today"). */
const DISCONTENT = new PhraseSet([
  'disappoint~',
  'разочаров~',
  'fed up',
  'sick of',
  'надоело',
  'достали',
  'бесит',
  'frustrat~',
  'annoy~',
  'upset',
  'unhappy',
  'недоволен',
  'недовольна',
  'возмущ~',
]);

/** Negative emotion beyond the bare report. */
const EMOTION = new PhraseSet([
  'кошмар',
  'ужас~',
  'позор~',
  'отврат~',
  'бесит',
  'достали',
  'надоело',
  'сколько можно',
  'издева~',
  'вы с ума',
  'хамств~',
  'нахамил~',
  'возмут~',
  'безобрази~',
  'awful',
  'terrible',
  'ridiculous',
  'unacceptable',
  'worst',
  'wtf',
  'seriously',
  'furious',
  'angry',
  'pathetic',
  'disgust~',
  'joke',
  'how\\. how',
  'не ок',
  'not ok',
  'жанр',
]);

/** Money, damage, waiting, repeat contact, data: a loss for the customer even in a dry report. */
const LOSS = new PhraseSet([
  'списал~',
  'деньги',
  'денег',
  'верните',
  'charged',
  'refund',
  'money',
  'разбит~',
  'сломан~',
  'broken',
  'cracked',
  'damaged',
  '\\d+ раз~?',
  '\\d+ (?:times|messages|calls|days|weeks|hours|minutes)',
  'day \\d+',
  'since',
  'недел~',
  'месяц~',
  'still',
  'до сих пор',
  'уже',
  'never',
  'никто',
  'nobody',
  'no one',
  'on hold',
  'на линии',
  'шаблон~',
  'чуж~',
  'someone else',
  "another person's",
  'cannot log|can\'t log',
  'не могу',
  'не пускает',
]);

const SAFETY = new PhraseSet([
  'ребен~',
  'ребён~',
  'дет(?:и|ей|ям|ский|ская)',
  'врач~',
  'больниц~',
  'скор(?:ую|ая)',
  'отрав~',
  'аллерг~',
  'травм~',
  'опасн~',
  'пожар~',
  'child',
  'kid',
  '\\d+ ?yo',
  'son',
  'daughter',
  'doctor',
  'hospital',
  'poison~',
  'allerg~',
  'injur~',
  'dangerous',
  'unsafe',
  'fire',
  'pink inside',
  'undercooked',
]);

const PRAISE = new PhraseSet([
  'спасибо',
  'благодар~',
  'молодц~',
  'геро~',
  'супер',
  'отличн~',
  'класс~',
  'круто',
  'люблю',
  'обожаю',
  'впечатл~',
  'восхищ~',
  'респект',
  'рекомендую',
  'thank~',
  'love',
  'great',
  'amazing',
  'awesome',
  'impressed',
  'shoutout',
  'kudos',
  'excellent',
  'heroes?',
  'brilliant',
  'fantastic',
  'well done',
  'props',
  'genuinely',
  'blessed',
]);

const SUGGESTION = new PhraseSet([
  '(?:добавьте|сделайте|введите|запустите|верните)(?: пожалуйста)?(?: наконец)? (?:возможность|функци~|кнопк~|настройк~|опци~|страниц~|нормальн~|режим~|фильтр~|выбор~|тариф~)',
  'может (?:сделаете|добавите|введете)',
  'было бы (?:здорово|удобно|круто|неплохо|хорошо|классно)',
  'предлагаю',
  'хотелось бы',
  'почему бы (?:вам )?не',
  'опубликуйте',
  '(?:please|pls|plz) add',
  '(?:add|introduce|bring back) (?:a|an|the)? ?[\\p{L}\' -]{0,30}(?:option|setting|feature|button|mode|default|filter)',
  'would be (?:nice|great|cool|awesome|helpful)',
  'how about',
  'just an idea',
  'feature request',
  'i wish (?:you|there)',
  'why not (?:add|make)',
  'could you (?:please )?add',
]);

const QUESTION_WORDS = new PhraseSet([
  'как',
  'когда',
  'где',
  'почему',
  'зачем',
  'можно ли',
  'есть ли',
  'ли',
  'сколько',
  'как~',
  'what',
  'how',
  'when',
  'where',
  'why',
  'which',
  'does',
  'do',
  'is',
  'are',
  'can',
  'could',
  'will',
  'any',
]);

const CAMPAIGN = new PhraseSet([
  '#?boycott~',
  'бойкот~',
  'spread the word',
  'расскажите всем',
  'делитесь',
  'репост~',
  "don't buy",
  'не покупайте',
  'не заказывайте',
  'full story',
  '[\\p{L}\\p{N}-]+-truth\\.\\p{L}+',
  '[\\p{L}\\p{N}-]*правд~\\.\\p{L}+',
]);

/** A dry report: the author says they only flag it, have a workaround, or rate it well otherwise. */
const CALM_REPORT = new PhraseSet([
  'posting in case',
  'just flagging',
  'not panicking',
  'fyi',
  'heads up',
  'workaround',
  'reproduc~',
  'stars otherwise',
  'otherwise',
  'добрый день',
  'пишу по поводу',
  'норм',
  'в остальном',
  'воспроизвод~',
  'обходной',
  'записался по телефону',
]);

/** Generic attacks and gloating (piling on). */
const ATTACK = new PhraseSet([
  'вор~',
  'помойк~',
  'обнаглел~',
  'плевать',
  'барахло',
  'развод~',
  'шайк~',
  'монопол~',
  'эксплуатац~',
  'уходим',
  'кто с нами',
  'ахах~',
  'как всегда',
  'как обычно',
  'scam~',
  'joke',
  'never again',
  'hate',
  'awful',
  'garbage',
  'trash',
  'worst',
  'ненавиж~',
]);

/** A private follow-up to an earlier public answer: the emotion was acknowledged there. */
const FOLLOW_UP = new PhraseSet([
  'пишу в личк~',
  'пишу в лс',
  'как вы просили',
  'как и просили',
  "dm'?ing",
  'as (?:you )?(?:asked|requested)',
  'per your request',
  'following up',
]);

const NEGATIVE_EMOJI = /[😡😤🤬😭😢😠🙃🤡😬🙄😒💩😞😩😫🤦👎]/u;
const SARCASM_EMOJI = /👏|💯|🙏|🙂|😊/u;
/** Shouting: a Cyrillic word in capitals, or two Latin ones (a single "SAML" or "HTTP" is an acronym). */
const CYRILLIC_CAPS = /(?<![\p{L}])[А-ЯЁ]{4,}(?![\p{L}])/u;
const LATIN_CAPS = /(?<![\p{L}])[A-Z]{4,}(?![\p{L}])/gu;

function shouts(text: string): boolean {
  return CYRILLIC_CAPS.test(text) || (text.match(LATIN_CAPS) ?? []).length >= 2;
}
const QUOTE = /«([^»]{3,200})»|"([^"]{3,200})"|“([^”]{3,200})”|(?<![\p{L}])'([^'\n]{6,200})'(?![\p{L}])/gu;

function quotes(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  for (const match of text.matchAll(QUOTE)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? match[4];
    const start = match.index + 1;
    out.push({ start, end: start + inner.length, text: inner });
  }
  return out;
}

function guessIntent(folded: string, text: string, failure: number): Intent {
  const praise = PRAISE.find(folded).length;
  const sarcasm = SARCASM.test(folded) || /🙃/u.test(text);
  if (SUGGESTION.test(folded)) return 'suggestion';
  if (THIRD_PARTY_REPORT.test(folded) && !FIRST_PERSON.test(text)) return 'other';
  if (praise > 0) {
    if (failure === 0 || RESOLVED.test(folded)) return 'praise';
    // Praise words around a failure, with irony or an emoji doing the talking, are a complaint.
    if (!sarcasm && !NEGATIVE_EMOJI.test(text) && !SARCASM_EMOJI.test(text) && failure < 2) return 'praise';
    return 'problem';
  }
  const question = text.includes('?') && QUESTION_WORDS.test(folded);
  if (question) {
    // A question that also states a failure outside its question sentences is a complaint in question form.
    const statedFailure = splitSentences(text).some((piece) => !piece.text.includes('?') && FAILURE.test(foldText(piece.text)));
    return failure >= 2 || (failure >= 1 && (statedFailure || WAITING.test(folded))) ? 'problem' : 'question';
  }
  if (failure >= 1 || sarcasm || (DISCONTENT.test(folded) && FIRST_PERSON.test(text))) return 'problem';
  return 'other';
}

export function readMention(input: ReplyCheckInput): MentionReading {
  const { mention } = input;
  const text = mention.text ?? '';
  const folded = foldText(text);
  const labels = mention.labels ?? {};
  const failure = FAILURE.find(folded).length;
  const intent: Intent = labels.intent ?? guessIntent(folded, text, failure);
  // The classifier's cause, when given, decides: a genuine report may also say "don't order there".
  const campaignLike = labels.cause != null ? labels.cause === 'black_pr' : CAMPAIGN.test(folded);
  const complaint =
    intent === 'problem' ||
    (intent === 'question' && (labels.sentiment === 'negative' || labels.cause != null || (labels.sentiment == null && WAITING.test(folded))));
  let negativeEmotion: boolean;
  if (labels.sentiment) {
    negativeEmotion = labels.sentiment === 'negative';
  } else {
    const outburst = /!|\?\?/.test(text) || shouts(text) || NEGATIVE_EMOJI.test(text) || EMOTION.test(folded) || SARCASM.test(folded);
    if (complaint) {
      // A complaint is negative unless it reads as a calm report or a private follow-up (corpus convention).
      const calm = !outburst && !SARCASM_EMOJI.test(text) && (CALM_REPORT.test(folded) || FOLLOW_UP.test(folded));
      negativeEmotion = !calm;
    } else {
      negativeEmotion = intent !== 'praise' && (outburst || ATTACK.test(folded) || (intent === 'question' && LOSS.test(folded) && WAITING.test(folded)));
    }
  }
  const sentences = splitSentences(text);
  const wordCount = tokenize(text).length;
  const found = mention.piiSpans && mention.piiSpans.length > 0 ? mention.piiSpans : (input.piiDetector ?? detectPii)(text);
  const piiSpans = loosePii(text, mention.piiKinds ?? [], found);
  return {
    text,
    folded,
    intent,
    cause: labels.cause ?? null,
    complaint,
    negativeEmotion,
    safetyConcern: SAFETY.test(folded),
    campaignLike,
    long: wordCount >= 40 && sentences.length >= 3,
    wordCount,
    sentenceCount: sentences.length,
    quotes: quotes(text),
    piiSpans,
  };
}
