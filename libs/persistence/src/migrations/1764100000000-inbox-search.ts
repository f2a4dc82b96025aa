import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The triage inbox: text search in Russian and English (a 'simple' tsvector over the lower-cased text, so no
 * stemming dictionary is needed for either language; the API matches word prefixes, which covers most
 * inflection), and indexes for the assignee filter, time-range stats, recent replies and the audit log.
 */
export class InboxSearch1764100000000 implements MigrationInterface {
  name = 'InboxSearch1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mention ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', lower(text))) STORED;
      CREATE INDEX mention_search ON mention USING gin (search);
      CREATE INDEX mention_assignee_inbox ON mention (workspace_id, assignee_id, status, priority DESC, published_at, id)
        WHERE stage = 'routed' AND assignee_id IS NOT NULL;
      CREATE INDEX mention_routed_published ON mention (workspace_id, published_at) WHERE stage = 'routed';
      CREATE INDEX reply_workspace_time ON reply (workspace_id, created_at);
      CREATE INDEX reply_case ON reply (case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX audit_log_workspace_id ON audit_log (workspace_id, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS audit_log_workspace_id, reply_case, reply_workspace_time, mention_routed_published, mention_assignee_inbox, mention_search;
      ALTER TABLE mention DROP COLUMN IF EXISTS search;
    `);
  }
}
