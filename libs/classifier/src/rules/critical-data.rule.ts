/**
 * critical_data (GUIDE §5, SCHEMA): the mention says payment details, personal data or account access were
 * affected or exposed: someone else's account visible, a password reset nobody asked for, a skimmed card,
 * an unauthorised charge, a leak. A plain "can't log in" is not (convention 5).
 */
import type { Intent } from '@otklik/domain';
import { phrasesOf, type MentionReading } from './mention.reading';
import { because } from '../explain/explanation.catalogue';
import { decision, type RuleDecision } from './rule-decision';

export function decideCriticalData(reading: MentionReading, intent: Intent): RuleDecision<boolean> {
  const exposure = reading.hits.data_exposure;
  if (exposure.length === 0 || intent === 'praise' || intent === 'suggestion') return decision(false, exposure.length === 0 ? 0.9 : 0.6, []);
  return decision(true, 0.6 + Math.min(exposure.length, 3) * 0.1, [because('critical_data.affected', { phrases: phrasesOf(exposure) })]);
}
