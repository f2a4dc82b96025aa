/**
 * Sentiment (SCHEMA): sarcastic praise is negative, off-topic matches are neutral, a calm matter-of-fact
 * defect report is neutral even though it reports a failure.
 */
import type { Cause, Intent, Sentiment } from '@otklik/domain';
import { phrasesOf, type MentionReading } from './mention.reading';
import { decision, quoted, type RuleDecision } from './rule-decision';

const SMILING = /[😄😃😊☺🥰😍❤💚💙🤩😁]/u;

export function decideSentiment(reading: MentionReading, intent: Intent, cause: Cause | null): RuleDecision<Sentiment> {
  const { hits, analysis } = reading;
  const emotionWhy = [
    ...phrasesOf(hits.negative_emotion, 3).map((phrase) => `"${phrase}"`),
    ...(reading.sarcastic ? ['sarcasm'] : []),
    ...(analysis.normalized.shoutedWords.length > 0 ? ['capitals'] : []),
    ...(analysis.normalized.emphaticPunctuation > 0 ? ['"!!" / "??"'] : []),
  ];
  if (intent === 'praise') return decision('positive', 0.85, [`praise: ${quoted(phrasesOf([...hits.praise, ...hits.resolution]))}`]);
  if (cause === 'black_pr' || cause === 'piling_on') return decision('negative', 0.8, [`${cause.replace('_', ' ')}`, ...emotionWhy]);
  switch (intent) {
    case 'problem': {
      if (reading.calm && cause !== 'staff_inattention') {
        return decision('neutral', 0.65, [`a calm, matter-of-fact report: ${quoted(phrasesOf([...hits.calm, ...hits.technical, ...hits.greeting]))}`]);
      }
      return decision('negative', 0.75 + Math.min(reading.emotion, 3) * 0.07, emotionWhy.length > 0 ? emotionWhy : ['reports a failure']);
    }
    case 'question': {
      const loaded = reading.staffScore >= 2 || (hits.loaded_question.length > 0 && (reading.staffScore > 0 || analysis.repeatCount >= 2 || analysis.waitDays >= 3));
      if (loaded || reading.productFailure || reading.emotion >= 1.5) {
        return decision('negative', 0.65, [...(loaded ? [`a question hiding a complaint: ${quoted(phrasesOf([...hits.staff, ...hits.loaded_question]))}`] : []), ...emotionWhy]);
      }
      return decision('neutral', 0.8, ['a plain question']);
    }
    case 'suggestion': {
      if (reading.failurePredicate || reading.staffScore >= 2 || reading.emotion >= 2) {
        return decision('negative', 0.65, [`an angry suggestion: ${quoted(phrasesOf([...hits.staff, ...hits.defect]))}`, ...emotionWhy]);
      }
      // "It would be great to..." is the wish's wording, not praise: only a smile makes a wish positive.
      if (SMILING.test(analysis.normalized.emojis.join(''))) return decision('positive', 0.6, ['a friendly wish']);
      return decision('neutral', 0.75, ['a wish or idea']);
    }
    default:
      return decision('neutral', 0.7, ['no opinion about the brand']);
  }
}
