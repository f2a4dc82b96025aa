import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The classifier's streaming clustering state per workspace (incident and campaign windows). */
export class ClassifierState1763800001000 implements MigrationInterface {
  name = 'ClassifierState1763800001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE classifier_state (
        workspace_id uuid PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
        classifier_version text NOT NULL,
        last_mention_id bigint NOT NULL DEFAULT 0,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS classifier_state');
  }
}
