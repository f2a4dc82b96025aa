/**
 * Live updates for a long list without refetching it: the changed mentions are fetched one by one and put
 * where the api would put them (priority, then waiting time, then id), or taken out when they no longer
 * match the view. Refetching every loaded page would cost a hundred requests with 10,000 rows loaded.
 * Only what the client can decide exactly is merged; a text search or a burst falls back to a refetch.
 */
import type { MentionPage, MentionSummary } from '../api/contract.types';
import { filtersToQuery, type MentionFilters } from './mention-filters';

const DEFAULT_STATUSES = ['new', 'open', 'pending'];

/** Whether the api would list this mention under these filters; null when the client cannot tell. */
export function matchesFilters(mention: MentionSummary, filters: MentionFilters, userId: string | null): boolean | null {
  const query = filtersToQuery(filters);
  if (query.q) return null;
  const within = (values: string | readonly string[] | undefined, value: string | null) => {
    const list = typeof values === 'string' ? [values] : (values ?? []);
    return list.length === 0 || (value !== null && list.includes(value));
  };
  const statuses = query.status && (query.status as readonly string[]).length ? query.status : DEFAULT_STATUSES;
  if (!within(statuses, mention.status)) return false;
  if (
    !within(query.severity, mention.severity) ||
    !within(query.cause, mention.cause) ||
    !within(query.intent, mention.intent) ||
    !within(query.channel, mention.channel)
  ) {
    return false;
  }
  if (query.assignee === 'me' && (!userId || mention.assignee?.id !== userId)) return false;
  if (query.assignee === 'none' && mention.assignee) return false;
  if (query.incident && mention.incidentId !== query.incident) return false;
  return true;
}

/** The api's order: higher priority first, then the longest waiting, then the lower id. */
export function compareMentions(a: MentionSummary, b: MentionSummary): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const waiting = Date.parse(a.publishedAt) - Date.parse(b.publishedAt);
  if (waiting !== 0) return waiting;
  const idA = BigInt(a.id || '0');
  const idB = BigInt(b.id || '0');
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

export interface InfinitePages {
  pages: MentionPage[];
  pageParams: unknown[];
}

/**
 * `changes` maps an id to its fresh state (null: gone, or no longer in this view). A changed mention leaves
 * its old place; if it belongs in the view it goes to its sorted place among the loaded rows — unless it
 * sorts after the last loaded row while more pages exist (it will come with those pages).
 */
export function mergeChanges(data: InfinitePages, changes: ReadonlyMap<string, MentionSummary | null>): InfinitePages {
  if (changes.size === 0) return data;
  const hasMore = Boolean(data.pages[data.pages.length - 1]?.nextCursor);
  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((item) => !changes.has(item.id)) }));
  for (const mention of changes.values()) {
    if (!mention) continue;
    // The first loaded row that sorts after the mention; the mention goes before it.
    let placed = false;
    for (const page of pages) {
      const index = page.items.findIndex((item) => compareMentions(mention, item) < 0);
      if (index >= 0) {
        page.items.splice(index, 0, mention);
        placed = true;
        break;
      }
    }
    if (!placed && !hasMore && pages.length > 0) pages[pages.length - 1].items.push(mention);
  }
  return { ...data, pages };
}
