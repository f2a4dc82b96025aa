import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset pagination fully bounded by the index. Inbox order is priority DESC, published_at ASC, id ASC; a row
 * comparison cannot mix directions, so with `priority DESC` in the index the cursor condition was only partly
 * an index bound and every row sharing the cursor's priority (thousands: priority takes a few hundred values)
 * was fetched and filtered. Indexing `-priority` makes the order all-ascending, and
 * `(-priority, published_at, id) > (…)` starts the scan exactly at the cursor. Replaces mention_inbox and
 * mention_assignee_inbox (nothing else reads them), so ingestion keeps the same number of indexes.
 */
export class InboxKeyset1764100100000 implements MigrationInterface {
  name = 'InboxKeyset1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX mention_inbox_keyset ON mention (workspace_id, status, (-priority), published_at, id) WHERE stage = 'routed';
      CREATE INDEX mention_assignee_keyset ON mention (workspace_id, assignee_id, status, (-priority), published_at, id)
        WHERE stage = 'routed' AND assignee_id IS NOT NULL;
      DROP INDEX IF EXISTS mention_inbox;
      DROP INDEX IF EXISTS mention_assignee_inbox;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX mention_inbox ON mention (workspace_id, status, priority DESC, published_at, id) WHERE stage = 'routed';
      CREATE INDEX mention_assignee_inbox ON mention (workspace_id, assignee_id, status, priority DESC, published_at, id)
        WHERE stage = 'routed' AND assignee_id IS NOT NULL;
      DROP INDEX IF EXISTS mention_inbox_keyset;
      DROP INDEX IF EXISTS mention_assignee_keyset;
    `);
  }
}
