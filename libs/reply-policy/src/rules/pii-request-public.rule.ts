/**
 * pii_request_public (block, public only) — GUIDE §3: ask for personal data only in a private channel, never
 * "post your phone number here" (people fear spam; it exposes them). Seed 003: "Дайте нам ваши данные. Куда?
 * Прямо сюда в ответ?"
 *
 * Fires when one sentence of a public draft both
 * - asks the customer to give something (a non-negated request: "напишите", "укажите", "подтвердите",
 *   "оставьте", "post", "reply with", "share", "send", "confirm", "can you ... post", or a direct question:
 *   "what's the phone number on the account?", "какой у вас номер договора?"), and
 * - names personal data: phone, card number or its digits, passport, address, e-mail, order/contract/account
 *   number, full name, date of birth, an SMS/verification code, a password or code word, "personal details", a
 *   photo of an ID document, a booking reference, a login or player id;
 * unless that sentence routes it to a private channel (DM, personal messages, e-mail, a call) and does not
 * also say "here"/"в комментариях". "Напишите нам в личные сообщения номер договора" passes; "не публикуйте
 * здесь личные данные" passes (negated); "Leave your number, we'll call back" in public does not.
 */
import { PERSONAL_DATA } from '../phrases/personal-data.phrases';
import { PRIVATE_CHANNEL, PUBLIC_PLACE } from '../phrases/private-channel.phrases';
import type { TextSpan } from '../reply-policy.types';
import { isNegatedAt, PhraseSet } from '../text/pattern';
import { say, type ReplyRule } from './reply-rule';

const REQUEST = new PhraseSet([
  'напишите',
  'пишите',
  'пришлите',
  'отправьте',
  'сообщите',
  'укажите',
  'продиктуйте',
  'оставьте',
  'подтвердите',
  'опубликуйте',
  'выложите',
  'дайте',
  'скиньте',
  'приложите',
  'назовите',
  'уточните',
  'ответьте',
  'можете (?:написать|прислать|указать|оставить|сообщить)',
  'нужн~ (?:ваш~|номер)',
  'post',
  'share',
  'reply (?:here )?with',
  'reply here',
  'respond with',
  'send',
  'tell us',
  'give us',
  'leave',
  'drop',
  'include',
  'confirm',
  'provide',
  'list',
  'comment',
  'type',
  'enter',
  "what(?:'s| is| was) (?:your|the)",
  'which (?:e-?mail|phone|number|address|card|account)',
  'какой (?:у вас )?(?:номер|телефон|адрес|e-?mail|имейл|логин)',
  'на какой (?:номер|адрес|почту)',
]);



/** Entering data in the app, the account or a secure form is not posting it in the thread. */
const SECURE_PLACE = new PhraseSet([
  'в (?:приложении|личном кабинете|настройках|профиле|форме|анкете)',
  'на сайте',
  'по ссылке',
  'in (?:the|our|your) (?:app|account|settings|profile|form)',
  'on (?:our|the) (?:website|site)',
  'via (?:the|our|this) (?:secure )?(?:form|link)',
  'secure (?:form|link|page)',
]);

export const piiRequestPublicRule: ReplyRule = {
  id: 'pii_request_public',
  check(context) {
    const { folded, sentences } = context.draft;
    const spans: TextSpan[] = [];
    for (const sentence of sentences) {
      const requests = REQUEST.find(folded, sentence.start, sentence.end).filter((span) => !isNegatedAt(folded, span.start));
      if (requests.length === 0) continue;
      const data = PERSONAL_DATA.find(folded, requests[0].start, sentence.end);
      if (data.length === 0) continue;
      const privateRoute = PRIVATE_CHANNEL.find(folded, sentence.start, sentence.end).some((span) => !isNegatedAt(folded, span.start));
      const publicPlace = PUBLIC_PLACE.find(folded, sentence.start, sentence.end).some((span) => !isNegatedAt(folded, span.start));
      const secureForm = SECURE_PLACE.test(folded, sentence.start, sentence.end);
      if ((privateRoute || secureForm) && !publicPlace) continue;
      spans.push({ start: requests[0].start, end: data[data.length - 1].end });
    }
    if (spans.length === 0) return null;
    return {
      spans,
      message: say(context.locale, {
        ru: 'Ответ просит клиента написать личные данные прямо в публичной ветке: просите их только в личных сообщениях.',
        en: 'The reply asks the customer to post personal data in the public thread: ask for it only by private message.',
      }),
    };
  },
};
