import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table of DESIGN §Data. Later changes come as new migrations; this one is never edited once released. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workspace (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        settings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE brand (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        exclusions text[] NOT NULL DEFAULT '{}',
        UNIQUE (workspace_id, name)
      );
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        locale text NOT NULL DEFAULT 'ru',
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE membership (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('agent', 'lead', 'pr', 'admin')),
        PRIMARY KEY (user_id, workspace_id)
      );
      CREATE INDEX membership_workspace ON membership (workspace_id);
      CREATE TABLE source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        brand_id uuid REFERENCES brand(id) ON DELETE SET NULL,
        channel text NOT NULL,
        name text NOT NULL,
        options jsonb NOT NULL DEFAULT '{}',
        credentials_encrypted text,
        cursor text,
        enabled boolean NOT NULL DEFAULT true,
        poll_interval_ms int NOT NULL DEFAULT 60000 CHECK (poll_interval_ms >= 100),
        health text NOT NULL DEFAULT 'ok' CHECK (health IN ('ok', 'failing', 'paused')),
        last_error text,
        last_poll_at timestamptz,
        paused_until timestamptz,
        mentions_ingested bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX source_workspace ON source (workspace_id);
      CREATE TABLE author (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        channel text NOT NULL,
        external_id text NOT NULL,
        handle text,
        followers int,
        verified boolean,
        account_created_at timestamptz,
        kind text,
        UNIQUE (workspace_id, channel, external_id)
      );
      CREATE TABLE thread (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        channel text NOT NULL,
        external_id text NOT NULL,
        mention_count int NOT NULL DEFAULT 0,
        last_activity_at timestamptz,
        escalation_state jsonb,
        escalation_level text,
        UNIQUE (workspace_id, channel, external_id)
      );
      CREATE TABLE incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        cluster_key text,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'investigating' CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
        scope text NOT NULL DEFAULT 'single',
        places text[] NOT NULL DEFAULT '{}',
        affected_count int NOT NULL DEFAULT 0,
        critical_data boolean NOT NULL DEFAULT false,
        eta timestamptz,
        first_seen_at timestamptz,
        last_seen_at timestamptz,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, cluster_key)
      );
      CREATE TABLE campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        cluster_key text NOT NULL,
        status text NOT NULL DEFAULT 'active',
        post_count int NOT NULL DEFAULT 0,
        first_seen_at timestamptz,
        last_seen_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, cluster_key)
      );
      CREATE TABLE mention (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        source_id uuid REFERENCES source(id) ON DELETE SET NULL,
        brand_id uuid REFERENCES brand(id) ON DELETE SET NULL,
        channel text NOT NULL,
        external_id text NOT NULL,
        thread_id uuid NOT NULL REFERENCES thread(id),
        in_reply_to text,
        author_id uuid NOT NULL REFERENCES author(id),
        lang text,
        text text NOT NULL,
        url text,
        is_private boolean NOT NULL DEFAULT false,
        reposts int,
        likes int,
        published_at timestamptz NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        raw jsonb,
        intent text,
        cause text,
        severity text,
        sentiment text,
        pii text[],
        pii_spans jsonb,
        critical_data boolean,
        confidence jsonb,
        explain jsonb,
        classifier_version text,
        incident_key text,
        campaign_key text,
        incident_id uuid REFERENCES incident(id) ON DELETE SET NULL,
        campaign_id uuid REFERENCES campaign(id) ON DELETE SET NULL,
        stage text NOT NULL DEFAULT 'ingested' CHECK (stage IN ('ingested', 'classified', 'routed', 'failed')),
        stage_at timestamptz NOT NULL DEFAULT now(),
        failure_reason text,
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'pending', 'resolved', 'spam', 'do_not_engage')),
        priority int NOT NULL DEFAULT 0,
        sla_due_at timestamptz,
        assignee_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        claimed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        claimed_at timestamptz,
        claim_expires_at timestamptz,
        snoozed_until timestamptz,
        first_response_at timestamptz,
        resolved_at timestamptz,
        UNIQUE (workspace_id, channel, external_id)
      );
      -- The pipeline's outbox: only rows still on their way (small, hot).
      CREATE INDEX mention_pipeline ON mention (workspace_id, stage, id) WHERE stage IN ('ingested', 'classified');
      -- The inbox: routed rows by workspace, status, priority, then waiting time.
      CREATE INDEX mention_inbox ON mention (workspace_id, status, priority DESC, published_at, id) WHERE stage = 'routed';
      CREATE INDEX mention_thread ON mention (thread_id, published_at);
      CREATE INDEX mention_author ON mention (author_id, published_at);
      CREATE INDEX mention_incident ON mention (incident_id) WHERE incident_id IS NOT NULL;
      CREATE INDEX mention_campaign ON mention (campaign_id) WHERE campaign_id IS NOT NULL;
      CREATE TABLE "case" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        mention_id bigint NOT NULL REFERENCES mention(id) ON DELETE CASCADE,
        private_channel text NOT NULL,
        private_ref text,
        status text NOT NULL DEFAULT 'open',
        opened_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        ack_due_at timestamptz,
        resolution_due_at timestamptz,
        acknowledged_at timestamptz,
        customer_confirmed_at timestamptz,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_workspace_status ON "case" (workspace_id, status);
      CREATE INDEX case_mention ON "case" (mention_id);
      CREATE TABLE note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        mention_id bigint NOT NULL REFERENCES mention(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id),
        body text NOT NULL,
        mentioned_user_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX note_mention ON note (mention_id);
      CREATE TABLE reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        mention_id bigint NOT NULL REFERENCES mention(id) ON DELETE CASCADE,
        case_id uuid REFERENCES "case"(id) ON DELETE SET NULL,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        visibility text NOT NULL CHECK (visibility IN ('public', 'private')),
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending_approval', 'queued', 'sent', 'failed')),
        failure_reason text,
        violations jsonb NOT NULL DEFAULT '[]',
        acknowledged text[] NOT NULL DEFAULT '{}',
        override_reason text,
        approver_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        approved_at timestamptz,
        idempotency_key text NOT NULL UNIQUE,
        platform_id text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX reply_mention ON reply (mention_id);
      CREATE TABLE alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        kind text NOT NULL,
        level text NOT NULL,
        score double precision,
        reasons jsonb NOT NULL DEFAULT '[]',
        thread_id uuid REFERENCES thread(id) ON DELETE SET NULL,
        incident_id uuid REFERENCES incident(id) ON DELETE SET NULL,
        campaign_id uuid REFERENCES campaign(id) ON DELETE SET NULL,
        source_id uuid REFERENCES source(id) ON DELETE SET NULL,
        dedupe_key text NOT NULL UNIQUE,
        alerted_at timestamptz NOT NULL,
        acknowledged_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        acknowledged_at timestamptz
      );
      CREATE INDEX alert_workspace_time ON alert (workspace_id, alerted_at);
      CREATE TABLE notification_channel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('slack', 'mattermost', 'telegram', 'email', 'webhook')),
        name text NOT NULL,
        config_encrypted text NOT NULL,
        routes jsonb NOT NULL DEFAULT '{}',
        enabled boolean NOT NULL DEFAULT true
      );
      CREATE INDEX notification_channel_workspace ON notification_channel (workspace_id);
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid REFERENCES workspace(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_log_workspace_time ON audit_log (workspace_id, at);
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid REFERENCES workspace(id) ON DELETE CASCADE,
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        done_at timestamptz
      );
      CREATE INDEX outbox_pending ON outbox (created_at) WHERE done_at IS NULL;
      CREATE TABLE dead_letter (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid REFERENCES workspace(id) ON DELETE CASCADE,
        source_id uuid REFERENCES source(id) ON DELETE SET NULL,
        stage text NOT NULL,
        external_id text,
        reason text NOT NULL,
        payload jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX dead_letter_workspace_time ON dead_letter (workspace_id, created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS dead_letter, outbox, audit_log, notification_channel, alert, reply, note, "case", mention,
        campaign, incident, thread, author, source, membership, app_user, brand, workspace CASCADE;
    `);
  }
}
