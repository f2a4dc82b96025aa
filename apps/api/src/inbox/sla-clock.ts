/**
 * SLA clocks as the inbox shows them. A clock runs from its start to its due time and stops when the thing it
 * measures happens (first public answer, resolution). While it runs it is ok, due_soon (inside the workspace's
 * warning window) or breached; once stopped it is met or breached (late).
 */
export type SlaState = 'ok' | 'due_soon' | 'breached' | 'met';

export interface SlaClock {
  dueAt: string | null;
  doneAt: string | null;
  state: SlaState;
  /** Seconds left until due while running (negative when overdue); null once stopped or without a due time. */
  remainingSeconds: number | null;
}

export function slaClock(dueAt: Date | null, doneAt: Date | null, now: Date, dueSoonMinutes: number, stopped = false): SlaClock {
  const due = dueAt?.toISOString() ?? null;
  const done = doneAt?.toISOString() ?? null;
  if (!dueAt) return { dueAt: due, doneAt: done, state: doneAt ? 'met' : 'ok', remainingSeconds: null };
  if (doneAt) return { dueAt: due, doneAt: done, state: doneAt.getTime() <= dueAt.getTime() ? 'met' : 'breached', remainingSeconds: null };
  const remaining = dueAt.getTime() - now.getTime();
  // A mention closed without an answer (spam, do not engage, resolved silently) no longer has a running clock.
  if (stopped) return { dueAt: due, doneAt: null, state: 'ok', remainingSeconds: null };
  const state: SlaState = remaining < 0 ? 'breached' : remaining < dueSoonMinutes * 60_000 ? 'due_soon' : 'ok';
  return { dueAt: due, doneAt: null, state, remainingSeconds: Math.round(remaining / 1000) };
}

/** Statuses where nobody is expected to answer any more. */
export const CLOSED_STATUSES = new Set(['resolved', 'spam', 'do_not_engage']);
