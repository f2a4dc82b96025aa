/**
 * Inbox filters and the saved views. A view is a named starting point (mine, unassigned, critical, the
 * do-not-engage lane for coordinated attacks, one incident); the facet filters narrow it further.
 */
export const VIEW_IDS = ['open', 'mine', 'unassigned', 'critical', 'do_not_engage', 'incident', 'resolved'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const FACET_DIMENSIONS = ['severity', 'cause', 'intent', 'channel', 'status'] as const;
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

export interface MentionFilters {
  view: ViewId;
  q: string;
  incidentId: string | null;
  severity: string[];
  cause: string[];
  intent: string[];
  channel: string[];
  status: string[];
}

export const DEFAULT_FILTERS: MentionFilters = {
  view: 'open',
  q: '',
  incidentId: null,
  severity: [],
  cause: [],
  intent: [],
  channel: [],
  status: [],
};

/** The statuses the api lists when none are given (apps/api inbox: new, open, pending). */
const OPEN_STATUSES = ['new', 'open', 'pending'];

/**
 * Query parameters for GET /api/mentions and /api/mentions/facets: a view is spelled out as plain filters
 * (the api has no named views, and refuses parameters it does not know).
 */
export function filtersToQuery(filters: MentionFilters): Record<string, string | readonly string[] | undefined> {
  const query: Record<string, string | readonly string[] | undefined> = {
    q: filters.q.trim() || undefined,
    severity: filters.severity,
    cause: filters.cause,
    intent: filters.intent,
    channel: filters.channel,
    status: filters.status,
  };
  switch (filters.view) {
    case 'mine':
      query.assignee = 'me';
      break;
    case 'unassigned':
      query.assignee = 'none';
      break;
    case 'critical':
      if (filters.severity.length === 0) query.severity = ['critical'];
      break;
    case 'do_not_engage':
      // The lane for coordinated attacks: black-PR mentions, including those already marked do-not-engage.
      if (filters.cause.length === 0) query.cause = ['black_pr'];
      if (filters.status.length === 0) query.status = [...OPEN_STATUSES, 'do_not_engage'];
      break;
    case 'incident':
      query.incident = filters.incidentId ?? undefined;
      break;
    case 'resolved':
      if (filters.status.length === 0) query.status = ['resolved'];
      break;
    default:
      break;
  }
  return query;
}

export function toggleValue(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

export function activeFilterCount(filters: MentionFilters): number {
  return FACET_DIMENSIONS.reduce((sum, dimension) => sum + filters[dimension].length, 0) + (filters.q.trim() ? 1 : 0);
}
