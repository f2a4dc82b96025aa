/**
 * blames_customer (block, public only) — GUIDE §3: never blame or argue with the customer in public; seed 003:
 * "the customer is not always right", yet the answer stays polite, and bystanders read it as how the company
 * treats people.
 *
 * Fires when a public draft puts the fault on the customer or argues with them:
 * - blame: "вы сами (виноваты|отказались...)", "по вашей вине", "вы не указали/не подписали", "you should
 *   have read", "you didn't/failed to ...", "your fault", "(marked|chosen) by you", "...was unsigned/incorrect"
 *   after "because";
 * - lecturing: "читайте договор", "пункт 7.3", "не положено", "as stated in your contract", "read the terms",
 *   "это было указано при покупке", "which you agreed to at checkout", "please be more careful next time";
 * - counterfactual blame: "если бы вы обновили приложение, ошибки бы не было", "if you had ..., this wouldn't have";
 * - contradiction of the complaint: "курьер был у дома вовремя", "the driver arrived on time", "works fine for 99%", "с нашей стороны всё в порядке",
 *   "курьер ждал вас 12 минут", "called you twice", "оператор предложил, но вы отказались";
 * - mockery or accusation: "nice try", "before shouting at us", "calm down", "вы врёте", "say hi to <rival>".
 * Saying sorry while explaining what the team did is not blame; "you shouldn't have had to chase us" is empathy.
 */
import { PhraseSet } from '../text/pattern';
import { say, type ReplyRule } from './reply-rule';

export const BLAME = new PhraseSet([
  'вы (?:же )?сами (?:виноват~|отказал~|не |указал~|выбрал~|согласил~|подписал~|перепутал~|ошиб~|забыл~|отменил~|ввели|нажали|удалили)',
  'сами виноват~',
  // "вы (же) сами" before any past-tense verb: "вы же сами поставили галочку", "you yourself ticked the box".
  'вы (?:же )?сами \\p{L}+ли',
  'you yourself \\p{L}+ed',
  '(?:it was|it\'s) you who',
  'по вашей (?:вине|ошибке|невнимательности)',
  'ваша (?:вина|ошибка)',
  'вы(?:,? (?:видимо|наверное|просто|же|явно),?)? (?:не|неправильно|неверно|некорректно|невнимательно) (?:указали|заполнили|подписали|прочитали|прочли|ознакомились|предоставили|приложили|оплатили|ответили|взяли трубку|открыли|вышли|подтвердили|проверили)',
  'вы (?:ошиблись|ошибаетесь|неправы|врете|лжете|преувеличиваете|путаете)',
  'не выдумывайте',
  // Case facts that contradict the complaint: "курьер ждал вас 12 минут и звонил трижды", "but you declined".
  '(?:курьер~|водител~|мастер~|техник~|courier|driver|technician|engineer)[^.!?]{0,30}(?:ждал~ вас|waited (?:for you|at your|outside|\\d+))',
  // Only with the courier as subject: "sorry we called you twice" is an apology, not an argument.
  '(?:курьер~|водител~|мастер~|техник~|courier|driver|technician|engineer)[^.!?]{0,40}(?:звонил~ (?:вам )?(?:дважды|трижды|\\d+ раз~?|несколько раз)|called you (?:twice|three times|several times|\\d+ times))',
  '(?:но|однако|а) вы (?:сами |же )?(?:от \\p{L}+ )?(?:отказал~|не ответил~|не вышл~|не взял~ трубку)',
  "but you (?:declined|refused|turned (?:it|this|that) down|didn't (?:answer|pick up|respond))",
  'нужно было (?:читать|прочитать|смотреть|проверить|внимательнее)',
  'надо было (?:читать|прочитать|смотреть|проверить|внимательнее)',
  'следовало (?:бы )?(?:прочитать|проверить|ознакомиться)',
  '(?:внимательно )?(?:читайте|прочитайте|перечитайте|ознакомьтесь с) (?:договор|услови|оферт|правил)~',
  'пункт~? \\d+(?:\\.\\d+)+',
  'не положен~',
  '(?:компенсаци~|возврат~|перерасч~|возмещени~)(?: [^.!?]{0,40})? не (?:предусмотрен~|положен~|производится|осуществляется)',
  'вам не положено',
  'как (?:указано|сказано|прописано) в (?:договоре|условиях|оферте|правилах)',
  '(?:курьер~|водител~|мастер~|техник~|заказ~|доставк~|посылк~|courier|driver|technician|order|parcel|package)[^.!?]{0,30}(?:был|была|было|приехал~|прибыл~|доставлен~|arrived|was delivered|was there)(?![\\p{L}])[^.!?]{0,40}(?:вовремя|в срок|on time)',
  // "курьер не смог до вас дозвониться" argues; "извините, что (мы) не смогли дозвониться" apologises.
  '(?<!(?:(?:извин|прост|жаль|сожале)[\\p{L}]*,? что(?: мы)?|мы)[\\s,]{1,3})не смог~? до вас дозвониться',
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
  'as (?:clearly |explicitly |already )?(?:stated|written|explained|described|indicated|mentioned) in (?:your|the|our) (?:contract|terms|offer|agreement|letter|policy|faq)',
  '(?:please )?read (?:the|our|your) (?:terms|contract|agreement|policy|t&c|fine print|faq|manual)',
  'because (?:the |your )[^.!?]{0,60}(?:unsigned|incomplete|incorrect|wrong|missing|invalid|expired|not signed|declined)',
  '(?:works|working) (?:fine|perfectly|as expected|normally) for (?:\\d+%|everyone|most|other)',
  'nice try',
  'before (?:shouting|yelling|complaining|ranting|screaming)',
  'calm down',
  "you're lying",
  'not our (?:fault|problem)',
  // Counterfactual blame: "если бы вы обновили драйверы, ошибки бы не было", "if you had updated, this wouldn't have happened".
  'если бы вы [^.!?]{1,80}(?:не было|не возникло|не случилось|не произошло|не пришлось)',
  "if you(?:'d| had) [^.!?]{1,80}(?:wouldn't|would not|would never) have",
  // Holding the customer to what they accepted: "это было указано при покупке", "which you agreed to at checkout".
  '(?:это )?было (?:четко |ясно )?(?:указано|написано|прописано|сказано) (?:при (?:покупке|оформлении|бронировании)|в (?:условиях|договоре|оферте|правилах))',
  'вы (?:же )?(?:согласились|соглашались|приняли условия)',
  "(?:which|that|as) you (?:agreed|accepted|consented) to",
  'you (?:agreed|accepted|consented) to (?:the|our|these|those) (?:terms|conditions|policy|rules)',
  // The error put on the customer in the passive: "the wrong address was entered", "был указан неверный адрес".
  '(?:wrong|incorrect|invalid) (?:\\p{L}+ )?(?:address|number|details|card|size|date|email|name|code) (?:was|were) (?:entered|selected|chosen|given|provided|typed)',
  'был~? (?:указан~|введен~|выбран~) (?:неверн~|неправильн~|ошибочн~)',
  // Lecturing for next time: "be more careful", "будьте внимательнее".
  '(?:please )?be more careful',
  'double-check [^.!?]{0,30}next time',
  'next time,? (?:please )?(?:check|make sure|double-check|read)',
  'будьте (?:внимательнее|осторожнее)',
  'в следующий раз (?:будьте|проверяйте|читайте|внимательнее)',
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
