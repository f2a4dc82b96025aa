import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `otklik reclassify`:
 * - classifier_state.generation: bumped when the stored clustering state is replaced by something other than
 *   the classify stage (a re-labelling run), so a worker holding its own copy in memory reloads it;
 * - reclassify_checkpoint: a run's positions (labelled up to, linked up to), clustering state and tallies per
 *   workspace, written in each batch's transaction, so a run that stopped continues where it was;
 * - audit_log by target: "did a person act on this incident" (and the incident history) without a scan.
 */
export class Reclassify1764300000200 implements MigrationInterface {
  name = 'Reclassify1764300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE classifier_state ADD COLUMN generation int NOT NULL DEFAULT 0;
      CREATE TABLE reclassify_checkpoint (
        workspace_id uuid PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
        classifier_version text NOT NULL,
        scope jsonb NOT NULL,
        after_published_at timestamptz NOT NULL,
        after_id bigint NOT NULL,
        linked_published_at timestamptz,
        linked_id bigint,
        state jsonb NOT NULL,
        tally jsonb NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_log_target ON audit_log (target_type, target_id) WHERE target_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS audit_log_target;
      DROP TABLE IF EXISTS reclassify_checkpoint;
      ALTER TABLE classifier_state DROP COLUMN IF EXISTS generation;
    `);
  }
}
