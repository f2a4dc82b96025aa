/**
 * The inbox's multi-selection for bulk actions, kept as mention ids (never row indexes), so live updates
 * that insert, move or drop rows and the virtual list's scrolling leave it as the agent made it.
 */
import type { MentionSummary } from '../api/contract.types';

export type Selection = ReadonlySet<string>;

export function toggled(selection: Selection, id: string): Selection {
  const next = new Set(selection);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** Every id between `from` and `to` (both included, in list order) added; `to` alone when `from` is not listed. */
export function withRange(selection: Selection, items: readonly MentionSummary[], from: string | null, to: string): Selection {
  const end = items.findIndex((item) => item.id === to);
  if (end < 0) return selection;
  const start = from === null ? -1 : items.findIndex((item) => item.id === from);
  const next = new Set(selection);
  if (start < 0) next.add(to);
  else for (let index = Math.min(start, end); index <= Math.max(start, end); index += 1) next.add(items[index]!.id);
  return next;
}

/** The selection with these ids left out (those a bulk action handled). */
export function without(selection: Selection, ids: Iterable<string>): Selection {
  const next = new Set(selection);
  for (const id of ids) next.delete(id);
  return next;
}

/** Whether every listed row is selected, some are, or none (for the select-all box). */
export function coverage(selection: Selection, items: readonly MentionSummary[]): 'all' | 'some' | 'none' {
  if (items.length === 0 || selection.size === 0) return 'none';
  const listed = items.filter((item) => selection.has(item.id)).length;
  if (listed === items.length) return 'all';
  return listed > 0 || selection.size > 0 ? 'some' : 'none';
}
