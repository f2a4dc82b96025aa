import { compareBreaches, digestEventTime, digestReasons, groupBreaches, narrowDigest, type SlaBreach } from './sla-digest';

const base = Date.parse('2026-03-05T12:00:00Z');

function breach(mentionId: string, overrides: Partial<SlaBreach> = {}): SlaBreach {
  return { mentionId, workspaceId: 'w1', threadId: `t${mentionId}`, assigneeId: 'olga', severity: 'high', priority: 2000, dueAt: new Date(base), graceMinutes: 0, ...overrides };
}

describe('SLA breach digests', () => {
  it('puts the worst first: severity, then priority, then the longest overdue', () => {
    const breaches = [
      breach('1', { severity: 'medium', priority: 9000 }),
      breach('2', { severity: 'critical', priority: 100 }),
      breach('3', { priority: 2500, dueAt: new Date(base) }),
      breach('4', { priority: 2500, dueAt: new Date(base - 60_000) }),
      breach('5', { severity: null, priority: 9999 }),
      breach('10', { priority: 2000 }),
      breach('9', { priority: 2000 }),
    ];
    expect([...breaches].sort(compareBreaches).map((item) => item.mentionId)).toEqual(['2', '4', '3', '9', '10', '1', '5']);
  });

  it('groups by workspace and recipient: each assignee, the team when unassigned, the leads as one', () => {
    const breaches = [breach('1'), breach('2', { assigneeId: null }), breach('3', { assigneeId: 'ivan' }), breach('4'), breach('5', { workspaceId: 'w2' })];
    const assignee = groupBreaches('assignee', breaches);
    expect(assignee.map((digest) => [digest.workspaceId, digest.recipientUserId, digest.recipientRole, digest.breaches.map((item) => item.mentionId)])).toEqual([
      ['w1', 'olga', null, ['1', '4']],
      ['w1', null, null, ['2']],
      ['w1', 'ivan', null, ['3']],
      ['w2', 'olga', null, ['5']],
    ]);
    const leads = groupBreaches('lead', breaches);
    expect(leads.map((digest) => [digest.workspaceId, digest.recipientUserId, digest.recipientRole, digest.breaches.length])).toEqual([
      ['w1', null, 'lead', 4],
      ['w2', null, 'lead', 1],
    ]);
  });

  it('names the five worst in its reasons and counts the rest', () => {
    const breaches = Array.from({ length: 12 }, (_, index) => breach(String(index + 1), { priority: 3000 - index }));
    const [digest] = groupBreaches('assignee', breaches);
    const reasons = digestReasons(digest);
    expect(reasons[0]).toBe('sla: 12 mentions past the first-response due time with no answer yet');
    expect(reasons.slice(1, 6)).toEqual(['1', '2', '3', '4', '5'].map((id, index) => `sla: mention ${id} was due at 2026-03-05T12:00Z (high severity, priority ${3000 - index})`));
    expect(reasons.slice(6)).toEqual(['sla: and 7 more']);
  });

  it('says a digest of one plainly, and gives the leads the grace', () => {
    const [one] = groupBreaches('assignee', [breach('7', { severity: null })]);
    expect(digestReasons(one)).toEqual(['sla: 1 mention past the first-response due time with no answer yet', 'sla: mention 7 was due at 2026-03-05T12:00Z (unclassified severity, priority 2000)']);
    const [leads] = groupBreaches('lead', [breach('7', { graceMinutes: 30 }), breach('8', { graceMinutes: 30, dueAt: new Date(base + 120_000) })]);
    expect(digestReasons(leads)[0]).toBe('sla: 2 mentions still unanswered 30 min after the first-response due time');
    expect(digestEventTime(leads).toISOString()).toBe('2026-03-05T12:32:00.000Z');
  });

  it('keeps only the mentions won, in order, and drops a digest left empty', () => {
    const [digest] = groupBreaches('assignee', [breach('1', { priority: 1 }), breach('2', { priority: 3 }), breach('3', { priority: 2 })]);
    expect(narrowDigest(digest, new Set(['1', '2']))?.breaches.map((item) => item.mentionId)).toEqual(['2', '1']);
    expect(narrowDigest(digest, new Set())).toBeNull();
  });
});
