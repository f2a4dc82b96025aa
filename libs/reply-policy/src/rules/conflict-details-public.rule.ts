/**
 * conflict_details_public (block, public only) — GUIDE §3: never take a conflict with a customer public; a
 * single incident is a private conversation. Everything written in public can be used against the company.
 *
 * Fires when a public draft discloses the specifics of this customer's dispute:
 * - results of an internal check of the case: "мы проверили заказ: ...", "по нашим данным ...", "по данным
 *   GPS", "we checked with the contractor: they say ...", "we looked into it: ...", "our records show",
 *   "according to our logs", "it turns out" — when the finding concerns the customer's case (their order,
 *   payment, courier, "you"); an ongoing check ("мы выясняем", "we'll check") or a public incident status is fine;
 * - in reply to a complaint, compensation with its amount: refund, points, discount, recalculation next to a sum, points, percent or
 *   in-game currency ("доначислили 370 баллов", "your refund of 4,490 ₽", "скидку 30%", "2,000 bonus coins");
 * - the customer's own history or record: "this account was created 6 days ago", "has zero orders with us",
 *   "your second submission", "your file shows", "ваша история заказов", a count of their own requests ("уже
 *   пятый возврат по вашему аккаунту за месяц", "this is your fourth refund request"), "looking at your account,";
 * - a case fact used against the customer: a date or figure of their case in the same sentence as a blame
 *   ("вы сами отказались от даты 12.12").
 */
import type { TextSpan } from '../reply-policy.types';
import { PhraseSet } from '../text/pattern';
import { BLAME } from './blames-customer.rule';
import { say, type ReplyRule } from './reply-rule';

const INVESTIGATION_RESULT = new PhraseSet([
  '(?:мы )?(?:проверили|посмотрели|просмотрели|прослушали|изучили|выяснили|уточнили|проанализировали|разобрались|подняли)[^.!?\\n]{0,60}?(?::|—| - |, что )',
  'выяснил~, что',
  'как выяснилось',
  'выяснилось',
  'проверка показала',
  'в ходе проверки',
  'по (?:нашим |имеющимся )?данным',
  'согласно (?:нашим )?(?:данным|записям|логам|системе)',
  'по (?:записям|логам|системе|камерам|трекингу)',
  'установлено, что',
  "(?:we(?:'ve| have)? )?(?:checked|reviewed|looked into|investigated|verified|went through|confirmed|listened to|spoke (?:to|with)|checked with)[^.!?\\n]{0,60}?(?::|—| - |,? and (?:found|saw|can see|it turns out|confirmed)| that )",
  "(?:we(?:'ve| have)? )?reviewed your (?:file|case|account|history|documents|application)",
  '(?:according to|per|based on) (?:our|the) (?:records|data|logs|gps|tracking|system|notes|investigation|check)',
  'our (?:records|logs|data|system|tracking|notes) (?:show|shows|indicate|say)',
  'it turns out',
  'turns out',
  'the (?:investigation|check|review) (?:showed|found|shows)',
  'we found (?:that|out)',
  'they say',
]);

const COMPENSATION = new PhraseSet([
  'компенс~',
  'возмест~',
  'верн~',
  'возврат~',
  'доначисл~',
  'начисл~',
  'скидк~',
  'бонус~',
  'балл~',
  'промокод~',
  'перерасч~',
  'refund~',
  'compensat~',
  'reimburs~',
  'credit~',
  'discount',
  'voucher',
  'goodwill',
  'points',
  'bonus',
  'promo code',
]);

/** Words that tie a finding to this customer's case rather than to a public incident or a product fact. */
const CASE_REFERENCE = new PhraseSet([
  'ваш~',
  'вам',
  'вас',
  'вы',
  'заказ~',
  'заявк~',
  'платеж~',
  'списани~',
  'курьер~',
  'продав~',
  'мастер~',
  'документ~',
  'you',
  'your',
  'order',
  'account',
  'payment',
  'booking',
  'charge',
  'courier',
  'driver',
  'seller',
  'contractor',
  'technician',
  'documents?',
  'card',
]);

// A sum, or a count of what is credited: money, points, bonuses, in-game currency, miles, free days/months.
const AMOUNT =
  /(?:\d[\d\s.,]*\s?(?:₽|руб\p{L}*|р\.|\$|€|£|%|балл\p{L}*|бонус\p{L}*|кристалл\p{L}*|монет\p{L}*|гем\p{L}*|мил[ьияе]\p{L}*|points?|bonus(?:es)?|coins?|gems?|credits?|miles|tokens?|usd|eur|rub|gbp)(?![\p{L}])|[$€£]\s?\d)/iu;

const CUSTOMER_RECORD = new PhraseSet([
  '(?:this|your|the) account (?:was|is) (?:created|opened|registered)',
  '(?:has|have|with) (?:no|zero|\\d+) orders',
  'ни одного заказа',
  '(?:ваш~ )?(?:аккаунт|профиль|страниц~) (?:создан~|зарегистрирован~)',
  'your (?:second|first|third|previous|last|earlier) (?:submission|order|request|application|complaint|ticket)',
  'your (?:file|history|records) (?:shows?|says)',
  'ваш~ истори~ (?:заказов|обращений|покупок)',
  'в вашей истории',
  // A count of the customer's own requests: "это уже пятый возврат по вашему аккаунту", "your fourth refund request this month".
  '(?:уже )?(?:второй|третий|четвертый|пятый|шестой|седьмой|десятый|\\d+-?(?:й|ий)) (?:возврат|отказ|спор|заказ|жалоб~|обращени~|претензи~|запрос~)~? (?:за (?:месяц|неделю|год|последн~)|по вашему|в этом (?:месяце|году)|с вашего|на вашем)',
  '(?:this is|that\'s|it\'s) (?:your|the) (?:second|third|fourth|fifth|sixth|tenth|\\d+(?:st|nd|rd|th)) (?:refund|return|complaint|claim|chargeback|dispute|request|cancellation|order)',
  '(?:looking at|checking|going through|from) your (?:account|order history|purchase history|history|records|profile)(?=\\s*[,:]| we| i)',
  'по вашему (?:аккаунту|профилю|сч[е]ту) (?:видно|видим|числится|значится)',
]);

const CASE_FIGURE = /(?<!(?:пункт|п\.|раздел|section|clause|item)\s?)\d{1,2}[./]\d{1,2}|\d{1,2}:\d{2}|\d+\s?(?:₽|руб|\$|€)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}* \d{1,2}|\d{1,2} (?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)/iu;

export const conflictDetailsPublicRule: ReplyRule = {
  id: 'conflict_details_public',
  check(context) {
    const { folded, sentences, text } = context.draft;
    const spans: TextSpan[] = [];
    const findings = INVESTIGATION_RESULT.find(folded).filter((span) => CASE_REFERENCE.test(folded, span.start, Math.min(folded.length, span.end + 100)));
    spans.push(...findings, ...CUSTOMER_RECORD.find(folded));
    for (const sentence of sentences) {
      // Amounts are a dispute's details only when there is a dispute: a price or a promo in an answer is not.
      if (context.mention.complaint && AMOUNT.test(sentence.text) && COMPENSATION.test(folded, sentence.start, sentence.end)) {
        spans.push({ start: sentence.start, end: sentence.end });
      }
      if (CASE_FIGURE.test(text.slice(sentence.start, sentence.end)) && BLAME.test(folded, sentence.start, sentence.end)) {
        spans.push({ start: sentence.start, end: sentence.end });
      }
    }
    if (spans.length === 0) return null;
    return {
      spans,
      message: say(context.locale, {
        ru: 'Ответ выносит подробности спора в публичную ветку (результаты проверки, история клиента, суммы компенсации): обсудите это в личных сообщениях.',
        en: "The reply takes the dispute public (check results, the customer's history, compensation amounts): discuss it in a private message.",
      }),
    };
  },
};
