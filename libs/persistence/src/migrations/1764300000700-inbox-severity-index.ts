import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A view of some severities ("low only", "critical and low") walked the backlog index in inbox order, filtering
 * severity, and priority follows severity: a low-severity view read past every more urgent open mention first
 * (tens of ms at a 130,000-mention backlog, for every page). `mention_open_severity` holds the backlog with
 * severity in its key, then inbox order, and the same filter columns as `mention_open_inbox` (not the text-search
 * vector: a severity view with a search is planned with its words). The list scans one range of it per backlog
 * status and chosen severity and merges them (apps/api/src/inbox/inbox-query.ts).
 * The cost is one more index entry for each backlog mention written (routing, status changes).
 */
export class InboxSeverityIndex1764300000700 implements MigrationInterface {
  name = 'InboxSeverityIndex1764300000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX mention_open_severity ON mention (workspace_id, status, severity, (-priority), published_at, id)
        INCLUDE (priority, cause, intent, channel, brand_id, assignee_id, first_response_at, sla_due_at, snoozed_until)
        WHERE stage = 'routed' AND status IN ('new', 'open', 'pending')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS mention_open_severity');
  }
}
