import { formatSummary } from './reclassify-summary';
import { RelabelTally } from './relabel-tally';
import type { WorkspaceReport } from './reclassify-run';

const workspace = { id: '6f1c0000-0000-4000-8000-000000000001', slug: 'demo', name: 'Demo' };

function report(overrides: Partial<WorkspaceReport> = {}): WorkspaceReport {
  const tally = new RelabelTally(1);
  tally.incident('created', ['inc-1']);
  tally.incident('deleted', ['inc-old']);
  tally.campaign('updated', ['camp-1']);
  return {
    workspace,
    outcome: 'relabelled',
    resumed: false,
    from: new Date('2026-11-02T06:00:00Z'),
    tally: { ...tally.summary(), read: 215, relabelled: 12 },
    ...overrides,
  };
}

describe('formatSummary', () => {
  it('says per workspace what was read and re-labelled, what changed per label, and what happened to incidents and campaigns', () => {
    expect(formatSummary(report(), '1.1.0', false)).toBe(
      [
        `workspace demo (Demo, ${workspace.id}): 215 mentions read from 2026-11-02T06:00:00.000Z, 12 re-labelled with classifier 1.1.0, 0 could not be classified`,
        '  changed: intent 0, cause 0, severity 0, sentiment 0, incident 0, campaign 0',
        '  incidents: 1 created, 0 updated, 0 new clusters attached to incidents people worked on, 1 deleted, 0 left without mentions but kept',
        '  campaigns: 0 created, 1 updated, 0 deleted, 0 left without mentions but kept',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing was written, when a run stopped or continued, and when there was nothing to do', () => {
    expect(formatSummary(report(), '1.1.0', true)).toContain(
      '12 would be re-labelled with classifier 1.1.0, 0 could not be classified — dry run, nothing written',
    );
    const stopped = formatSummary(report({ outcome: 'stopped', resumed: true }), '1.1.0', false);
    expect(stopped).toContain('(continued a stopped run)');
    expect(stopped).toContain('stopped before the end: run the same command again to continue from here');
    expect(formatSummary(report({ outcome: 'up-to-date' }), '1.1.0', false)).toBe(
      `workspace demo (Demo, ${workspace.id}): up to date, every mention is labelled by classifier 1.1.0\n`,
    );
    expect(formatSummary(report({ outcome: 'empty' }), '1.1.0', false)).toContain('no labelled mentions in range');
  });
});
