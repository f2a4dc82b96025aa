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

/**
 * The calendar walk as first written: hour slices, the local time read afresh for each. Kept here as the oracle
 * the window-jumping version must agree with (its one formatter per zone is the only change).
 */
const oracleFormats = new Map<string, Intl.DateTimeFormat>();
function addBusinessMinutesBySlices(start: Date, minutes: number, timeZone: string, hours: Record<string, [number, number]>): Date {
  let format = oracleFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    oracleFormats.set(timeZone, format);
  }
  let cursor = start.getTime();
  let left = minutes;
  for (let guard = 0; left > 0 && guard < 24 * 7 * 60; guard += 1) {
    const parts = format.formatToParts(new Date(cursor));
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
    const hour = Number(get('hour'));
    const window = hours[String(weekday)];
    const toNextHour = 60 - Number(get('minute'));
    if (window && hour >= window[0] && hour < window[1]) {
      const step = Math.min(left, toNextHour);
      left -= step;
      cursor += step * 60_000;
    } else {
      cursor += toNextHour * 60_000;
    }
  }
  return new Date(cursor);
}

describe('addBusinessMinutes against the hour-slice walk', () => {
  const calendars: Record<string, Record<string, [number, number]>> = {
    weekdays: { '1': [9, 18], '2': [9, 18], '3': [9, 18], '4': [9, 18], '5': [9, 18] },
    split: { '1': [8, 12], '3': [13, 22], '6': [10, 11] },
    roundTheClockWeekdays: { '1': [0, 24], '2': [0, 24], '3': [0, 24], '4': [0, 24], '5': [0, 24] },
    sundayOnly: { '7': [6, 23] },
  };
  // Zones with and without daylight saving, and offsets that are not whole hours.
  const zones = ['UTC', 'Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide'];
  // Starts around the 2026 daylight-saving changes (Europe: 29 Mar, 25 Oct; US: 8 Mar, 1 Nov) and elsewhere.
  const starts = ['2026-03-06T20:17:00Z', '2026-03-27T23:59:00Z', '2026-03-29T00:30:00Z', '2026-10-24T22:05:00Z', '2026-10-31T12:00:00Z', '2026-11-20T17:30:00Z', '2026-07-04T03:41:00Z'];
  const targets = [1, 15, 59, 60, 240, 545, 1440, 2880, 10080];

  it('gives the same due time for every calendar, zone, start and target', () => {
    for (const [name, hours] of Object.entries(calendars))
      for (const timeZone of zones)
        for (const start of starts)
          for (const minutes of targets) {
            const expected = addBusinessMinutesBySlices(new Date(start), minutes, timeZone, hours).toISOString();
            const got = addBusinessMinutes(new Date(start), minutes, { timeZone, businessHours: hours }).toISOString();
            expect(`${name} ${timeZone} ${start} +${minutes}: ${got}`).toBe(`${name} ${timeZone} ${start} +${minutes}: ${expected}`);
          }
  });

  it('keeps the seconds of the start', () => {
    const hours = calendars.weekdays!;
    const due = addBusinessMinutes(new Date('2026-11-20T17:59:30Z'), 1, { timeZone: 'UTC', businessHours: hours });
    expect(due.toISOString()).toBe('2026-11-23T09:00:30.000Z');
  });
});
