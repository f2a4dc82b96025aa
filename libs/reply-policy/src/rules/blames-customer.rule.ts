/**
 * blames_customer (block, public only) — GUIDE §3: never blame or argue with the customer in public; seed 003:
 * "the customer is not always right", yet the answer stays polite, and bystanders read it as how the company
 * treats people.
 *
 * Fires when a public draft puts the fault on the customer or argues with them:
 * - blame: "вы сами (виноваты|отказались...)", "по вашей вине", "вы не указали/не подписали", "you should
 *   have read", "you didn't/failed to ...", "your fault", "(marked|chosen) by you", "...was unsigned/incorrect"
 *   after "because";
 * - lecturing: "читайте договор", "пункт 7.3", "не положено", "as stated in your contract", "read the terms";
 * - contradiction of the complaint: "курьер был у дома вовремя", "the driver arrived on time", "works fine for 99%", "с нашей стороны всё в порядке";
 * - mockery or accusation: "nice try", "before shouting at us", "calm down", "вы врёте", "say hi to <rival>".
 * Saying sorry while explaining what the team did is not blame; "you shouldn't have had to chase us" is empathy.
 */
import { PhraseSet } from '../text/pattern';
import { say, type ReplyRule } from './reply-rule';

export const BLAME = new PhraseSet([
  'вы сами (?:виноват~|отказал~|не |указал~|выбрал~|согласил~|подписал~|перепутал~|ошиб~|забыл~|отменил~|ввели|нажали|удалили)',
  'сами виноват~',
  'по вашей (?:вине|ошибке|невнимательности)',
  'ваша (?:вина|ошибка)',
  'вы (?:не|неправильно|неверно|некорректно) (?:указали|заполнили|подписали|прочитали|прочли|ознакомились|предоставили|приложили|оплатили|ответили|взяли трубку|открыли|вышли|подтвердили|проверили)',
  'вы (?:ошиблись|ошибаетесь|неправы|врете|лжете|преувеличиваете|путаете)',
  'не выдумывайте',
  'нужно было (?:читать|прочитать|смотреть|проверить|внимательнее)',
  'надо было (?:читать|прочитать|смотреть|проверить|внимательнее)',
  'следовало (?:бы )?(?:прочитать|проверить|ознакомиться)',
  '(?:внимательно )?(?:читайте|прочитайте|перечитайте|ознакомьтесь с) (?:договор|услови|оферт|правил)~',
  'пункт~? \\d+(?:\\.\\d+)+',
  'не положен~',
  '(?:компенсаци~|возврат~|перерасч~|возмещени~) не (?:предусмотрен~|положен~|производится)',
  'вам не положено',
  'как (?:указано|сказано|прописано) в (?:договоре|условиях|оферте|правилах)',
  '(?:курьер~|водител~|мастер~|техник~|заказ~|доставк~|посылк~|courier|driver|technician|order|parcel|package)[^.!?]{0,30}(?:был|была|было|приехал~|прибыл~|доставлен~|arrived|was delivered|was there)(?![\\p{L}])[^.!?]{0,40}(?:вовремя|в срок|on time)',
  'не смог~? до вас дозвониться',
  'с нашей стороны (?:все|всё) (?:в порядке|работает|корректно)',
  'у нас (?:все|всё) работает',
  'успокойтесь',
  "you should(?:'ve| have) (?:read|checked|known|called|contacted|followed|signed|provided|looked|kept|noticed)",
  "you (?:didn't|did not|failed to|forgot to|never) (?:read|check|sign|provide|follow|answer|pick up|include|attach|update|confirm|respond)",
  "(?:it's|it is|that's|that is|this is) (?:your|the customer's) (?:fault|responsibility|mistake)",
  'your (?:fault|mistake|error)',
  '(?:marked|chosen|selected|entered|typed|caused|made|set|cancell?ed|provided|given) by you',
  '(?:issue|problem|error|fault) (?:is |was |lies )?on your (?:end|side)',
  'проблема (?:на вашей стороне|с вашей стороны)',
  'as (?:stated|written|explained|described) in (?:your|the|our) (?:contract|terms|offer|agreement|letter|policy|faq)',
  '(?:please )?read (?:the|our|your) (?:terms|contract|agreement|policy|t&c|fine print|faq|manual)',
  'because (?:the |your )[^.!?]{0,60}(?:unsigned|incomplete|incorrect|wrong|missing|invalid|expired|not signed|declined)',
  '(?:works|working) (?:fine|perfectly|as expected|normally) for (?:\\d+%|everyone|most|other)',
  'nice try',
  'before (?:shouting|yelling|complaining|ranting|screaming)',
  'calm down',
  "you're lying",
  'not our (?:fault|problem)',
]);

export const blamesCustomerRule: ReplyRule = {
  id: 'blames_customer',
  check(context) {
    const spans = BLAME.find(context.draft.folded);
    if (spans.length === 0) return null;
    return {
      spans,
      message: say(context.locale, {
        ru: 'Ответ перекладывает вину на клиента или спорит с ним публично: признайте ситуацию и перенесите разбор в личные сообщения.',
        en: 'The reply blames or argues with the customer in public: acknowledge the situation and take the details to a private message.',
      }),
    };
  },
};
