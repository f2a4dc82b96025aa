import { corpusDevDir } from '@otklik/config';
import { CLASSIFIER_TARGETS, evaluateClassifier } from './classifier.eval';

// Regression guard: every figure of the dev corpus stays within 0.03 of the target.
describe('classifier evaluation on the dev corpus', () => {
  it('keeps every figure within 0.03 of its target', async () => {
    const section = await evaluateClassifier(corpusDevDir());
    const byName = new Map(section.checks.map((check) => [check.name, check.value]));
    const misses: string[] = [];
    for (const target of CLASSIFIER_TARGETS) {
      const value = byName.get(target.name);
      if (value === undefined) misses.push(`${target.name}: missing`);
      else if (target.min !== undefined && value < target.min - 0.03) misses.push(`${target.name} = ${value.toFixed(3)} < ${target.min} - 0.03`);
      else if (target.max !== undefined && value > target.max) misses.push(`${target.name} = ${value} > ${target.max}`);
    }
    expect(misses).toEqual([]);
    expect(section.lines.length).toBeGreaterThan(20);
  }, 60_000);
});
