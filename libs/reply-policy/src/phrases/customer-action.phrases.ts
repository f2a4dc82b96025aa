import { PhraseSet } from '../text/pattern';

/**
 * A call to action: the customer is told what to do next (seed 004: "what should the client do? say it at the
 * end in one phrase"). Russian imperatives are listed; English ones are recognised at the start of a clause
 * (see draft.reading.ts) plus the polite question forms.
 */
export const RU_CUSTOMER_ACTION = new PhraseSet([
  'напишите',
  'пришлите',
  'присылайте',
  'отправьте',
  'сообщите',
  'укажите',
  'позвоните',
  'проверьте',
  'попробуйте',
  'перезагрузите',
  'обновите',
  'установите',
  'переустановите',
  'зайдите',
  'откройте',
  'нажмите',
  'выберите',
  'следите',
  'удалите',
  'подтвердите',
  'оставьте',
  'дайте (?:нам )?знать',
  'свяжитесь',
  'обратитесь',
  'ответьте',
  'загляните',
  'ожидайте',
  'подождите',
  'читайте',
  'прочитайте',
  'ознакомьтесь',
  'заполните',
  'приходите',
  'приезжайте',
  'скачайте',
  'включите',
  'отключите',
  'очистите',
  'снимите',
  'уберите',
  'продиктуйте',
  'назовите',
  'опубликуйте',
  'выложите',
  'скиньте',
  'приложите',
  'уточните',
  'можете (?:написать|прислать|позвонить|обратиться|проверить|отключить|включить|выбрать|снять|убрать)',
  'если [^.!?]{1,60}(?:—|-|,) (?:напишите|пишите|сообщите|дайте знать)',
  'пишите',
]);

export const EN_IMPERATIVE_VERBS = new Set(
  (
    'dm message send reply write call check try contact follow reach click tap go open update reinstall restart delete share fill visit ' +
    'see wait read untick tick use choose select log sign drop email e-mail let tell post leave confirm provide include text ping keep ' +
    'remove clear turn switch install download head look make give hop pop'
  ).split(/\s+/),
);

export const EN_CUSTOMER_ACTION = new PhraseSet([
  '(?:could|can|would|will) you (?:please |also |just |kindly )*\\p{L}+',
  'you can (?:also |just |simply )?\\p{L}+',
  'feel free to',
  'let us know',
  'please \\p{L}+',
  'just \\p{L}+ (?:us|here|the)',
]);

/** Step-by-step navigation ("Профиль → Мой тариф") is an instruction. */
export const NAVIGATION_ARROW = /\S\s*(?:→|->|>)\s*\S/u;
