/**
 * Splits a draft into runs of text for the underline overlay: each run carries the violations that cover it
 * (spans may overlap; a run's look follows its strongest level). Offsets are UTF-16 indexes, the same as
 * the api's `draft.slice(start, end)`.
 */
import type { Violation } from '../api/contract.types';

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** Indexes into the violations array. */
  violations: number[];
  level: 'block' | 'warn' | null;
}

export function violationSegments(text: string, violations: readonly Violation[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  violations.forEach((violation) => {
    for (const span of violation.spans) {
      const start = Math.max(0, Math.min(text.length, span.start));
      const end = Math.max(0, Math.min(text.length, span.end));
      if (end > start) {
        cuts.add(start);
        cuts.add(end);
      }
    }
  });
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const covering: number[] = [];
    violations.forEach((violation, index) => {
      if (violation.spans.some((span) => span.start <= start && span.end >= end)) covering.push(index);
    });
    const level = covering.some((index) => violations[index].level === 'block') ? 'block' : covering.length ? 'warn' : null;
    const previous = segments[segments.length - 1];
    if (previous && previous.level === level && previous.violations.join() === covering.join()) {
      previous.text += text.slice(start, end);
      previous.end = end;
    } else {
      segments.push({ text: text.slice(start, end), start, end, violations: covering, level });
    }
  }
  return segments;
}

/** The violation whose span holds the caret (the strongest, if several). */
export function violationAtCaret(violations: readonly Violation[], caret: number): number | null {
  let found: number | null = null;
  violations.forEach((violation, index) => {
    if (!violation.spans.some((span) => caret >= span.start && caret <= span.end)) return;
    if (found === null || (violation.level === 'block' && violations[found].level !== 'block')) found = index;
  });
  return found;
}
