import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What wiring the channel connectors needs: the source's off-topic counter (search hits the brand filter
 * dropped), where a mention came from (a search, or the brand's own space), and the send queue's memory of
 * an attempt whose outcome is unknown, so a retried reply looks for the earlier post before posting again.
 */
export class ConnectorWiring1763900100000 implements MigrationInterface {
  name = 'ConnectorWiring1763900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE source ADD COLUMN mentions_off_topic bigint NOT NULL DEFAULT 0;
      ALTER TABLE mention ADD COLUMN origin text CHECK (origin IN ('search', 'owned'));
      ALTER TABLE reply
        ADD COLUMN attempts int NOT NULL DEFAULT 0,
        ADD COLUMN attempted_at timestamptz,
        ADD COLUMN outcome_unknown boolean NOT NULL DEFAULT false,
        ADD COLUMN platform_url text;
      CREATE INDEX reply_queued ON reply (created_at) WHERE status = 'queued';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS reply_queued;
      ALTER TABLE reply DROP COLUMN IF EXISTS platform_url, DROP COLUMN IF EXISTS outcome_unknown, DROP COLUMN IF EXISTS attempted_at, DROP COLUMN IF EXISTS attempts;
      ALTER TABLE mention DROP COLUMN IF EXISTS origin;
      ALTER TABLE source DROP COLUMN IF EXISTS mentions_off_topic;
    `);
  }
}
