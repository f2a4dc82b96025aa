/**
 * Independent drafts, written for these tests in other brands' words (not from the corpus): the verdict each should
 * get and the rules that decide it. A guard against lexicons that only fit the dev drafts.
 */
import type { ReplyVerdict } from './reply-policy.types';
import type { ReplyRuleId } from './rule-ids';
import { check, rulesOf } from './testing/reply-check.fixture';

interface Case {
  mention: string;
  draft: string;
  verdict: ReplyVerdict;
  includes?: ReplyRuleId[];
}

const CASES: Case[] = [
  {
    mention: 'Hotel booking through your app got cancelled without notice, we are standing at reception at midnight with two kids.',
    draft: "We're so sorry, that's an awful situation to be in at midnight with kids. We've sent you a DM: our night team is on it and will help you find a room.",
    verdict: 'ok',
  },
  {
    mention: 'Hotel booking through your app got cancelled without notice, we are standing at reception at midnight with two kids.',
    draft: 'Per our records, the hotel cancelled because your card was declined. Please update your payment method.',
    verdict: 'block',
    includes: ['conflict_details_public', 'blames_customer'],
  },
  {
    mention: 'Ваш банкомат на Ленина съел карту, в отделении сказали ждать неделю',
    draft: 'Здравствуйте! Карта будет возвращена в течение 3 рабочих дней.',
    verdict: 'warn',
    includes: ['unverified_promise', 'no_empathy', 'no_private_path'],
  },
  {
    mention: 'Ваш банкомат на Ленина съел карту, в отделении сказали ждать неделю',
    draft: 'Здравствуйте! Сожалеем, что так вышло с картой. Обычно изъятые банкоматом карты возвращают в отделение за 3–5 рабочих дней. Напишите нам в личные сообщения — уточним, где ваша карта сейчас.',
    verdict: 'ok',
  },
  {
    mention: 'The delivery guy threw my parcel over the fence and it broke. Great job 👏',
    draft: 'Hi! Our courier partner is an independent contractor, please contact them directly.',
    verdict: 'warn',
    includes: ['no_empathy', 'no_private_path', 'scripted'],
  },
  {
    mention: 'The delivery guy threw my parcel over the fence and it broke. Great job 👏',
    draft: 'Ugh, a parcel thrown over a fence is not how it should arrive, and we are sorry it broke. Could you DM us your order number and a photo? We will arrange a replacement.',
    verdict: 'ok',
  },
  {
    mention: 'Списали 2 раза за подписку, верните деньги',
    draft: 'Здравствуйте, Игорь! Проверили: второе списание — это автопродление, которое вы включили 3 марта. Отключить можно в настройках.',
    verdict: 'block',
    includes: ['conflict_details_public'],
  },
  {
    mention: 'Where can I find invoices in the dashboard?',
    draft: 'Hi Priya! Invoices live under Settings → Billing → Invoices. Happy to help if anything is missing.',
    verdict: 'ok',
  },
  { mention: 'Love the new dark mode, finally!', draft: 'Thanks, Leo! The design team will be thrilled to hear it 🙌', verdict: 'ok' },
  {
    mention: 'Приложение вылетает при оплате, уже пятый раз пытаюсь оплатить!!!',
    draft: 'Извините за неудобства. Наши разработчики в курсе.',
    verdict: 'warn',
    includes: ['vague_apology', 'no_private_path', 'no_call_to_action'],
  },
  {
    mention: 'Приложение вылетает при оплате, уже пятый раз пытаюсь оплатить!!!',
    draft: 'Здравствуйте! Пять попыток оплаты подряд — это выматывает, извините за сбой. Мы передали ошибку команде приложения. Пока можно оплатить на сайте. Напишите нам в личку модель телефона и версию приложения — проверим.',
    verdict: 'ok',
  },
  { mention: 'Your driver was rude and drove off with my groceries.', draft: 'Sorry about that. Our driver Ahmed has been suspended.', verdict: 'block', includes: ['internal_kitchen'] },
  {
    mention: 'Your driver was rude and drove off with my groceries.',
    draft: "That's not okay and we're sorry. Please DM us the order details so we can refund the groceries and follow up with the delivery partner.",
    verdict: 'ok',
  },
  {
    mention: 'Курьер опоздал на 2 часа, еда холодная',
    draft: 'Здравствуйте! Курьер опоздал из-за пробок, это форс-мажор, компенсация не предусмотрена.',
    verdict: 'block',
    includes: ['blames_customer', 'no_empathy'],
  },
  {
    mention: 'Your app logged me out and now says my account does not exist. I have 3 years of photos there!!',
    draft: 'Hi, please reply with your username and the email on the account so we can look it up.',
    verdict: 'block',
    includes: ['pii_request_public'],
  },
  {
    mention: 'Your app logged me out and now says my account does not exist. I have 3 years of photos there!!',
    draft: 'Hi! Losing access to three years of photos is scary, we understand. Your photos are not deleted. Please DM us the email you signed up with and we will restore access.',
    verdict: 'ok',
  },
  {
    mention: 'Заказ #45-990-12 так и не пришёл, трекинг стоит',
    draft: 'Здравствуйте! Заказ 45-990-12 сейчас в сортировочном центре, приедет завтра.',
    verdict: 'block',
    includes: ['pii_echo', 'unverified_promise'],
  },
  { mention: 'Ваш оператор бросил трубку!', draft: 'Извините, оператор был новеньким, его уже отстранили.', verdict: 'block', includes: ['internal_kitchen'] },
  {
    mention: 'Ваш оператор бросил трубку!',
    draft: 'Здравствуйте! Так быть не должно, извините. Мы разберёмся с этим звонком. Напишите в личные сообщения номер, с которого звонили, и время звонка.',
    verdict: 'ok',
  },
  {
    mention: 'Two weeks waiting for the refund. Two weeks!',
    draft: "We're sorry for the delay. Refunds usually take 5-10 business days. If it's not in by Friday, reply to this thread and we'll chase it.",
    verdict: 'ok',
  },
  {
    mention: '@AirCo my flight got cancelled and no one is answering the phone',
    draft: "We're really sorry your flight was cancelled and that you couldn't get through. Please DM us your booking reference and we'll look at rebooking options right away. ^MK",
    verdict: 'ok',
  },
  {
    mention: 'Your app keeps crashing on Android 14 😤',
    draft: "Sorry about the crashes, that's frustrating. Our team has found the bug and a fix ships in the next app update. In the meantime, clearing the app cache helps for most people. DM us if it keeps happening.",
    verdict: 'ok',
  },
  {
    mention: 'Есть ли у вас скидки для студентов?',
    draft: 'Здравствуйте! Да, по студенческому билету действует скидка 15% на все тарифы. Оформить её можно в приложении в разделе «Профиль».',
    verdict: 'ok',
  },
  {
    mention: 'Опять не работает приложение банка, не могу оплатить ЖКХ!',
    draft: 'Здравствуйте! Да, сейчас в приложении сбой, инженеры уже работают над восстановлением. Пока платёж можно провести через сайт. Мы напишем здесь, как только всё заработает. Извините за неудобства, связанные со сбоем.',
    verdict: 'ok',
  },
  {
    mention: 'Спасибо курьеру Олегу, помог донести тяжёлые коробки до 5 этажа!',
    draft: 'Спасибо, что написали! Обязательно передадим Олегу — ему будет приятно 🙂',
    verdict: 'ok',
  },
  {
    mention: 'Is the service down? Getting error 500',
    draft: 'Hi! Sorry for the trouble with logins: we have an outage right now and our engineers are on it. We will post here once it is resolved.',
    verdict: 'ok',
  },
  {
    mention: 'Your manager promised to call me back yesterday, nobody called',
    draft: "We're sorry the call didn't happen, that's not what you were promised. Please DM us your best time and a senior agent will call you.",
    verdict: 'ok',
  },
  {
    mention: 'Why was my account suspended?? I did nothing wrong',
    draft: 'We understand how worrying a suspended account is. Please DM us the email on the account so our team can review it with you privately.',
    verdict: 'ok',
  },
  {
    mention: 'Great, another price hike. Thanks for nothing.',
    draft: 'Hi! Prices are updated annually in line with inflation, as stated in the terms of service.',
    verdict: 'block',
    includes: ['blames_customer'],
  },
];

describe('checkReply on independent drafts', () => {
  it.each(CASES.map((item, index) => [index, item] as const))('case %i', (_index, item) => {
    const result = check(item.draft, item.mention);
    expect({ verdict: result.verdict, rules: rulesOf(result) }).toEqual({
      verdict: item.verdict,
      rules: expect.arrayContaining(item.includes ?? []),
    });
  });
});
