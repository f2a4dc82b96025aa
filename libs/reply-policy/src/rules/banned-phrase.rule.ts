/**
 * banned_phrase (block) — not a SCHEMA rule: the workspace's own list of phrases it never publishes (a rival's
 * name, a retired product, words legal has forbidden). Matched whole-word, case- and "ё"-insensitive.
 */
import type { TextSpan } from '../reply-policy.types';
import { tokenize } from '../text/words';
import { say, type ReplyRule } from './reply-rule';

export const bannedPhraseRule: ReplyRule = {
  id: 'banned_phrase',
  check(context) {
    const spans: TextSpan[] = [];
    const found: string[] = [];
    for (const phrase of context.policy.bannedPhrases ?? []) {
      const words = tokenize(phrase).map((token) => token.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      if (words.length === 0) continue;
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const match of context.draft.folded.matchAll(pattern)) {
        spans.push({ start: match.index, end: match.index + match[0].length });
        if (!found.includes(phrase)) found.push(phrase);
      }
    }
    if (spans.length === 0) return null;
    return {
      spans,
      message: say(context.locale, {
        ru: `Ответ содержит запрещённую в команде фразу: ${found.map((phrase) => `«${phrase}»`).join(', ')}.`,
        en: `The reply contains a phrase the workspace has banned: ${found.map((phrase) => `"${phrase}"`).join(', ')}.`,
      }),
    };
  },
};
