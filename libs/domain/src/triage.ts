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

function localParts(time: Date, timeZone: string): { weekday: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(time);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, hour: Number(get('hour')), minute: Number(get('minute')) };
}

/**
 * `start` plus `minutes` of business time. Walks minute-aligned slices of at most an hour, so a target of a
 * day crosses nights and weekends correctly; 24/7 calendars are plain addition.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!calendar.businessHours) return new Date(start.getTime() + minutes * 60_000);
  const hours = calendar.businessHours;
  if (!Object.values(hours).some(([from, to]) => to > from)) return new Date(start.getTime() + minutes * 60_000);
  let cursor = start.getTime();
  let left = minutes;
  for (let guard = 0; left > 0 && guard < 24 * 7 * 60; guard += 1) {
    const { weekday, hour, minute } = localParts(new Date(cursor), calendar.timeZone);
    const window = hours[String(weekday)];
    const open = window && hour >= window[0] && hour < window[1];
    const toNextHour = 60 - minute;
    if (open) {
      const step = Math.min(left, toNextHour);
      left -= step;
      cursor += step * 60_000;
    } else {
      cursor += toNextHour * 60_000;
    }
  }
  return new Date(cursor);
}
