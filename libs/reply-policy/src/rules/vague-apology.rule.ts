/**
 * vague_apology (warn) — GUIDE §3: apologise specifically, say what for ("for the failed payment on Monday"), not
 * the vague "sorry for the inconvenience"; seed 000: «Просим извинения за доставленные неудобства» is too vague.
 *
 * Fires on an apology whose object is a generic placeholder ("за (доставленные) неудобства", "for any
 * inconvenience", "for the trouble", a bare "за ситуацию"), on the "sorry to hear that/this" and "жаль это
 * слышать" formulas, and on a formal apology standing alone ("Приносим извинения.", "We apologise!").
 * Not when the same sentence goes on to name the failure ("...за неудобства со списанием в понедельник",
 * "caused by the payment outage"), and not on an informal "sorry" next to a specific clause ("sorry it's taking
 * so long", "извините за сбой оплаты в понедельник").
 */
import { VAGUE_APOLOGY } from '../phrases/apology.phrases';
import { PhraseSet } from '../text/pattern';
import { say, type ReplyRule } from './reply-rule';

/** Words that attach a specific cause right after a generic apology. */
const QUALIFIER = new PhraseSet([
  'связанн~',
  'из-за',
  'со? \\p{L}{4,}',
  'по (?:вашему )?(?:заказу|списанию|доставке)',
  'caused by',
  'due to',
  'related to',
  'with (?:the |your )?\\p{L}{4,}',
  'of (?:the |your )?\\p{L}{4,}',
  'over the \\p{L}+',
]);

export const vagueApologyRule: ReplyRule = {
  id: 'vague_apology',
  check(context) {
    const { folded, sentences } = context.draft;
    const spans = VAGUE_APOLOGY.find(folded).filter((span) => {
      const sentence = sentences.find((piece) => span.start >= piece.start && span.start < piece.end);
      const rest = sentence ? folded.slice(span.end, sentence.end) : '';
      return !QUALIFIER.test(rest.slice(0, 40));
    });
    if (spans.length === 0) return null;
    return {
      spans,
      message: say(context.locale, {
        ru: 'Извинение ни о чём («за неудобства»): назовите, за что именно извиняетесь, например «за сбой оплаты в понедельник».',
        en: 'The apology names nothing ("for the inconvenience"): say what exactly you are sorry for, e.g. "for the failed payment on Monday".',
      }),
    };
  },
};
