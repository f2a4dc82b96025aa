import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pipeline's hot tables churn: every mention row is written three times (ingest, classify, route) and
 * escalation_pending is a queue (insert, then delete). With PostgreSQL's defaults (vacuum at 20 % dead rows,
 * analyze at 10 % changed) a growing table runs for minutes on statistics from when it was small, and the
 * planner picks bitmap scans plus sorts where an index walk reads a handful of rows (measured: the classify
 * stage's author-history lookup at 300 ms per batch instead of 9 ms). Vacuum and analyze them sooner.
 */
export class HotTableAutovacuum1764300000000 implements MigrationInterface {
  name = 'HotTableAutovacuum1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mention SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.02);
      ALTER TABLE thread SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);
      ALTER TABLE author SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
      ALTER TABLE escalation_pending SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_analyze_scale_factor = 0.05);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mention RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor, autovacuum_vacuum_insert_scale_factor);
      ALTER TABLE thread RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);
      ALTER TABLE author RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);
      ALTER TABLE escalation_pending RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor);
    `);
  }
}
