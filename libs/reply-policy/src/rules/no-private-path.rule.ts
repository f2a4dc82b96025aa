/**
 * no_private_path (warn, public only) — GUIDE §3: the public answer moves the details to a private channel;
 * §4: "what the customer should do next: send phone or email by private message".
 *
 * Definition (annotators agreed only ~0.6 on this one, so it is kept narrow and mechanical):
 * applies only to a PUBLIC reply to a complaint — the mention reports something that went wrong for the author
 * (intent problem, or a question that carries a failure or a wait: "my ticket is on day 9"). It never applies
 * to praise, suggestions, neutral questions, off-topic posts, or a coordinated attack (facts only, §2).
 * It fires when the draft has NEITHER
 *   (a) a private channel: an invitation to or notice of direct/personal messages ("напишите нам в личные
 *       сообщения", "DM us", "we've sent you a DM"), e-mail ("email us", a support address), a phone call
 *       ("позвоните нам", "call us", the brand's hotline), a support form or link, the support chat, a message
 *       the team has already sent privately ("ответили вам в директ", "выслали вам письмо", "we've emailed
 *       you", "please check your inbox"), or the customer's existing ticket/this private chat; NOR
 *   (b) a concrete next step the team takes on this customer's case: a callback ("перезвоним", "we'll call
 *       you"), someone sent ("мастер приедет", "we'll send someone"), a remedy already applied ("вернули",
 *       "we've refunded", "reactivated"), an escalation to a named role ("передали руководителю сервиса",
 *       "a senior specialist will take ownership"), or updates promised in a named place ("we'll post updates
 *       here", "reply here if it's still down").
 *   A request for the customer's details ("напишите номер заказа", "reply with your order number") is a next
 *   step too: made in public, it is pii_request_public's to block, not this rule's to warn about twice.
 * Not enough on their own: bare intentions ("разберёмся", "we'll look into it"), hand-offs to a third party
 * ("передали информацию продавцу"), self-service instructions ("перезагрузите роутер", "follow the status in
 * the app"), availability statements ("our chat is open 24/7") and promises of a fix time.
 */
import { PERSONAL_DATA } from '../phrases/personal-data.phrases';
import { say, type ReplyRule } from './reply-rule';

export const noPrivatePathRule: ReplyRule = {
  id: 'no_private_path',
  check(context) {
    const { mention, draft } = context;
    if (!mention.complaint || mention.campaignLike) return null;
    const hasPath = draft.sentences.some(
      (sentence) =>
        sentence.privateChannel.length > 0 ||
        sentence.nextStep.length > 0 ||
        (sentence.customerAction.length > 0 && PERSONAL_DATA.test(draft.folded, sentence.start, sentence.end)),
    );
    if (hasPath) return null;
    return {
      spans: [draft.whole],
      message: say(context.locale, {
        ru: 'Ответ на жалобу не переводит разговор в личные сообщения и не называет следующий шаг: предложите написать в личку.',
        en: 'The reply to a complaint offers no private channel and no concrete next step: invite the customer to a private message.',
      }),
    };
  },
};
