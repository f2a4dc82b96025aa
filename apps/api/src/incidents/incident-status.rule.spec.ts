import { allowedTransitions, transitionProblem } from './incident-status.rule';

describe('incident status transitions', () => {
  it('moves forward, skipping steps when the fix is found and deployed at once', () => {
    expect(transitionProblem('investigating', 'identified')).toBeNull();
    expect(transitionProblem('identified', 'monitoring')).toBeNull();
    expect(transitionProblem('monitoring', 'resolved')).toBeNull();
    expect(transitionProblem('investigating', 'resolved')).toBeNull();
  });

  it('goes back only when a fix did not hold or a resolved incident is reopened', () => {
    expect(transitionProblem('monitoring', 'identified')).toBeNull();
    expect(transitionProblem('resolved', 'investigating')).toBeNull();
    expect(transitionProblem('resolved', 'monitoring')).toMatch(/cannot go from resolved to monitoring/);
    expect(transitionProblem('identified', 'identified')).toMatch(/already identified/);
    expect(allowedTransitions('investigating')).toEqual(['identified', 'monitoring', 'resolved']);
  });
});
