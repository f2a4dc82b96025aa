import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA breaches are alerted as digests (one alert per workspace, recipient and check), so the once-per-mention
 * guarantee moves from the alert's dedupe key (`sla:<mention>:<stage>`) to this table: one row per mention and
 * stage, written in the transaction that writes the digest alert. Its primary key is what stops a mention being
 * alerted twice for a stage (two workers, a restart); `position` is the mention's place in its digest, worst
 * first. The foreign key to the alert is deferred: the check claims the mentions first and writes the alert for
 * the ones it won, both before commit.
 * Existing per-mention SLA alerts are carried over as digests of one, so nothing already alerted is alerted again.
 */
export class SlaAlertDigest1764300000400 implements MigrationInterface {
  name = 'SlaAlertDigest1764300000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sla_alerted_mention (
        mention_id bigint NOT NULL REFERENCES mention(id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('assignee', 'lead')),
        alert_id uuid NOT NULL REFERENCES alert(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        position int NOT NULL,
        PRIMARY KEY (mention_id, stage)
      );
      CREATE INDEX sla_alerted_mention_alert ON sla_alerted_mention (alert_id, position);

      INSERT INTO sla_alerted_mention (mention_id, stage, alert_id, position)
      SELECT m.id, split_part(a.dedupe_key, ':', 3), a.id, 1
        FROM alert a JOIN mention m ON m.id = a.mention_id
       WHERE a.kind = 'sla_breach' AND a.dedupe_key ~ '^sla:[0-9]+:(assignee|lead)$'
      ON CONFLICT DO NOTHING;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS sla_alerted_mention');
  }
}
