/**
 * Stage 2: label the workspace's ingested mentions in arrival order (see stage-drain.ts for the pattern) and
 * route them in the same transaction (mention-routing.ts): labels and routing go to each row in one UPDATE, so a
 * mention is written once after ingest instead of twice (the table's indexes make every row write expensive).
 *
 * Routing needs the route stage's lock too (stage-drain.ts PIPELINE_LOCK_ORDER: classify, then route): no route
 * batch touches the workspace's mentions, incidents or campaigns meanwhile. Mentions waiting in 'classified'
 * (earlier ones the labeler sent back to routing with a new cluster, or left by an older version) are routed in
 * the same pass; if some remain after the commit (more than a batch, or a route wake-up that lost the lock to
 * this batch), the route stage is woken.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { drainStage, pipelineLock, selectStoredMentions, writeLabelledRoutes, writeMentionRoutes } from '@otklik/persistence';
import type { MentionLabels } from '@otklik/domain';
import type { MentionLabeler, PendingMention } from './labeler';
import { routableOf, routeMentions, selectClassified, type RoutingOutlets } from './mention-routing';

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

export interface ClassifyStageOptions extends RoutingOutlets {
  batchSize: number;
  /** Wakes the route stage for mentions still waiting in 'classified' after a batch. */
  wakeRoute: (workspaceId: string) => Promise<void>;
  shouldStop?: () => boolean;
}

interface Labelled {
  mention: PendingMention;
  labels: MentionLabels | null;
}

export async function runClassifyStage(
  dataSource: DataSource,
  labeler: MentionLabeler,
  workspaceId: string,
  options: ClassifyStageOptions,
): Promise<number> {
  const { moved } = await drainStage(dataSource, {
    lockName: pipelineLock('classify', workspaceId),
    waitFor: [pipelineLock('route', workspaceId)],
    pending: () => pendingExists(dataSource, workspaceId, 'ingested'),
    shouldStop: options.shouldStop,
    batch: async (manager) => {
      const batch = await selectPending(manager, workspaceId, 'ingested', options.batchSize);
      if (batch.length === 0) return { moved: 0 };
      const results = await labeler.label(workspaceId, batch, manager);
      const labelled: Labelled[] = [];
      const failed: { mention: PendingMention; reason: string }[] = [];
      batch.forEach((mention, index) => {
        const result = results[index];
        if (result instanceof Error) failed.push({ mention, reason: `classify: ${result.message}` });
        else labelled.push({ mention, labels: result ?? null });
      });
      const routed = await routeLabelled(manager, labeler.version, workspaceId, labelled, options);
      await deadLetter(manager, failed);
      return {
        moved: batch.length,
        afterCommit: async () => {
          await routed();
          if (await pendingExists(dataSource, workspaceId, 'classified')) await options.wakeRoute(workspaceId);
        },
      };
    },
  });
  return moved;
}

const byId = (a: { id: string }, b: { id: string }) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);

/**
 * One routing pass over the labelled batch and the mentions waiting in 'classified', oldest first, as the route
 * stage would have made over all of them: the batch's rows get their labels and routing in one statement, the
 * waiting ones (labels stored already) their routing.
 */
async function routeLabelled(
  manager: EntityManager,
  version: string | null,
  workspaceId: string,
  labelled: Labelled[],
  options: ClassifyStageOptions,
): Promise<() => Promise<void>> {
  const waiting = await selectClassified(manager, workspaceId, options.batchSize);
  const labelsOf = new Map(labelled.map(({ mention, labels }) => [mention.id, labels]));
  const rows = [...waiting, ...labelled.map(({ mention, labels }) => routableOf(mention, labels))].sort(byId);
  return routeMentions(
    manager,
    workspaceId,
    rows,
    async (routes) => {
      const fresh = routes.filter((route) => labelsOf.has(route.id));
      await writeLabelledRoutes(
        manager,
        version,
        fresh.map((route) => ({ ...route, labels: labelsOf.get(route.id) ?? null })),
      );
      await writeMentionRoutes(
        manager,
        routes.filter((route) => !labelsOf.has(route.id)),
      );
    },
    options,
  );
}

/** Mentions the labeler failed on: stage 'failed' with the reason, and a dead letter each. */
async function deadLetter(manager: EntityManager, failed: { mention: PendingMention; reason: string }[]): Promise<void> {
  if (failed.length === 0) return;
  const ids = failed.map((row) => row.mention.id);
  const reasons = failed.map((row) => row.reason);
  await manager.query(
    `UPDATE mention m SET stage = 'failed', stage_at = now(), failure_reason = v.reason FROM unnest($1::bigint[], $2::text[]) AS v(id, reason) WHERE m.id = v.id`,
    [ids, reasons],
  );
  await manager.query(
    `INSERT INTO dead_letter (workspace_id, stage, external_id, reason, payload)
     SELECT m.workspace_id, 'classify', m.external_id, v.reason, jsonb_build_object('mentionId', m.id) FROM unnest($1::bigint[], $2::text[]) AS v(id, reason)
     JOIN mention m ON m.id = v.id`,
    [ids, reasons],
  );
}
