import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { HotReadPool } from '../http/prepared-query';
import { SingleFlight } from '../http/single-flight';
import { MENTION_STATUSES } from '@otklik/persistence';
import { SettingsService } from '../settings/settings.service';
import {
  commonConditions,
  decodeCursor,
  dimensionConditions,
  listIdsSql,
  SqlParams,
  slaCondition,
  statusesOf,
  type Dimension,
  type FilterContext,
} from './inbox-query';
import type { ListMentionsQuery, MentionFiltersQuery } from './list-mentions.dto';
import { listItem, MENTION_ROW_COLUMNS, MENTION_ROW_JOINS, type MentionListItem, type MentionRow } from './mention-views';

export interface MentionPage {
  items: MentionListItem[];
  nextCursor: string | null;
}

/** Counts per dimension value; `capped` lists counts that stopped at STATUS_COUNT_CAP (read as "at least"). */
export type Facets = Record<Dimension, Record<string, number>> & { capped: string[] };

export const STATUS_COUNT_CAP = 10_000;

interface FacetRow {
  dimension: Dimension;
  value: string;
  n: number;
}

@Injectable()
export class InboxService {
  /** Facet statements in flight, by text and values (nothing is kept once they settle). */
  private readonly facetFlights = new SingleFlight<FacetRow[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly reads: HotReadPool,
  ) {}

  /**
   * Counting the facets reads every open mention of the view (≈0.1 s at a 150,000-mention backlog), and every
   * open inbox refreshes them on each live event: identical statements arriving while one runs share its result
   * instead of queueing more scans. The answer is as fresh as a query started a moment earlier; never cached.
   */
  private shared(sql: string, values: unknown[]): Promise<FacetRow[]> {
    return this.facetFlights.run(`${sql}\u0000${JSON.stringify(values)}`, () => this.dataSource.query(sql, values) as Promise<FacetRow[]>);
  }

  async context(user: AuthUser): Promise<FilterContext> {
    const settings = await this.settings.get(user.workspaceId);
    return { workspaceId: user.workspaceId, userId: user.userId, dueSoonMinutes: settings.slaDueSoonMinutes };
  }

  /**
   * The list statement (also what `npm run bench` EXPLAINs): the ordered page of ids by index scans (one more than
   * the page, to know whether more follow), then those rows with their author and claimer, in inbox order. Each
   * row carries its cursor position with microseconds (a JS Date keeps only milliseconds).
   */
  listStatement(query: ListMentionsQuery, context: FilterContext): { sql: string; values: unknown[]; limit: number } {
    const limit = query.limit ?? 50;
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const ids = listIdsSql(query, context, limit, cursor);
    return {
      sql: `SELECT ${MENTION_ROW_COLUMNS}, to_char(page.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
              FROM (${ids.sql}) page JOIN mention m ON m.id = page.id ${MENTION_ROW_JOINS}
             ORDER BY page.priority DESC, page.published_at, page.id`,
      values: ids.values,
      limit,
    };
  }

  /**
   * One page of list items; nextCursor when more follow. The items are built by listItem() (mention-views.ts),
   * the same function as the detail's, from plain rows: building the JSON in PostgreSQL instead cost more CPU
   * there (json_build_object per item) than parsing rows costs here (measured on the benchmark's million mentions).
   */
  async list(user: AuthUser, query: ListMentionsQuery): Promise<MentionPage> {
    const context = await this.context(user);
    const { sql, values, limit } = this.listStatement(query, context);
    // A text search is planned with its words (an unnamed statement): the generic plan of a prepared one cannot
    // see whether a word is common (walk the inbox order, filter) or rare (the text index), and at 1M mentions it
    // guessed wrong by seconds (npm run bench). Without words the plan does not depend on the values: prepared once.
    type PageRow = MentionRow & { cursor_at: string };
    const rows = query.q ? ((await this.dataSource.query(sql, values)) as PageRow[]) : await this.reads.query<PageRow>(sql, values);
    const now = new Date();
    const items = rows.slice(0, limit).map((row) => listItem(row, now, context.dueSoonMinutes));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? Buffer.from(JSON.stringify([last.priority, last.cursor_at, last.id])).toString('base64url') : null };
  }

  /**
   * Counts per filter value. Each dimension is counted with every filter applied except its own (so a
   * multi-select shows what choosing another value would give); status is counted over all statuses.
   */
  async facets(user: AuthUser, query: MentionFiltersQuery): Promise<Facets> {
    const context = await this.context(user);
    const params = new SqlParams();
    const common = commonConditions(query, context, params);
    const dims = dimensionConditions(query, context, params);
    const statuses = params.add(statusesOf(query));
    const dueSoon = params.add(context.dueSoonMinutes);
    const others = (omit: Dimension) =>
      Object.entries(dims)
        .filter(([key]) => key !== omit)
        .map(([, condition]) => condition);
    const where = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');
    const slaExpression = `CASE WHEN ${slaCondition('breached', () => dueSoon)} THEN 'breached' WHEN ${slaCondition('due_soon', () => dueSoon)} THEN 'due_soon' ELSE 'ok' END`;
    // By assignee id, not "me": the statement then reads the same for every agent of the workspace, so the
    // refreshes a live event triggers in every open inbox at once share one query (see `shared`).
    const assigneeExpression = `CASE WHEN m.assignee_id IS NULL THEN 'none' ELSE m.assignee_id::text END`;
    const grouped: Array<[Dimension, string]> = [
      ['severity', `coalesce(m.severity, 'unclassified')`],
      ['cause', `coalesce(m.cause, 'none')`],
      ['intent', `coalesce(m.intent, 'unclassified')`],
      ['channel', 'm.channel'],
      ['brand', `coalesce(m.brand_id::text, 'none')`],
      ['assignee', assigneeExpression],
      ['sla', slaExpression],
    ];
    const listed = statusesOf(query);
    const unlisted = MENTION_STATUSES.filter((status) => !listed.includes(status));
    const cap = params.add(STATUS_COUNT_CAP);
    const parts = [
      `SELECT 'status' AS dimension, m.status AS value, count(*)::int AS n FROM base m ${where(Object.values(dims))} GROUP BY 2`,
      // Statuses outside the view (mostly the resolved archive) are counted up to a cap: an exact count of a
      // million resolved mentions costs a full scan on every refresh and the inbox only needs "10,000+".
      ...unlisted.map(
        (status) =>
          `SELECT 'status', '${status}', count(*)::int FROM (SELECT 1 FROM mention m WHERE ${[...common, ...Object.values(dims), `m.status = '${status}'`].join(' AND ')} LIMIT ${cap}) capped`,
      ),
      ...(Object.keys(dims).length === 0
        ? // No dimension filtered (the default views): every dimension counts the same rows, so one pass over them
          // feeds all the groups (GROUPING SETS) instead of one pass per dimension.
          [
            `SELECT CASE ${grouped.map(([dimension], i) => `WHEN GROUPING(d${i}) = 0 THEN '${dimension}'`).join(' ')} END,
                    COALESCE(${grouped.map((_, i) => `d${i}`).join(', ')}), count(*)::int
               FROM (SELECT ${grouped.map(([, expression], i) => `${expression} AS d${i}`).join(', ')} FROM base m) g
              GROUP BY GROUPING SETS (${grouped.map((_, i) => `(d${i})`).join(', ')})`,
          ]
        : grouped.map(([dimension, expression]) => `SELECT '${dimension}', ${expression}, count(*)::int FROM base m ${where(others(dimension))} GROUP BY 2`)),
    ];
    // The status-filtered rows are read once (base), then grouped per dimension.
    const sql = `WITH base AS MATERIALIZED (
        SELECT m.severity, m.cause, m.intent, m.channel, m.brand_id, m.assignee_id, m.status, m.first_response_at, m.sla_due_at
          FROM mention m WHERE ${[...common, `m.status = ANY(${statuses}::text[])`].join(' AND ')})
      ${parts.join(' UNION ALL ')}`;
    const rows = await this.shared(sql, params.values);
    const facets: Facets = {
      status: {},
      severity: {},
      cause: {},
      intent: {},
      channel: {},
      brand: {},
      assignee: {},
      sla: { ok: 0, due_soon: 0, breached: 0 },
      capped: [],
    };
    for (const row of rows) {
      if (row.dimension === 'status' && row.n === 0) continue;
      const value = row.dimension === 'assignee' && row.value === user.userId ? 'me' : row.value;
      facets[row.dimension][value] = row.n;
      if (row.dimension === 'status' && row.n >= STATUS_COUNT_CAP) facets.capped.push(`status.${row.value}`);
    }
    return facets;
  }
}
