/**
 * How many are affected and how fast mentions arrive, on event time (published_at), so a replay of history
 * gives the figures PR would have seen live.
 */
import type { MentionInput } from '@otklik/domain';
import { affectedAuthors } from './incident-scope.rule';

export interface IncidentVelocity {
  /** Distinct authors who are neither the brand nor media. */
  affected: number;
  mentions: number;
  firstAt: string | null;
  lastAt: string | null;
  windowMinutes: number;
  /** Mentions per hour over the window ending at the latest mention. */
  perHour: number;
  /** The same over the window before it, for the trend. */
  previousPerHour: number;
  trend: 'growing' | 'steady' | 'slowing';
}

export function measureVelocity(mentions: readonly MentionInput[], windowMinutes = 60): IncidentVelocity {
  const times = mentions.map((mention) => Date.parse(mention.publishedAt)).filter(Number.isFinite).sort((a, b) => a - b);
  const affected = affectedAuthors(mentions).size;
  if (times.length === 0) {
    return { affected, mentions: 0, firstAt: null, lastAt: null, windowMinutes, perHour: 0, previousPerHour: 0, trend: 'steady' };
  }
  const last = times[times.length - 1];
  const windowMs = windowMinutes * 60_000;
  const inWindow = times.filter((time) => time > last - windowMs).length;
  const before = times.filter((time) => time > last - 2 * windowMs && time <= last - windowMs).length;
  const hours = windowMinutes / 60;
  const perHour = inWindow / hours;
  const previousPerHour = before / hours;
  const trend = perHour > previousPerHour * 1.5 ? 'growing' : perHour < previousPerHour / 1.5 ? 'slowing' : 'steady';
  return {
    affected,
    mentions: times.length,
    firstAt: new Date(times[0]).toISOString(),
    lastAt: new Date(last).toISOString(),
    windowMinutes,
    perHour: Math.round(perHour * 10) / 10,
    previousPerHour: Math.round(previousPerHour * 10) / 10,
    trend,
  };
}
