/**
 * disproportionate (warn) — GUIDE §4 proportionality; seed 003: the customer spent time and nerves on a long
 * message, and any answer "in one line", even a positive one, leaves them unsatisfied.
 *
 * Fires when the mention is long and detailed (at least 40 words in at least three sentences) and the draft
 * is a one-liner: at most 15 words, or fewer than an eighth of the mention's words.
 */
import { say, type ReplyRule } from './reply-rule';

export const LONG_MENTION_WORDS = 40;
export const ONE_LINER_WORDS = 15;

export const disproportionateRule: ReplyRule = {
  id: 'disproportionate',
  check(context) {
    const { mention, draft } = context;
    if (!mention.long) return null;
    if (draft.wordCount > ONE_LINER_WORDS && draft.wordCount * 8 >= mention.wordCount) return null;
    return {
      spans: [draft.whole],
      message: say(context.locale, {
        ru: `На подробное обращение (${mention.wordCount} слов) ответ в одну строку (${draft.wordCount}): ответьте соразмерно, по существу каждого пункта.`,
        en: `A one-line answer (${draft.wordCount} words) to a long, detailed message (${mention.wordCount} words): answer in proportion, point by point.`,
      }),
    };
  },
};
