/**
 * SQL for the inbox list: routed mentions of one workspace, ordered by priority (desc), then waiting time
 * (published_at asc), then id, with keyset pagination.
 *
 * Index use: `mention_inbox_keyset (workspace_id, status, (-priority), published_at, id) WHERE stage = 'routed'`
 * is ordered within one status, so the query is a UNION ALL of one index range scan per requested status, each
 * stopped at the page size, merged and cut. The backlog statuses have the same order in `mention_open_inbox` with
 * every filter column included, and "assigned to" in `mention_assignee_keyset`: index-only scans (migration
 * 1764300000600). Negating priority makes the whole order ascending, so the cursor
 * is one row comparison `(-priority, published_at, id) > (…)` that the index scan starts from.
 */
import { MENTION_STATUSES } from '@otklik/persistence';
import { badRequest } from '../http/problem';
import type { MentionFiltersQuery } from './list-mentions.dto';

export const DEFAULT_STATUSES = ['new', 'open', 'pending'];
export const CLOSED_STATUS_SQL = `('resolved', 'spam', 'do_not_engage')`;

/** The last row of a page: [priority, published_at with microseconds, id], as JSON, base64url (built in SQL). */
export interface InboxCursor {
  priority: number;
  publishedAt: string;
  id: string;
}

export function decodeCursor(value: string): InboxCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      Number.isInteger(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      !Number.isNaN(Date.parse(parsed[1])) &&
      typeof parsed[2] === 'string' &&
      /^[1-9]\d{0,17}$/.test(parsed[2])
    ) {
      return { priority: parsed[0] as number, publishedAt: parsed[1], id: parsed[2] };
    }
  } catch {
    // fall through to the field error
  }
  throw badRequest('cursor', 'is not a cursor returned by this endpoint');
}

/** Words → a prefix tsquery ('simple' config, lower-cased like the indexed column); null when nothing searchable. */
export function searchQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  return words.length > 0 ? words.map((word) => `${word}:*`).join(' & ') : null;
}

export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface FilterContext {
  workspaceId: string;
  userId: string;
  dueSoonMinutes: number;
}

export type Dimension = 'status' | 'severity' | 'cause' | 'intent' | 'channel' | 'brand' | 'assignee' | 'sla';

export function slaCondition(state: 'ok' | 'due_soon' | 'breached', dueSoonParam: () => string): string {
  const open = `m.first_response_at IS NULL AND m.status NOT IN ${CLOSED_STATUS_SQL}`;
  if (state === 'breached') return `((${open} AND m.sla_due_at < now()) OR m.first_response_at > m.sla_due_at)`;
  // The window parameter is added only where used: an unused parameter has no type for PostgreSQL.
  if (state === 'due_soon') return `(${open} AND m.sla_due_at >= now() AND m.sla_due_at < now() + make_interval(mins => ${dueSoonParam()}))`;
  return `(m.sla_due_at IS NULL OR m.first_response_at <= m.sla_due_at OR (m.first_response_at IS NULL AND (m.status IN ${CLOSED_STATUS_SQL} OR m.sla_due_at >= now() + make_interval(mins => ${dueSoonParam()}))))`;
}

/** Conditions shared by every facet (filters that are not facet dimensions): workspace, stage, incident, campaign, text, snooze. */
export function commonConditions(query: MentionFiltersQuery, context: FilterContext, params: SqlParams): string[] {
  const where = [`m.workspace_id = ${params.add(context.workspaceId)}`, `m.stage = 'routed'`];
  if (query.incident) where.push(`m.incident_id = ${params.add(query.incident)}::uuid`);
  if (query.campaign) where.push(`m.campaign_id = ${params.add(query.campaign)}::uuid`);
  if (query.q) {
    const tsquery = searchQuery(query.q);
    if (!tsquery) throw badRequest('q', 'must contain at least one letter or digit');
    where.push(`m.search @@ to_tsquery('simple', ${params.add(tsquery)})`);
  }
  const snoozed = query.snoozed ?? 'exclude';
  if (snoozed === 'exclude') where.push('(m.snoozed_until IS NULL OR m.snoozed_until <= now())');
  if (snoozed === 'only') where.push('m.snoozed_until > now()');
  return where;
}

/** One condition per facet dimension that the query filters on (status excluded: see statusesOf). */
export function dimensionConditions(
  query: MentionFiltersQuery,
  context: FilterContext,
  params: SqlParams,
): Partial<Record<Dimension, string>> {
  const out: Partial<Record<Dimension, string>> = {};
  const inList = (dimension: Dimension, column: string, values: string[] | undefined, cast = 'text') => {
    if (values && values.length > 0) out[dimension] = `${column} = ANY(${params.add(values)}::${cast}[])`;
  };
  inList('severity', 'm.severity', query.severity);
  inList('cause', 'm.cause', query.cause);
  inList('intent', 'm.intent', query.intent);
  inList('channel', 'm.channel', query.channel);
  inList('brand', 'm.brand_id', query.brand, 'uuid');
  if (query.assignee) {
    out.assignee =
      query.assignee === 'none'
        ? 'm.assignee_id IS NULL'
        : `m.assignee_id = ${params.add(query.assignee === 'me' ? context.userId : query.assignee.toLowerCase())}::uuid`;
  }
  if (query.sla) out.sla = slaCondition(query.sla, () => params.add(context.dueSoonMinutes));
  return out;
}

export function statusesOf(query: MentionFiltersQuery): string[] {
  return query.status && query.status.length > 0 ? [...new Set(query.status)] : DEFAULT_STATUSES;
}

/**
 * A status as an SQL literal, not a parameter: the statement is prepared once with a generic plan, and only a
 * literal lets the planner use the backlog's partial covering index (`mention_open_inbox`, status IN new, open,
 * pending) for the open statuses. Only the fixed status names pass.
 */
function statusLiteral(status: string): string {
  if (!(MENTION_STATUSES as readonly string[]).includes(status)) throw badRequest('status', `must be one of ${MENTION_STATUSES.join(', ')}`);
  return `'${status}'`;
}

/** The backlog: the statuses the partial covering indexes (`mention_open_inbox`, `mention_open_severity`) hold. */
const BACKLOG_STATUSES: readonly string[] = DEFAULT_STATUSES;

/**
 * The page's ids, in inbox order: one index range scan per status, merged. Fetches limit + 1 to know if more
 * follow. For the backlog statuses the scan is index-only on `mention_open_inbox` (filters included). A view of
 * some severities scans one range per backlog status and severity of `mention_open_severity` (severity in its key,
 * then inbox order): priority follows severity, so in the backlog's order a low-severity view would first walk
 * past every more urgent mention.
 */
export function listIdsSql(
  query: MentionFiltersQuery,
  context: FilterContext,
  limit: number,
  cursor: InboxCursor | null,
): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const common = commonConditions(query, context, params);
  // Severity is added per branch below (a parameter PostgreSQL never sees used has no type).
  const severities = [...new Set(query.severity ?? [])];
  const where = [...common, ...Object.values(dimensionConditions({ ...query, severity: undefined }, context, params))];
  if (cursor) {
    where.push(`(-m.priority, m.published_at, m.id) > (${params.add(-cursor.priority)}::int, ${params.add(cursor.publishedAt)}::timestamptz, ${params.add(cursor.id)}::bigint)`);
  }
  // A literal too: with a parameter the generic plan guesses 10% of the index for each branch and hashes the whole
  // author table instead of probing 51 authors (15 ms instead of 1 for a resolved-only list).
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badRequest('limit', 'must be an integer from 1 to 1000');
  const take = String(limit + 1);
  const branch = (conditions: string[]) =>
    `(SELECT m.id, m.priority, m.published_at FROM mention m WHERE ${conditions.join(' AND ')}
         ORDER BY -m.priority, m.published_at, m.id LIMIT ${take})`;
  const once = new Map<string, string>();
  const param = (key: string, value: unknown) => once.get(key) ?? once.set(key, params.add(value)).get(key)!;
  const branches = statusesOf(query).flatMap((status) => {
    const conditions = [...where, `m.status = ${statusLiteral(status)}`];
    if (severities.length === 0) return [branch(conditions)];
    if (!BACKLOG_STATUSES.includes(status)) return [branch([...conditions, `m.severity = ANY(${param('any', severities)}::text[])`])];
    return severities.map((severity) => branch([...conditions, `m.severity = ${param(`one:${severity}`, severity)}`]));
  });
  const sql = `SELECT id, priority, published_at FROM (${branches.join(' UNION ALL ')}) page ORDER BY priority DESC, published_at, id LIMIT ${take}`;
  return { sql, values: params.values };
}
