import { addBusinessMinutes, laneOf, priorityOf } from './triage';

const base = {
  severity: null,
  cause: null,
  intent: null,
  criticalData: null,
  followers: null,
  verified: null,
  authorKind: null,
  isPrivate: false,
};

describe('triage', () => {
  it('ranks by severity first, then reach and cause', () => {
    const critical = priorityOf({ ...base, severity: 'critical' });
    const highFamous = priorityOf({ ...base, severity: 'high', followers: 1_000_000, authorKind: 'media' });
    expect(critical).toBeGreaterThan(priorityOf({ ...base, severity: 'high' }));
    expect(highFamous).toBeGreaterThan(priorityOf({ ...base, severity: 'high', followers: 10 }));
    expect(priorityOf({ ...base, severity: 'high', cause: 'staff_inattention' })).toBeGreaterThan(
      priorityOf({ ...base, severity: 'high', cause: 'piling_on' }),
    );
    expect(priorityOf(base)).toBe(priorityOf({ ...base, severity: 'medium' }));
  });

  it('puts black PR in the do-not-engage lane and everything else in new', () => {
    expect(laneOf('black_pr')).toBe('do_not_engage');
    expect(laneOf('product_defect')).toBe('new');
    expect(laneOf(null)).toBe('new');
  });

  it('adds SLA minutes on a 24/7 calendar', () => {
    const due = addBusinessMinutes(new Date('2026-11-20T10:00:00Z'), 90, { timeZone: 'UTC', businessHours: null });
    expect(due.toISOString()).toBe('2026-11-20T11:30:00.000Z');
  });

  it('skips nights and weekends on a business calendar', () => {
    const weekdays = { '1': [9, 18], '2': [9, 18], '3': [9, 18], '4': [9, 18], '5': [9, 18] } as Record<string, [number, number]>;
    // Friday 2026-11-20 17:30 UTC + 60 business minutes → Monday 09:30.
    const due = addBusinessMinutes(new Date('2026-11-20T17:30:00Z'), 60, { timeZone: 'UTC', businessHours: weekdays });
    expect(due.toISOString()).toBe('2026-11-23T09:30:00.000Z');
    // In Moscow time (UTC+3): Friday 14:30 UTC is 17:30 local.
    const moscow = addBusinessMinutes(new Date('2026-11-20T14:30:00Z'), 60, { timeZone: 'Europe/Moscow', businessHours: weekdays });
    expect(moscow.toISOString()).toBe('2026-11-23T06:30:00.000Z');
  });
});
