/**
 * Sentiment (SCHEMA): sarcastic praise is negative, off-topic matches are neutral, a calm matter-of-fact
 * defect report is neutral even though it reports a failure.
 */
import type { Cause, Intent, Sentiment } from '@otklik/domain';
import { because } from '../explain/explanation.catalogue';
import { phrasesOf, type MentionReading } from './mention.reading';
import { decision, type RuleDecision } from './rule-decision';

const SMILING = /[😄😃😊☺🥰😍❤💚💙🤩😁]/u;

export function decideSentiment(reading: MentionReading, intent: Intent, cause: Cause | null): RuleDecision<Sentiment> {
  const { hits, analysis } = reading;
  const emotionWhy = [
    ...phrasesOf(hits.negative_emotion, 3).map((phrase) => because('sentiment.emotion_word', { phrases: [phrase] })),
    ...(reading.sarcastic ? [because('sentiment.sarcasm')] : []),
    ...(analysis.normalized.shoutedWords.length > 0 ? [because('sentiment.capitals')] : []),
    ...(analysis.normalized.emphaticPunctuation > 0 ? [because('sentiment.emphatic_punctuation')] : []),
  ];
  if (intent === 'praise') return decision('positive', 0.85, [because('sentiment.praise', { phrases: phrasesOf([...hits.praise, ...hits.resolution]) })]);
  if (cause === 'black_pr' || cause === 'piling_on') {
    return decision('negative', 0.8, [because(cause === 'black_pr' ? 'sentiment.black_pr' : 'sentiment.piling_on'), ...emotionWhy]);
  }
  switch (intent) {
    case 'problem': {
      if (reading.calm && cause !== 'staff_inattention') {
        return decision('neutral', 0.65, [because('sentiment.calm_report', { phrases: phrasesOf([...hits.calm, ...hits.technical, ...hits.greeting]) })]);
      }
      return decision('negative', 0.75 + Math.min(reading.emotion, 3) * 0.07, emotionWhy.length > 0 ? emotionWhy : [because('sentiment.reports_failure')]);
    }
    case 'question': {
      const loaded = reading.staffScore >= 2 || (hits.loaded_question.length > 0 && (reading.staffScore > 0 || analysis.repeatCount >= 2 || analysis.waitDays >= 3));
      if (loaded || reading.productFailure || reading.emotion >= 1.5) {
        return decision('negative', 0.65, [...(loaded ? [because('sentiment.loaded_question', { phrases: phrasesOf([...hits.staff, ...hits.loaded_question]) })] : []), ...emotionWhy]);
      }
      return decision('neutral', 0.8, [because('sentiment.plain_question')]);
    }
    case 'suggestion': {
      if (reading.failurePredicate || reading.staffScore >= 2 || reading.emotion >= 2) {
        return decision('negative', 0.65, [because('sentiment.angry_suggestion', { phrases: phrasesOf([...hits.staff, ...hits.defect]) }), ...emotionWhy]);
      }
      // "It would be great to..." is the wish's wording, not praise: only a smile makes a wish positive.
      if (SMILING.test(analysis.normalized.emojis.join(''))) return decision('positive', 0.6, [because('sentiment.friendly_wish')]);
      return decision('neutral', 0.75, [because('sentiment.wish')]);
    }
    default:
      return decision('neutral', 0.7, [because('sentiment.no_opinion')]);
  }
}
