/** Stage 2: label the workspace's ingested mentions in arrival order (see stage-drain.ts for the pattern). */
import type { DataSource, EntityManager } from 'typeorm';
import { drainStage, mentionInputFromRow, type StoredMentionRow } from '@otklik/persistence';
import type { MentionLabels } from '@otklik/domain';
import type { MentionLabeler, PendingMention } from './labeler';

interface Row extends StoredMentionRow {
  id: string;
  thread_id: string;
  thread_external_id: string;
  author_row_id: string;
}

export async function selectPending(manager: EntityManager, workspaceId: string, stage: 'ingested' | 'classified', limit: number): Promise<PendingMention[]> {
  const rows: Row[] = await manager.query(
    `SELECT m.id, m.external_id, m.channel, m.lang, m.text, m.published_at, m.is_private, m.in_reply_to, m.thread_id, m.url, m.reposts, m.likes,
            t.external_id AS thread_external_id, b.name AS brand,
            a.id AS author_row_id, a.external_id AS author_external_id, a.handle, a.followers, a.verified, a.account_created_at, a.kind
       FROM mention m
       JOIN author a ON a.id = m.author_id
       JOIN thread t ON t.id = m.thread_id
       LEFT JOIN brand b ON b.id = m.brand_id
      WHERE m.workspace_id = $1 AND m.stage = $2
      ORDER BY m.id
      LIMIT $3`,
    [workspaceId, stage, limit],
  );
  return rows.map((row) => ({
    ...mentionInputFromRow(row),
    id: row.id,
    threadId: row.thread_id,
    authorRowId: row.author_row_id,
  }));
}

export async function pendingExists(dataSource: DataSource, workspaceId: string, stage: 'ingested' | 'classified'): Promise<boolean> {
  const rows = await dataSource.query('SELECT 1 FROM mention WHERE workspace_id = $1 AND stage = $2 LIMIT 1', [workspaceId, stage]);
  return rows.length > 0;
}

export async function runClassifyStage(
  dataSource: DataSource,
  labeler: MentionLabeler,
  workspaceId: string,
  batchSize: number,
  onClassified: (workspaceId: string) => Promise<void>,
  shouldStop?: () => boolean,
): Promise<number> {
  const { moved } = await drainStage(dataSource, {
    lockName: `classify:${workspaceId}`,
    pending: () => pendingExists(dataSource, workspaceId, 'ingested'),
    shouldStop,
    batch: async (manager) => {
      const batch = await selectPending(manager, workspaceId, 'ingested', batchSize);
      if (batch.length === 0) return { moved: 0 };
      const results = await labeler.label(workspaceId, batch, manager);
      await storeLabels(manager, labeler.version, batch, results);
      return { moved: batch.length, afterCommit: () => onClassified(workspaceId) };
    },
  });
  return moved;
}

async function storeLabels(manager: EntityManager, version: string | null, batch: PendingMention[], results: (MentionLabels | null | Error)[]): Promise<void> {
  const ok: { id: string; labels: MentionLabels | null }[] = [];
  const failed: { mention: PendingMention; reason: string }[] = [];
  batch.forEach((mention, index) => {
    const result = results[index];
    if (result instanceof Error) failed.push({ mention, reason: `classify: ${result.message}` });
    else ok.push({ id: mention.id, labels: result ?? null });
  });
  if (ok.length > 0) {
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    await manager.query(
      `UPDATE mention m SET intent = v.intent, cause = v.cause, severity = v.severity, sentiment = v.sentiment,
              pii = CASE WHEN v.has_labels THEN ARRAY(SELECT jsonb_array_elements_text(v.pii::jsonb)) ELSE NULL END,
              pii_spans = v.pii_spans::jsonb, critical_data = v.critical_data, confidence = v.confidence::jsonb, explain = v.explain::jsonb,
              incident_key = v.incident_key, campaign_key = v.campaign_key,
              classifier_version = CASE WHEN v.has_labels THEN $2 ELSE NULL END,
              stage = 'classified', stage_at = now()
         FROM unnest($1::bigint[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[],
                     $11::text[], $12::text[], $13::text[], $14::text[])
           AS v(id, has_labels, intent, cause, severity, sentiment, pii, pii_spans, critical_data, confidence, explain, incident_key, campaign_key)
        WHERE m.id = v.id`,
      [
        ok.map((row) => row.id),
        version,
        ok.map((row) => row.labels !== null),
        ok.map((row) => row.labels?.intent ?? null),
        ok.map((row) => row.labels?.cause ?? null),
        ok.map((row) => row.labels?.severity ?? null),
        ok.map((row) => row.labels?.sentiment ?? null),
        ok.map((row) => json(row.labels?.pii ?? [])),
        ok.map((row) => json(row.labels?.piiSpans)),
        ok.map((row) => row.labels?.criticalData ?? null),
        ok.map((row) => json(row.labels?.confidence)),
        ok.map((row) => json(row.labels?.explain)),
        ok.map((row) => row.labels?.incident ?? null),
        ok.map((row) => row.labels?.campaign ?? null),
      ],
    );
  }
  if (failed.length > 0) {
    await manager.query(
      `UPDATE mention m SET stage = 'failed', stage_at = now(), failure_reason = v.reason FROM unnest($1::bigint[], $2::text[]) AS v(id, reason) WHERE m.id = v.id`,
      [failed.map((row) => row.mention.id), failed.map((row) => row.reason)],
    );
    await manager.query(
      `INSERT INTO dead_letter (workspace_id, stage, external_id, reason, payload)
       SELECT m.workspace_id, 'classify', m.external_id, v.reason, jsonb_build_object('mentionId', m.id) FROM unnest($1::bigint[], $2::text[]) AS v(id, reason)
       JOIN mention m ON m.id = v.id`,
      [failed.map((row) => row.mention.id), failed.map((row) => row.reason)],
    );
  }
}
