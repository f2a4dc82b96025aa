import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live alerting and crisis communication:
 * - alert: when it was written (alerted_at is event time, which a replay sets in the past), whether it was
 *   handed to the notify queue (the monitor re-dispatches what a crash left behind), the decisive mention and
 *   who it is for (SLA breaches go to the assignee, then the leads);
 * - alert_delivery: one row per alert and notification channel, so a retry after success never sends twice;
 * - incident: merges, the counts and velocity the monitor refreshes, what PR writes for the statements;
 * - an index for the SLA watch (open, unanswered, routed mentions by due time).
 */
export class AlertingIncidents1764200000000 implements MigrationInterface {
  name = 'AlertingIncidents1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE alert
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN dispatched_at timestamptz,
        ADD COLUMN mention_id bigint REFERENCES mention(id) ON DELETE SET NULL,
        ADD COLUMN recipient_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        ADD COLUMN recipient_role text;
      CREATE INDEX alert_undispatched ON alert (created_at) WHERE dispatched_at IS NULL;
      CREATE INDEX alert_workspace_open ON alert (workspace_id, alerted_at) WHERE acknowledged_at IS NULL;

      CREATE TABLE alert_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        alert_id uuid NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES notification_channel(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (alert_id, channel_id)
      );
      CREATE INDEX alert_delivery_channel ON alert_delivery (channel_id, created_at);
      CREATE INDEX alert_delivery_open ON alert_delivery (updated_at) WHERE status IN ('pending', 'sending');

      ALTER TABLE incident
        ADD COLUMN merged_into_id uuid REFERENCES incident(id) ON DELETE SET NULL,
        ADD COLUMN mention_count int NOT NULL DEFAULT 0,
        ADD COLUMN known_affected int,
        ADD COLUMN velocity_per_hour double precision NOT NULL DEFAULT 0,
        ADD COLUMN velocity_trend text NOT NULL DEFAULT 'steady',
        ADD COLUMN scope_confidence text,
        ADD COLUMN scope_explanation jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN scope_manual boolean NOT NULL DEFAULT false,
        ADD COLUMN summary jsonb,
        ADD COLUMN workaround jsonb,
        ADD COLUMN opened_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN refreshed_at timestamptz;
      -- Until now route-stage counted mentions into affected_count; affected is distinct people from here on.
      UPDATE incident SET mention_count = affected_count;
      CREATE INDEX incident_workspace_status ON incident (workspace_id, status, last_seen_at);
      CREATE INDEX incident_merged_into ON incident (merged_into_id) WHERE merged_into_id IS NOT NULL;

      CREATE INDEX mention_sla_watch ON mention (sla_due_at)
        WHERE stage = 'routed' AND first_response_at IS NULL AND status IN ('new', 'open');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS mention_sla_watch;
      DROP INDEX IF EXISTS incident_merged_into;
      DROP INDEX IF EXISTS incident_workspace_status;
      ALTER TABLE incident
        DROP COLUMN IF EXISTS refreshed_at, DROP COLUMN IF EXISTS updated_at, DROP COLUMN IF EXISTS opened_by,
        DROP COLUMN IF EXISTS workaround, DROP COLUMN IF EXISTS summary, DROP COLUMN IF EXISTS scope_manual,
        DROP COLUMN IF EXISTS scope_explanation, DROP COLUMN IF EXISTS scope_confidence, DROP COLUMN IF EXISTS velocity_trend,
        DROP COLUMN IF EXISTS velocity_per_hour, DROP COLUMN IF EXISTS known_affected, DROP COLUMN IF EXISTS mention_count,
        DROP COLUMN IF EXISTS merged_into_id;
      DROP TABLE IF EXISTS alert_delivery;
      DROP INDEX IF EXISTS alert_workspace_open;
      DROP INDEX IF EXISTS alert_undispatched;
      ALTER TABLE alert
        DROP COLUMN IF EXISTS recipient_role, DROP COLUMN IF EXISTS recipient_user_id, DROP COLUMN IF EXISTS mention_id,
        DROP COLUMN IF EXISTS dispatched_at, DROP COLUMN IF EXISTS created_at;
    `);
  }
}
