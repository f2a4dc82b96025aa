/**
 * no_call_to_action (warn) — GUIDE §4: "end with a one-line call to action"; seed 004: after reading, "what should
 * the customer do now? What do we expect of them? Say it at the end in one phrase".
 *
 * Definition (annotators agreed only ~0.6, so it is kept narrow and mechanical): the draft ACKNOWLEDGES an issue
 * — it apologises, sympathises or promises to deal with it ("извините", "очень неприятно", "разберёмся",
 * "our team will look into it") — and then leaves the customer with nothing to act on or wait for:
 *   - no request or instruction to the customer (an imperative: "напишите", "проверьте", "ожидайте",
 *     "DM us", "try", "reply here"; "could you ...", "you can ...", a menu path "Профиль → Тариф"),
 *   - no private channel and no concrete next step by the team (see no_private_path),
 *   - and no substantive statement: no sentence that says something of its own beyond courtesy, apology,
 *     stock phrases and a bare intention (an answer, a status, a fact, "passed to the seller", "chat is open
 *     24/7" all count as something to go on).
 * Applies to replies to complaints and questions, public or private. A thank-you to praise, a reply to a
 * suggestion, or a draft that never engages with an issue (e.g. thanks a sarcastic post) is judged by
 * no_empathy and scripted instead.
 */
import { isSubstantive } from '../reading/draft.reading';
import { say, type ReplyRule } from './reply-rule';

export const noCallToActionRule: ReplyRule = {
  id: 'no_call_to_action',
  check(context) {
    const { mention, draft } = context;
    if (!mention.complaint && mention.intent !== 'question') return null;
    const sentences = draft.sentences;
    const acknowledges = sentences.some((s) => s.apology.length > 0 || s.empathy.length > 0 || s.vagueCommitment.length > 0);
    if (!acknowledges) return null;
    const actionable = sentences.some((s) => s.customerAction.length > 0 || s.privateChannel.length > 0 || s.nextStep.length > 0);
    if (actionable || sentences.some(isSubstantive)) return null;
    return {
      spans: [draft.whole],
      message: say(context.locale, {
        ru: 'Из ответа непонятно, что клиенту делать дальше: закончите одной фразой с конкретным шагом (например, написать в личные сообщения).',
        en: 'The reply leaves unclear what the customer should do next: end with one concrete step (for example, a private message).',
      }),
    };
  },
};
