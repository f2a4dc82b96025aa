/** What every label rule returns: the value, how sure it is (0..1) and why (phrases and signals for the inbox). */
export interface RuleDecision<T> {
  value: T;
  confidence: number;
  explain: string[];
}

export function decision<T>(value: T, confidence: number, explain: string[]): RuleDecision<T> {
  return { value, confidence: Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100, explain: explain.filter(Boolean).slice(0, 8) };
}

export function quoted(phrases: string[]): string {
  return phrases.map((phrase) => `"${phrase}"`).join(', ');
}
