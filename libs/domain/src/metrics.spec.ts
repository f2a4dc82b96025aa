import { binaryScore, classificationReport, pairwiseClusterScore } from './metrics';

describe('evaluation metrics', () => {
  it('computes per-label and macro F1 with a confusion matrix', () => {
    const report = classificationReport(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'], ['a', 'b']);
    expect(report.perLabel[0]).toMatchObject({ label: 'a', precision: 1, recall: 0.5, support: 2 });
    expect(report.perLabel[1].precision).toBeCloseTo(2 / 3);
    expect(report.confusion.matrix).toEqual([[1, 1], [0, 2]]);
    expect(report.accuracy).toBe(0.75);
  });

  it('scores clusterings by pairs, whatever the ids', () => {
    expect(pairwiseClusterScore(['x', 'x', 'x', null], ['p', 'p', 'p', null]).f1).toBe(1);
    const split = pairwiseClusterScore(['x', 'x', 'x', 'x'], ['p', 'p', 'q', 'q']);
    expect(split.precision).toBe(1);
    expect(split.recall).toBeCloseTo(2 / 6);
  });

  it('scores binary detection', () => {
    expect(binaryScore([true, false, true], [true, true, false])).toMatchObject({ precision: 0.5, recall: 0.5 });
  });
});
