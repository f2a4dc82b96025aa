/**
 * unverified_promise (warn) — GUIDE §5: the time to fix comes from engineering; seed 000: be careful with words,
 * they will be used against you; seed 004: agreed intervals, no guesses ("никаких предположений").
 *
 * Fires on a clause that commits to an outcome the replying team does not control, with a concrete time or
 * certainty: a fix/restore/delivery/unblock/arrival/another team's answer "сегодня", "к пятнице", "в течение 30
 * минут", "до 18:00", "by tonight", "within an hour", "tomorrow morning", "definitely", "promise"; or a future
 * refund/compensation stated as certain ("we'll refund you", "компенсируем"), unless offered as the outcome of
 * the private conversation in the same sentence or as one of alternatives. Not a promise when
 * - the time is hedged ("обычно", "ориентировочно", "usually", "expected", "we aim to"),
 * - it is already booked or done ("записали мастера на пятницу", "заявка создана", "we've refunded today"),
 * - it is a condition ("если до пятницы не придёт — напишите", "if it isn't there by Friday"),
 * - it is the team's own next message ("ответим в течение дня", "we'll update you within an hour": §4 quick
 *   acknowledgement), or
 * - the same time is already confirmed (the brand's own posts in the thread, `confirmedFacts`).
 */
import type { TextSpan } from '../reply-policy.types';
import { PRIVATE_CHANNEL } from '../phrases/private-channel.phrases';
import { foldText } from '../text/fold';
import { PhraseSet } from '../text/pattern';
import { splitClauses, withoutTrailingPunctuation } from '../text/segments';
import { say, type ReplyRule, type RuleContext } from './reply-rule';

const DEADLINE = new PhraseSet([
  'сегодня',
  'завтра',
  'послезавтра',
  'к (?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень|вечер|утр|обед)~',
  'к концу (?:дня|недели)',
  'к \\d{1,2}(?:[:.]\\d{2})?',
  'до (?:\\d{1,2}(?:[:.]\\d{2})?|конца (?:дня|недели)|вечера|утра|завтра|понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья)',
  'в течение (?:\\d+ )?(?:рабоч~ |календарн~ )?(?:получаса|часа|час~|дня|дн~|суток|недел~|минут~)',
  'через (?:\\d+ |пару |несколько )?(?:минут|час|дн|недел|сут)~',
  'в (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)',
  'в ближайш~ (?:час|минут|дн|сутки)~',
  '\\d{1,2}:\\d{2}',
  'today',
  'tonight',
  'tomorrow(?: morning| evening| afternoon)?',
  'by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|noon|midnight|eod|the end of (?:the )?(?:day|week)|end of (?:the )?(?:day|week)|\\d{1,2}(?::\\d{2})? ?(?:am|pm)?)',
  'within (?:\\d+|an?|one|two|three|the next|24|48) ?(?:minutes?|hours?|days?|business days?|weeks?)',
  'in (?:\\d+|an?|a few|the next|half an) (?:minutes?|hours?|days?|hour)',
  'this (?:afternoon|evening|morning|week)',
  'next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
  'на (?:этой|следующей) неделе',
  'same[- ]day',
  'right now',
]);

const COMMITMENT = new PhraseSet([
  'восстанов~',
  'исправ~',
  'почин~',
  'устран~',
  'верн~',
  'достав~',
  'привез~',
  'отправ~',
  'заработа~',
  'разблокир~',
  'решим',
  'решен~',
  'ответ~',
  'перезвон~',
  'подключ~',
  'зачисл~',
  'поступ~',
  'прид(?:ут|ет)',
  'приедет',
  'получите',
  'будет',
  'будут',
  'обещ~',
  'гарант~',
  'точно',
  'разбер~',
  'заберет',
  'закро~',
  'will',
  "\\p{L}+'ll",
  'going to',
  'promise~?',
  'guarantee~?',
  'definitely',
  'for sure',
]);

const HEDGE = new PhraseSet([
  'обычно',
  'как правило',
  'ориентировочн~',
  'предварительн~',
  'ожидаем',
  'рассчитываем',
  'планируем',
  'постараемся',
  'надеемся',
  'скорее всего',
  'примерно',
  'usually',
  'typically',
  'normally',
  'generally',
  'expected',
  'estimated',
  'we expect',
  'we hope',
  'hopefully',
  'aim to',
  'try to',
  'should be',
  'approximately',
  'around',
]);

const BOOKED = new PhraseSet([
  'записали',
  'оформили',
  'заявка создана',
  'забронир~',
  'согласовали',
  'назначили',
  'booked',
  'scheduled',
  'arranged',
  "(?:we've|we have|we) (?:already )?(?:refunded|sent|shipped|fixed|restored|credited|processed)",
]);

const CONDITION_START = /^(?:если|когда|как только|if|when|once|as soon as|unless|in case)(?![\p{L}])/u;

/** Our own next message is ours to promise (quick acknowledgement, §4). */
const OWN_MESSAGE = new PhraseSet([
  '(?:мы )?(?:ответим|напишем|свяжемся|сообщим|перезвоним|обновим статус|вернемся (?:к вам )?(?:с ответом|с решением|с новостями)|дадим ответ)',
  "(?:we'll|we will|i'll|i will) (?:reply|respond|update you|get back to you|write|dm you|message you|email you|call you|post an update|let you know|be in touch)",
]);

const COMPENSATION_PROMISE = new PhraseSet([
  "(?:we'll|we will|i'll|i will) (?:refund|compensate|reimburse|credit)",
  'will be (?:refunded|compensated|reimbursed|credited)',
  '(?:мы )?(?:вернем|компенсируем|возместим|начислим|доначислим)',
]);

/** The part of a deadline to look for in confirmed statements: its clock time, else its last word's stem. */
function deadlineCore(deadline: string): string {
  const time = /\d{1,2}(?::\d{2})?/.exec(deadline);
  if (time) return time[0];
  const words = deadline.split(/\s+/);
  return words[words.length - 1].slice(0, 5);
}

function confirmedTimes(context: RuleContext): string {
  const brandPosts = (context.input.thread ?? []).filter((post) => post.fromBrand).map((post) => post.text);
  return foldText([...brandPosts, ...(context.input.confirmedFacts ?? [])].join('\n'));
}

export const unverifiedPromiseRule: ReplyRule = {
  id: 'unverified_promise',
  check(context) {
    const { folded, sentences, text } = context.draft;
    const confirmed = confirmedTimes(context);
    const spans: TextSpan[] = [];
    for (const sentence of sentences) {
      if (HEDGE.test(folded, sentence.start, sentence.end) || BOOKED.test(folded, sentence.start, sentence.end)) continue;
      for (const clause of splitClauses(text, sentence)) {
        const clauseText = folded.slice(clause.start, clause.end);
        if (CONDITION_START.test(clauseText)) continue;
        const deadlines = DEADLINE.find(folded, clause.start, clause.end);
        const compensation = COMPENSATION_PROMISE.find(folded, clause.start, clause.end);
        if (deadlines.length > 0 && COMMITMENT.test(folded, clause.start, clause.end) && !OWN_MESSAGE.test(folded, clause.start, clause.end)) {
          const unconfirmed = deadlines.filter((span) => !confirmed.includes(deadlineCore(folded.slice(span.start, span.end))));
          if (unconfirmed.length > 0) spans.push(withoutTrailingPunctuation(text, clause));
        } else if (compensation.length > 0 && !PRIVATE_CHANNEL.test(folded, sentence.start, sentence.end) && !/\s(?:или|or)\s/u.test(clauseText)) {
          // A remedy offered as the outcome of the private conversation ("DM us, we'll refund or resend") is not
          // a promise made in the dark.
          spans.push(withoutTrailingPunctuation(text, clause));
        }
      }
    }
    if (spans.length === 0) return null;
    return {
      spans,
      message: say(context.locale, {
        ru: 'Ответ обещает срок или компенсацию, которые ещё не подтверждены: скажите, что делается, и когда будет следующее обновление.',
        en: "The reply promises a time or compensation that isn't confirmed yet: say what is being done and when the next update will come.",
      }),
    };
  },
};
