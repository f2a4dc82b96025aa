/**
 * no_empathy (warn) — GUIDE §4.4: every message carries an emotion and the answer reacts to it; seed 003: "Ситуация,
 * действительно, неприятная. Нам очень жаль".
 *
 * Applies when the mention carries negative emotion (the classifier's sentiment, or: a complaint that is not a
 * calm report or private follow-up; an angry suggestion or question). Not to a coordinated attack, which gets
 * facts only (§2). Fires when the draft has no apology and no words that acknowledge the feeling ("понимаем",
 * "неприятно", "так быть не должно", "frustrating", "that's not okay", "far too long"). When health or safety is
 * at stake (a child, a doctor, poisoning) or the classifier rates the mention critical, a formula ("sorry to hear
 * this") does not count: say the concern.
 * Thanking for "kind words" or "the idea" is not empathy.
 */
import { VAGUE_APOLOGY } from '../phrases/apology.phrases';
import { say, type ReplyRule } from './reply-rule';

export const noEmpathyRule: ReplyRule = {
  id: 'no_empathy',
  check(context) {
    const { mention, draft } = context;
    if (!mention.negativeEmotion || mention.campaignLike) return null;
    const vague = VAGUE_APOLOGY.find(draft.folded);
    const empathy = draft.sentences.some((sentence) => sentence.empathy.length > 0);
    const specificApology = draft.sentences.some((sentence) =>
      sentence.apology.some((apology) => !vague.some((span) => span.start <= apology.start && span.end >= apology.end)),
    );
    const anyApology = draft.sentences.some((sentence) => sentence.apology.length > 0);
    const formulaNotEnough = mention.safetyConcern || context.input.mention.labels?.severity === 'critical';
    if (empathy || specificApology || (anyApology && !formulaNotEnough)) return null;
    return {
      spans: [draft.whole],
      message: say(context.locale, {
        ru: mention.safetyConcern
          ? 'Речь о здоровье или безопасности, а ответ обходится формулой: прямо скажите, что вам не всё равно и что вы делаете.'
          : 'Ответ не реагирует на эмоцию клиента: признайте, что ситуация неприятная, и извинитесь, если есть за что.',
        en: mention.safetyConcern
          ? "Health or safety is at stake and the reply uses a formula: say plainly that you care and what you're doing."
          : "The reply ignores the customer's emotion: acknowledge how this feels and apologise where it is due.",
      }),
    };
  },
};
