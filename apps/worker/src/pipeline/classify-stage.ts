/** Stage 2: label the workspace's ingested mentions in arrival order (see stage-drain.ts for the pattern). */
import type { DataSource, EntityManager } from 'typeorm';
import { drainStage, selectStoredMentions, writeMentionLabels } from '@otklik/persistence';
import type { MentionLabels } from '@otklik/domain';
import type { MentionLabeler, PendingMention } from './labeler';

export async function selectPending(
  manager: EntityManager,
  workspaceId: string,
  stage: 'ingested' | 'classified',
  limit: number,
): Promise<PendingMention[]> {
  return selectStoredMentions(manager, 'm.workspace_id = $1 AND m.stage = $2 ORDER BY m.id LIMIT $3', [workspaceId, stage, limit]);
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

async function storeLabels(
  manager: EntityManager,
  version: string | null,
  batch: PendingMention[],
  results: (MentionLabels | null | Error)[],
): Promise<void> {
  const ok: { id: string; labels: MentionLabels | null }[] = [];
  const failed: { mention: PendingMention; reason: string }[] = [];
  batch.forEach((mention, index) => {
    const result = results[index];
    if (result instanceof Error) failed.push({ mention, reason: `classify: ${result.message}` });
    else ok.push({ id: mention.id, labels: result ?? null });
  });
  await writeMentionLabels(manager, version, ok, { advanceStage: true });
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
