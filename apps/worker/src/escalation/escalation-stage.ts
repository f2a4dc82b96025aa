/**
 * Live escalation as a stage of its own, after route: the route stage records routed mentions in
 * escalation_pending (same transaction); this drains them per workspace and partition, one batch per
 * transaction under a per-partition advisory lock (stage-drain.ts), observing each touched thread's mentions
 * in published_at order, storing the trackers and the alert rows, and deleting the pending rows, together.
 *
 * Why a stage and not a step inside route: observing is CPU work (the tracker re-scores the thread per post),
 * and inside route it would cap the whole pipeline at one core per workspace. Partitions are a hash of the
 * thread, so a thread's mentions stay in one partition (in order) while partitions run in parallel in any
 * number of worker processes. The partition count is fixed: changing it with rows pending would split threads.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { drainStage } from '@otklik/persistence';
import { alertingSettings } from './alerting-settings';
import { escalateMentions } from './thread-escalation.step';

export const ESCALATION_PARTITIONS = 8;

/** In the route transaction: the routed mentions wait for escalation (a re-routed one again, harmlessly). */
export async function enqueueEscalation(manager: EntityManager, workspaceId: string, mentionIds: string[]): Promise<void> {
  if (mentionIds.length === 0) return;
  await manager.query(
    `INSERT INTO escalation_pending (mention_id, workspace_id, partition)
     SELECT m.id, m.workspace_id, (hashtext(m.thread_id::text) & 2147483647) % $3 FROM mention m WHERE m.id = ANY($1::bigint[]) AND m.workspace_id = $2
     ON CONFLICT (mention_id) DO NOTHING`,
    [mentionIds, workspaceId, ESCALATION_PARTITIONS],
  );
}

export interface EscalationDrainOptions {
  batchSize: number;
  shouldStop?: () => boolean;
  /** After each committed batch that raised alerts (events, deliveries). */
  onAlerts?: (workspaceId: string, alertIds: string[]) => Promise<void>;
  /** Workspace settings problems, reported once per batch that found some. */
  onSettingsProblems?: (workspaceId: string, problems: string[]) => void;
}

export async function runEscalationStage(dataSource: DataSource, workspaceId: string, partition: number, options: EscalationDrainOptions): Promise<{ moved: number; busy: boolean }> {
  return drainStage(dataSource, {
    lockName: `escalate:${workspaceId}:${partition}`,
    shouldStop: options.shouldStop,
    pending: async () => (await dataSource.query('SELECT 1 FROM escalation_pending WHERE workspace_id = $1 AND partition = $2 LIMIT 1', [workspaceId, partition])).length > 0,
    batch: async (manager) => {
      const rows: { id: string }[] = await manager.query(
        'SELECT mention_id::text AS id FROM escalation_pending WHERE workspace_id = $1 AND partition = $2 ORDER BY mention_id LIMIT $3',
        [workspaceId, partition, options.batchSize],
      );
      if (rows.length === 0) return { moved: 0 };
      const ids = rows.map((row) => row.id);
      const [workspace] = await manager.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
      const settings = alertingSettings(workspace?.settings);
      if (settings.problems.length > 0) options.onSettingsProblems?.(workspaceId, settings.problems);
      const step = await escalateMentions(manager, workspaceId, ids, settings.escalation);
      await manager.query('DELETE FROM escalation_pending WHERE mention_id = ANY($1::bigint[])', [ids]);
      const onAlerts = options.onAlerts;
      return { moved: ids.length, afterCommit: step.alertIds.length > 0 && onAlerts ? () => onAlerts(workspaceId, step.alertIds) : undefined };
    },
  });
}

/** Every partition of a workspace, one after another (tests, the CLI); the worker runs them in parallel. */
export async function runEscalationStages(dataSource: DataSource, workspaceId: string, options: EscalationDrainOptions): Promise<number> {
  let moved = 0;
  for (let partition = 0; partition < ESCALATION_PARTITIONS; partition += 1) moved += (await runEscalationStage(dataSource, workspaceId, partition, options)).moved;
  return moved;
}

/** Workspaces with mentions waiting longer than `olderThanMs` (a wake-up lost with a crashed process). */
export async function staleEscalationWorkspaces(dataSource: DataSource, olderThanMs: number): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT w.id FROM workspace w
      WHERE EXISTS (SELECT 1 FROM escalation_pending p WHERE p.workspace_id = w.id AND p.created_at < now() - make_interval(secs => $1))`,
    [olderThanMs / 1000],
  );
  return rows.map((row) => row.id);
}
