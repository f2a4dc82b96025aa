import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox list walks an index in inbox order (priority, then waiting time) and stops at the page size. With the
 * filter columns only in the heap, every walked entry cost a heap fetch, so a filtered view (severity + channel,
 * SLA state) read thousands of heap pages per page of results. Two covering indexes let those walks be index-only:
 * - `mention_open_inbox`: the backlog (new, open, pending) in inbox order with every filter column, the text-search
 *   vector too; it also serves the facet counts, so it replaces `mention_open_facets`. With the vector in the index
 *   a search for a common word walks the backlog in order and stops at the page (tens of ms at a 130,000-mention
 *   backlog, was seconds: the GIN index finds 80,000 hits, all fetched and sorted); a word nobody used walks the
 *   whole backlog (≈0.1 s at that size) — the size of the backlog, not of the archive, bounds it;
 * - `mention_assignee_keyset` ("assigned to me / to X") gains the same columns.
 * The resolved archive keeps `mention_inbox_keyset` (heap fetches, rarely filtered). `priority` is included beside
 * the `(-priority)` key because the planner does not read a column back out of an expression.
 * Built without CONCURRENTLY (migrations run in a transaction): a few seconds of blocked writes per million rows.
 */
const FILTER_COLUMNS = 'priority, severity, cause, intent, channel, brand_id, assignee_id, first_response_at, sla_due_at, snoozed_until';

export class InboxCoveringIndexes1764300000600 implements MigrationInterface {
  name = 'InboxCoveringIndexes1764300000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX mention_open_inbox ON mention (workspace_id, status, (-priority), published_at, id) INCLUDE (${FILTER_COLUMNS}, search)
        WHERE stage = 'routed' AND status IN ('new', 'open', 'pending')`);
    await queryRunner.query('DROP INDEX IF EXISTS mention_open_facets');
    await queryRunner.query('DROP INDEX IF EXISTS mention_assignee_keyset');
    await queryRunner.query(`
      CREATE INDEX mention_assignee_keyset ON mention (workspace_id, assignee_id, status, (-priority), published_at, id)
        INCLUDE (${FILTER_COLUMNS.replace(', assignee_id', '')}) WHERE stage = 'routed' AND assignee_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS mention_assignee_keyset');
    await queryRunner.query(`
      CREATE INDEX mention_assignee_keyset ON mention (workspace_id, assignee_id, status, (-priority), published_at, id)
        WHERE stage = 'routed' AND assignee_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX mention_open_facets ON mention (workspace_id, status)
        INCLUDE (severity, cause, intent, channel, brand_id, assignee_id, first_response_at, sla_due_at, snoozed_until)
        WHERE stage = 'routed' AND status IN ('new', 'open', 'pending')`);
    await queryRunner.query('DROP INDEX IF EXISTS mention_open_inbox');
  }
}
