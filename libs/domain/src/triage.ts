/**
 * Who sees what first (GUIDE §6: severity, reach, waiting time, SLA). Priority is a number the inbox sorts by
 * (descending), then by waiting time; the SLA due time comes from the workspace's targets per severity on its
 * business-hours calendar.
 */
import { severityRank, type Severity } from './labels';

export interface PriorityInput {
  severity: Severity | null;
  cause: string | null;
  intent: string | null;
  criticalData: boolean | null;
  followers: number | null;
  verified: boolean | null;
  authorKind: string | null;
  isPrivate: boolean;
}

export function priorityOf(input: PriorityInput): number {
  // Unclassified mentions rank as medium: never hidden, never above what the classifier called urgent.
  let priority = (input.severity ? severityRank(input.severity) : 1) * 1000;
  // Reach: log scale, 0..300 (10 followers → 60, 10k → 240, 1M+ → 300).
  priority += Math.min(300, Math.round(Math.log10((input.followers ?? 0) + 1) * 60));
  if (input.verified) priority += 50;
  if (input.authorKind === 'media' || input.authorKind === 'influencer') priority += 150;
  if (input.criticalData) priority += 500;
  // Staff inattention: the customer has already waited once; piling on is low unless it escalates.
  if (input.cause === 'staff_inattention') priority += 100;
  if (input.cause === 'piling_on') priority -= 150;
  if (input.intent === 'other' || input.intent === 'praise') priority -= 100;
  if (input.isPrivate) priority += 50;
  return priority;
}

/**
 * Where an untriaged mention waits: black PR goes to the do-not-engage lane (GUIDE §6: never argue with a
 * campaign in public), everything else to new. A status people set is never replaced by this.
 */
export function laneOf(cause: string | null): 'new' | 'do_not_engage' {
  return cause === 'black_pr' ? 'do_not_engage' : 'new';
}

export interface BusinessCalendar {
  timeZone: string;
  /** ISO weekday (1 = Monday ... 7 = Sunday) → [startHour, endHour); missing days are closed. Null = 24/7. */
  businessHours: Record<string, [number, number]> | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One formatter per time zone: building an Intl.DateTimeFormat costs tens of microseconds, using one a few. */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock time in `timeZone` at the instant `utcMs`, as milliseconds whose UTC fields are the local date
 * and time (seconds and milliseconds carried over from the instant).
 */
function wallClock(utcMs: number, timeZone: string): number {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    wallClockFormats.set(timeZone, format);
  }
  const field = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of format.formatToParts(utcMs)) if (part.type in field) field[part.type as keyof typeof field] = Number(part.value);
  const withinMinute = ((utcMs % 60_000) + 60_000) % 60_000;
  return Date.UTC(field.year, field.month - 1, field.day, field.hour, field.minute) + withinMinute;
}

/** The instant at which the wall clock in `timeZone` shows `wallMs`; `offset` is a guess of the zone's UTC offset then. */
function instantOf(wallMs: number, offset: number, timeZone: string): number {
  const guess = wallMs - offset;
  const actual = wallClock(guess, timeZone) - guess;
  return actual === offset ? guess : wallMs - actual;
}

/**
 * `start` plus `minutes` of business time: real minutes counted while the local hour is inside that weekday's
 * window, so nights, weekends and daylight-saving shifts are crossed correctly; 24/7 calendars are plain addition.
 * Jumps from window to window (a few steps per business day) instead of walking the clock.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!calendar.businessHours) return new Date(start.getTime() + minutes * 60_000);
  const hours = calendar.businessHours;
  if (!Object.values(hours).some(([from, to]) => to > from)) return new Date(start.getTime() + minutes * 60_000);
  const zone = calendar.timeZone;
  let cursor = start.getTime();
  let left = minutes * 60_000;
  for (let guard = 0; left > 0 && guard < 10_000; guard += 1) {
    const wall = wallClock(cursor, zone);
    const offset = wall - cursor;
    const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
    const weekday = ((new Date(dayStart).getUTCDay() + 6) % 7) + 1;
    const window = hours[String(weekday)];
    if (window && window[1] > window[0] && wall >= dayStart + window[0] * HOUR_MS && wall < dayStart + window[1] * HOUR_MS) {
      const closes = instantOf(dayStart + window[1] * HOUR_MS, offset, zone);
      if (closes > cursor) {
        const step = Math.min(left, closes - cursor);
        left -= step;
        cursor += step;
        continue;
      }
    }
    // Closed: on to the next opening, today's if it is still ahead, else the first open day after.
    let opens: number | null = window && window[1] > window[0] && wall < dayStart + window[0] * HOUR_MS ? dayStart + window[0] * HOUR_MS : null;
    for (let ahead = 1; opens === null && ahead <= 7; ahead += 1) {
      const day = dayStart + ahead * DAY_MS;
      const next = hours[String(((new Date(day).getUTCDay() + 6) % 7) + 1)];
      if (next && next[1] > next[0]) opens = day + next[0] * HOUR_MS;
    }
    cursor = Math.max(cursor + 60_000, instantOf(opens!, offset, zone));
  }
  return new Date(cursor);
}
