import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { preparedQuery } from '../http/prepared-query';
import { SettingsService } from '../settings/settings.service';
import {
  commonConditions,
  decodeCursor,
  dimensionConditions,
  encodeCursor,
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

export type Facets = Record<Dimension, Record<string, number>>;

@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async context(user: AuthUser): Promise<FilterContext> {
    const settings = await this.settings.get(user.workspaceId);
    return { workspaceId: user.workspaceId, userId: user.userId, dueSoonMinutes: settings.slaDueSoonMinutes };
  }

  /** The list statement (also what `npm run bench` EXPLAINs): the ordered page of ids by index scans, then its rows. */
  listStatement(query: ListMentionsQuery, context: FilterContext): { sql: string; values: unknown[]; limit: number } {
    const limit = query.limit ?? 50;
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const ids = listIdsSql(query, context, limit, cursor);
    return {
      sql: `WITH page AS MATERIALIZED (${ids.sql})
       SELECT ${MENTION_ROW_COLUMNS} FROM page JOIN mention m ON m.id = page.id ${MENTION_ROW_JOINS}
        ORDER BY page.priority DESC, page.published_at, page.id`,
      values: ids.values,
      limit,
    };
  }

  async list(user: AuthUser, query: ListMentionsQuery): Promise<MentionPage> {
    const context = await this.context(user);
    const { sql, values, limit } = this.listStatement(query, context);
    const rows = await preparedQuery<MentionRow>(this.dataSource, sql, values);
    const now = new Date();
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const last = pageRows.at(-1);
    return {
      items: pageRows.map((row) => listItem(row, now, context.dueSoonMinutes)),
      nextCursor:
        more && last ? encodeCursor({ priority: last.priority, publishedAt: last.published_at.toISOString(), id: last.id }) : null,
    };
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
    const assigneeExpression = `CASE WHEN m.assignee_id IS NULL THEN 'none' WHEN m.assignee_id = ${params.add(user.userId)}::uuid THEN 'me' ELSE m.assignee_id::text END`;
    const grouped: Array<[Dimension, string]> = [
      ['severity', `coalesce(m.severity, 'unclassified')`],
      ['cause', `coalesce(m.cause, 'none')`],
      ['intent', `coalesce(m.intent, 'unclassified')`],
      ['channel', 'm.channel'],
      ['brand', `coalesce(m.brand_id::text, 'none')`],
      ['assignee', assigneeExpression],
      ['sla', slaExpression],
    ];
    const parts = [
      `SELECT 'status' AS dimension, m.status AS value, count(*)::int AS n FROM mention m ${where([...common, ...Object.values(dims)])} GROUP BY 2`,
      ...grouped.map(
        ([dimension, expression]) =>
          `SELECT '${dimension}', ${expression}, count(*)::int FROM base m ${where(others(dimension))} GROUP BY 2`,
      ),
    ];
    // The status-filtered rows are read once (base), then grouped per dimension.
    const sql = `WITH base AS MATERIALIZED (
        SELECT m.severity, m.cause, m.intent, m.channel, m.brand_id, m.assignee_id, m.status, m.first_response_at, m.sla_due_at
          FROM mention m WHERE ${[...common, `m.status = ANY(${statuses}::text[])`].join(' AND ')})
      ${parts.join(' UNION ALL ')}`;
    const rows = (await this.dataSource.query(sql, params.values)) as { dimension: Dimension; value: string; n: number }[];
    const facets: Facets = {
      status: {},
      severity: {},
      cause: {},
      intent: {},
      channel: {},
      brand: {},
      assignee: {},
      sla: { ok: 0, due_soon: 0, breached: 0 },
    };
    for (const row of rows) facets[row.dimension][row.value] = row.n;
    return facets;
  }
}
