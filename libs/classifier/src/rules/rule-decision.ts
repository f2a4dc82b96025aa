import type { Explanation } from '@otklik/domain';

/**
 * What every label rule returns: the value, how sure it is (0..1) and why (the reasons for the inbox, as
 * language-neutral explanations: see explain/explanation.catalogue.ts).
 */
export interface RuleDecision<T> {
  value: T;
  confidence: number;
  explain: Explanation[];
}

export function decision<T>(value: T, confidence: number, explain: Explanation[]): RuleDecision<T> {
  return { value, confidence: Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100, explain: explain.slice(0, 8) };
}
