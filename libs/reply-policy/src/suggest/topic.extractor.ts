/**
 * What a mention is about, in words a reply can use: "сбой оплаты" / "the failed payment". Each topic carries a
 * Russian phrase in the accusative (it follows "про" and "за", so one form serves the thanks and the apology),
 * an English noun phrase, what to ask for in a private message, and whether it is about people rather than the
 * product (staff_inattention: ownership, no script). Also a wait the customer names ("47 минут") and a short
 * clause of their own words, so every suggestion is specific to its mention.
 */
import type { PiiSpan } from '@otklik/domain';
import { foldText } from '../text/fold';
import { PhraseSet } from '../text/pattern';
import { splitSentences } from '../text/segments';

export type DataAsk = 'order' | 'contract' | 'account' | 'contact' | 'booking';

export interface Topic {
  id: string;
  ru: string;
  en: string;
  ask: DataAsk;
  /** The pain is about people and process (GUIDE §2 staff_inattention). */
  staff: boolean;
  /** How a facts-only public answer names the claim ("поддельные товары"), when it differs from `ru`/`en`. */
  claim?: { ru: string; en: string };
}

interface TopicRule extends Topic {
  cues: PhraseSet;
}

function topic(id: string, ru: string, en: string, ask: DataAsk, staff: boolean, cues: string[], claim?: Topic['claim']): TopicRule {
  return { id, ru, en, ask, staff, cues: new PhraseSet(cues), ...(claim ? { claim } : {}) };
}

/** Ordered: the first topic whose cues match wins, so specific failures come before broad ones. */
const TOPICS: TopicRule[] = [
  topic('data_exposure', 'то, что вы увидели чужие данные', "seeing someone else's data in your account", 'account', false, [
    'чуж~ (?:человек|аккаунт|данн~|счет~|карт~|истори~)',
    "someone else's",
    "another (?:person|customer)'s",
    'утечк~',
    'leak~',
  ]),
  topic('food_safety', 'то, что случилось после заказа', 'what happened after your order', 'order', false, [
    'отрав~',
    'poison~',
    'got sick',
    'pink inside',
    'undercooked',
    'сыр~ внутри',
    'врач~',
    'doctor',
  ], { ru: 'качество и безопасность еды', en: 'food safety' }),
  topic('double_charge', 'двойное списание', 'the double charge', 'order', false, [
    'списал~ (?:дважды|два раза|повторно)',
    '(?:дважды|два раза) спис~',
    'двойн~ списани~',
    'две одинаковые операции',
    'charged (?:me |us )?twice',
    'double[- ]charged?',
    'charged two times',
  ]),
  topic('payment_failed', 'сбой оплаты', 'the failed payment', 'order', false, [
    'оплат~ (?:\\p{L}+ )?не прош~',
    'платеж~ не прош~',
    'не могу оплатить',
    'не проходит оплата',
    'payment (?:failed|declined|didn\'t go through|did not go through|won\'t go through)',
    "can't pay",
    'cannot pay',
  ]),
  topic('counterfeit', 'сомнения в подлинности товара', 'your concern that the item is not genuine', 'order', false, [
    'подделк~',
    'контрафакт~',
    'fake',
    'counterfeit',
  ], { ru: 'поддельные товары', en: 'counterfeit goods' }),
  topic('data_login', 'сложности со входом в аккаунт', 'the trouble getting into your account', 'account', false, [
    'не могу войти',
    'не входит',
    'вход не работает',
    'не пускает',
    "can't log ?in",
    'cannot log ?in',
    'locked out',
    'login',
    'log in',
    'password (?:has been )?reset',
    'session expired',
  ]),
  topic('account_blocked', 'блокировку', 'the block on your account', 'account', false, [
    'заблокир~',
    'блокировк~',
    'blocked',
    'suspended',
    'frozen',
  ]),
  topic('outage', 'перебои со связью', 'the loss of service', 'contract', false, [
    'нет (?:интернета|связи|сети)',
    'интернет (?:пропадает|не работает|отвалил~|лег)',
    'без интернета',
    'отвалил~',
    'outage',
    'internet(?:\'s| is)? (?:down|dead|out)',
    'no internet',
    'no connection',
    'speeds? drop~',
    'is down',
  ]),
  topic('app_failure', 'сбой в приложении', 'the app failing on you', 'account', false, [
    'приложени~ (?:вылетает|не открывается|зависает|не работает|глючит|падает)',
    'вылетает',
    'crash~',
    'app (?:is )?(?:down|not working|broken)',
    'something went wrong',
    'error \\d+',
    'ошибк~ \\d+',
    'bug',
  ]),
  topic('refund', 'задержку с возвратом денег', 'the delay with your refund', 'order', false, [
    'возврат~',
    'верн~ деньги',
    'верните деньги',
    'refund~',
    'money back',
  ]),
  topic('missing_item', 'недостающий товар в заказе', 'the missing item', 'order', false, [
    'не положил~',
    'недовез~',
    'не довез~',
    'привезли \\d+(?: из \\d+)?',
    'missing (?:item|part|drink)',
    'not in the bag',
  ]),
  topic('damaged_item', 'повреждение', 'the damage', 'order', false, [
    'разбит~',
    'сломан~',
    'поврежд~',
    'царапин~',
    'бракован~',
    'broken',
    'cracked',
    'damaged',
    'scratch~',
  ]),
  topic('wrong_item', 'путаницу с заказом', 'the mix-up with your order', 'order', false, [
    'не (?:тот|та|те|то) (?:товар|размер|цвет|модел~)',
    'перепутал~',
    'wrong (?:item|size|colou?r|model|order)',
    'instead of',
  ]),
  topic('food_quality', 'качество блюда', 'the quality of your meal', 'order', false, [
    'холодн~',
    'остыл~',
    'невкусн~',
    'cold (?:food|pizza|burger|meal|order)',
    'arrived cold',
  ]),
  topic('no_show', 'визит, который не состоялся', "the visit that didn't happen", 'contract', true, [
    'никто не (?:пришел|приехал)',
    'мастер не (?:пришел|приехал)',
    'nobody came',
    'no one came',
    'no-show',
    "didn't show up",
  ]),
  topic('rude_staff', 'то, как с вами разговаривали', 'the way you were treated', 'contact', true, [
    'нахамил~',
    'хамств~',
    'хамил~',
    'груб~',
    'rude',
    'hung up',
    'бросил~ трубку',
  ]),
  topic('unanswered_calls', 'звонки, которые остались без ответа', 'the calls that went unanswered', 'contact', true, [
    'звонил~',
    'дозвон~',
    'на линии',
    'горяч~ лини~',
    'перезвон~',
    'on hold',
    'hold (?:music|time)',
    'hotline',
    'call(?:ed|s)? (?:\\d|three|four|five|several|many)',
    'callback',
    'call (?:me )?back',
  ]),
  topic('ignored_messages', 'обращения, на которые вы не получили нормального ответа', 'the messages that never got a proper answer', 'contact', true, [
    'не отвечают',
    'не отвечает',
    'никто не ответил',
    'без ответа',
    'шаблон~',
    'отписк~',
    'одно и то же',
    'заново',
    'no (?:reply|response|answer)',
    'without a (?:single )?(?:reply|response|word)',
    'ignor~',
    'bounced',
    'copy-paste',
    'template',
    'same (?:reply|answer|script)',
    'closed my ticket',
    '\\d+ (?:days|weeks) to (?:tell|answer|reply)',
  ]),
  topic('late_delivery', 'задержку доставки', 'the late delivery', 'order', false, [
    'опозда~',
    'задерж~',
    'не привезли',
    'не приехал~',
    'не пришел',
    'не пришла',
    'не доставил~',
    'жду (?:заказ|посылк|доставк)~',
    'трекинг~',
    'доставк~',
    'late',
    'delay~',
    "hasn't arrived",
    'never arrived',
    'not delivered',
    'still waiting',
    'for a burger',
    'tracking',
    'delivery',
  ]),
  topic('repair', 'затянувшийся ремонт', 'the repair taking so long', 'order', true, [
    'ремонт~',
    'сервисн~ (?:центр~|станци~)',
    'автосервис~',
    'repair~',
    'service center',
    'warranty',
    'гарант~',
  ]),
  topic('price', 'изменение цены', 'the price change', 'account', false, ['подорожа~', 'цен~', 'price', 'комисси~', 'fee']),
  topic('defect', 'сбой, который вы описали', 'the fault you described', 'account', false, [
    'не работа~',
    'перестал~',
    'глюч~',
    'греется',
    'drops?',
    'dropping',
    'broke',
    'fails?',
    'not working',
    "doesn't work",
    "won't (?:load|open|start|sync)",
    'clears itself',
    'resets',
  ]),
];

export interface TopicMatch {
  topic: Topic;
  /** The words that gave the topic away, to pick the customer's own clause about it. */
  cues: PhraseSet;
}

export function findTopic(text: string): TopicMatch | null {
  const folded = foldText(text);
  const found = TOPICS.find((candidate) => candidate.cues.test(folded));
  if (!found) return null;
  const { cues, ...topicOnly } = found;
  return { topic: topicOnly, cues };
}

/** A wait the customer names, as they wrote it: "47 минут", "2 часа", "3 weeks" (durations are never personal data). */
const WAIT_RU = /(?<![\p{L}\p{N}])(\d{1,3})\s?(минут[уы]?|мин|час(?:а|ов)?|дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?)(?![\p{L}])/iu;
const WAIT_EN = /(?<![\p{L}\p{N}])(\d{1,3})\s?(minutes?|mins?|hours?|days?|weeks?|months?)(?![\p{L}])/iu;

export function findWait(text: string, lang: 'ru' | 'en'): string | null {
  const match = (lang === 'ru' ? WAIT_RU : WAIT_EN).exec(text);
  return match ? `${match[1]} ${match[2]}` : null;
}

const SKIP_CLAUSE = /[«»"“”]|https?:|\w\.\w{2,}\/|\d{4,}/u;
/** Second pass for praise, questions and ideas: a clause with a quoted name in it is still theirs to quote. */
const SKIP_UNQUOTED = /https?:|\w\.\w{2,}\/|\d{4,}/u;
const LEADING_HANDLES = /^(?:\s*[@#][\p{L}\p{N}_.-]+)+/u;
const EMOJI = /[\p{Extended_Pictographic}\uFE0F\u200D]/gu;
const HOSTILE = new PhraseSet([
  'издева~',
  'ненавиж~',
  'идиот~',
  'дебил~',
  'вор~',
  'помойк~',
  'позор~',
  'ужас~',
  'кошмар~',
  'hate',
  'idiot~',
  'stupid',
  'scam~',
  'joke',
  'wtf',
  'fuck~',
  'shit',
  'бля~',
  'хрен~',
]);

/**
 * A short clause of the customer's own words about the topic (3 to 10 words) to show the message was read: no quotes,
 * handles, links, long numbers, personal data or insults, so repeating it can never echo data or a template.
 */
/**
 * `cues` picks a clause about the topic; `'question'` picks a clause of a sentence that asks something; null takes
 * the first usable clause.
 */
export function findOwnWords(text: string, piiSpans: readonly PiiSpan[], cues: PhraseSet | 'question' | null): string | null {
  return ownClause(text, piiSpans, cues, SKIP_CLAUSE) ?? (cues === null || cues === 'question' ? ownClause(text, piiSpans, cues, SKIP_UNQUOTED) : null);
}

function ownClause(text: string, piiSpans: readonly PiiSpan[], cues: PhraseSet | 'question' | null, skip: RegExp): string | null {
  for (const sentence of splitSentences(text)) {
    if (piiSpans.some((span) => span.start < sentence.end && span.end > sentence.start)) continue;
    if (cues === 'question' && !sentence.text.includes('?')) continue;
    const parts = sentence.text.split(/[,;:—–!?]|\s-\s/).map((part) =>
      part
        .replace(LEADING_HANDLES, '')
        .replace(EMOJI, ' ')
        .replace(skip === SKIP_UNQUOTED ? /[«»"“”]/g : /$^/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[.…]+$/, ''),
    );
    // For a question, its longest clause carries the question itself ("can I open an account as a non-resident").
    const ordered = cues === 'question' ? [...parts].sort((a, b) => b.split(' ').length - a.split(' ').length) : parts;
    for (const clause of ordered) {
      const words = clause.split(/\s+/).filter(Boolean);
      const folded = foldText(clause);
      if (words.length < 3 || skip.test(clause) || /[@#]/.test(clause) || HOSTILE.test(folded)) continue;
      if (cues instanceof PhraseSet && !cues.test(folded)) continue;
      // Long clauses are cut at eight words: enough to show the message was read.
      return words.length > 10 ? `${words.slice(0, 8).join(' ')}…` : clause;
    }
  }
  return null;
}

/** A neutral subject for praise, questions and ideas ("про доставку" / "the delivery"). */
export interface Subject {
  ru: string;
  en: string;
}

const SUBJECTS: { subject: Subject; cues: PhraseSet }[] = [
  { subject: { ru: 'нашего курьера', en: 'our courier' }, cues: new PhraseSet(['курьер~', 'courier', 'driver', 'delivery (?:guy|person)']) },
  { subject: { ru: 'нашу поддержку', en: 'our support team' }, cues: new PhraseSet(['поддержк~', 'оператор~', 'support', 'agent', 'chat']) },
  { subject: { ru: 'тарифы', en: 'our plans' }, cues: new PhraseSet(['тариф~', 'план~', 'plan', 'pricing', 'subscription', 'подписк~']) },
  { subject: { ru: 'возврат', en: 'refunds' }, cues: new PhraseSet(['возврат~', 'перерасч~', 'refund~']) },
  { subject: { ru: 'оплату', en: 'payments' }, cues: new PhraseSet(['оплат~', 'платеж~', 'карт~', 'кэшбэк~', 'payment', 'card', 'cashback']) },
  { subject: { ru: 'доставку', en: 'delivery' }, cues: new PhraseSet(['доставк~', 'заказ~', 'delivery', 'order', 'shipping']) },
  { subject: { ru: 'приложение', en: 'the app' }, cues: new PhraseSet(['приложени~', 'app', 'виджет~', 'widget', 'dark mode', 'feature']) },
  { subject: { ru: 'наш сервис', en: 'our service' }, cues: new PhraseSet(['сервис~', 'service', 'обслуживани~', 'ремонт~', 'repair']) },
];

export function findSubject(text: string): Subject | null {
  const folded = foldText(text);
  return SUBJECTS.find((candidate) => candidate.cues.test(folded))?.subject ?? null;
}

const ITEM_EN = /(?:ordered|bought|got|received|purchased)\s+(?:a |an |the |my |some |two |three )?([A-Za-z0-9][\w'-]*(?:\s[A-Za-z0-9][\w'-]*)?)/i;
const ITEM_RU = /(?:заказал\p{L}*|купил\p{L}*|получил\p{L}*)\s+([\p{L}\d-]+(?:\s[\p{L}\d-]+)?)/iu;
const ITEM_STOP = /^(?:and|but|from|with|at|on|in|for|got|a|an|the|it|them|this|that|и|но|в|на|у|за|с|а|их|его|это)$/i;

/** The thing the author says they ordered ("AirPods", "наушники"), for a facts-only answer. */
export function findItem(text: string, lang: 'ru' | 'en'): string | null {
  const match = (lang === 'ru' ? ITEM_RU : ITEM_EN).exec(text);
  if (!match) return null;
  const words = match[1].split(/\s+/);
  const kept: string[] = [];
  for (const word of words) {
    if (ITEM_STOP.test(word) || /\d{4,}/.test(word)) break;
    kept.push(word);
  }
  return kept.length > 0 ? kept.join(' ') : null;
}
