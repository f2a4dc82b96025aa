import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live escalation as its own stage: the route stage records each routed mention here (in its transaction),
 * and escalation drains it per workspace and partition (a partition is a hash of the thread, so a thread's
 * mentions stay in order while partitions run in parallel, in any number of worker processes).
 */
export class EscalationPending1764200000100 implements MigrationInterface {
  name = 'EscalationPending1764200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE escalation_pending (
        -- No foreign keys: this is a hot, short-lived queue; a row whose mention is gone is skipped and deleted.
        mention_id bigint PRIMARY KEY,
        workspace_id uuid NOT NULL,
        partition smallint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX escalation_pending_drain ON escalation_pending (workspace_id, partition, mention_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS escalation_pending');
  }
}
