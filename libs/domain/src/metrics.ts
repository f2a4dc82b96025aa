/**
 * Evaluation arithmetic shared by every `npm run eval` section: per-label precision/recall/F1, confusion
 * matrices, and pairwise F1 for clusterings (incidents, campaigns). Pure; no formatting opinions beyond text.
 */
export interface LabelScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  perLabel: LabelScore[];
  macroF1: number;
  accuracy: number;
  confusion: { labels: string[]; matrix: number[][] };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Single-label classification; `labels` fixes the order (values outside it are added at the end). */
export function classificationReport(gold: string[], predicted: string[], labels: readonly string[]): ClassificationReport {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const order = [...labels];
  for (const value of [...gold, ...predicted]) if (!order.includes(value)) order.push(value);
  const index = new Map(order.map((label, i) => [label, i]));
  const matrix = order.map(() => order.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    matrix[index.get(g)!][index.get(predicted[i])!] += 1;
    if (g === predicted[i]) correct += 1;
  });
  const perLabel = order.map((label, i) => {
    const tp = matrix[i][i];
    const support = matrix[i].reduce((a, b) => a + b, 0);
    const predictedCount = matrix.reduce((a, row) => a + row[i], 0);
    const precision = ratio(tp, predictedCount);
    const recall = ratio(tp, support);
    return { label, precision, recall, f1: f1Of(precision, recall), support };
  });
  const scored = perLabel.filter((score) => score.support > 0);
  return {
    perLabel,
    macroF1: ratio(scored.reduce((a, s) => a + s.f1, 0), scored.length),
    accuracy: ratio(correct, gold.length),
    confusion: { labels: order, matrix },
  };
}

/** Binary detection figures (e.g. one PII kind, or critical_data). */
export function binaryScore(gold: boolean[], predicted: boolean[]): { precision: number; recall: number; f1: number; support: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    if (g && predicted[i]) tp += 1;
    else if (!g && predicted[i]) fp += 1;
    else if (g && !predicted[i]) fn += 1;
  });
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: tp + fp + fn === 0 ? 1 : f1Of(precision, recall), support: tp + fn };
}

/**
 * Pairwise clustering F1: every pair of items that gold puts in one cluster should be together in the
 * prediction. Items with a null cluster belong to no pair. Cluster ids need not match between the two sides.
 */
export function pairwiseClusterScore(gold: (string | null)[], predicted: (string | null)[]): { precision: number; recall: number; f1: number; goldPairs: number } {
  let tp = 0;
  let goldPairs = 0;
  let predictedPairs = 0;
  for (let i = 0; i < gold.length; i += 1) {
    for (let j = i + 1; j < gold.length; j += 1) {
      const sameGold = gold[i] !== null && gold[i] === gold[j];
      const samePredicted = predicted[i] !== null && predicted[i] === predicted[j];
      if (sameGold) goldPairs += 1;
      if (samePredicted) predictedPairs += 1;
      if (sameGold && samePredicted) tp += 1;
    }
  }
  const precision = ratio(tp, predictedPairs);
  const recall = ratio(tp, goldPairs);
  return { precision, recall, f1: goldPairs + predictedPairs === 0 ? 1 : f1Of(precision, recall), goldPairs };
}

export function formatConfusion(confusion: { labels: string[]; matrix: number[][] }): string[] {
  const width = Math.max(8, ...confusion.labels.map((label) => label.length)) + 1;
  const header = 'gold \\ predicted'.padEnd(width) + confusion.labels.map((label) => label.slice(0, 12).padStart(13)).join('');
  return [header, ...confusion.labels.map((label, i) => label.padEnd(width) + confusion.matrix[i].map((n) => String(n).padStart(13)).join(''))];
}

export function formatScores(scores: LabelScore[]): string[] {
  return scores.map(
    (s) => `  ${s.label.padEnd(20)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  n=${s.support}`,
  );
}
