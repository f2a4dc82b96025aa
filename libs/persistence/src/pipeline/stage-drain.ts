/**
 * The pipeline's stage jobs are wake-ups, not carriers: a job says "workspace W has work in stage S", and the
 * processor drains S for W from the database in id order, one batch per transaction, under a transaction-
 * scoped advisory lock. So duplicate, lost or flushed jobs cannot duplicate or lose a mention, per-workspace
 * arrival order is kept, and any number of workers may receive wake-ups.
 *
 * Lost wake-up race: a wake-up whose try-lock fails exits at once. The holder re-checks for pending rows
 * after each release, and the loser's rows were committed before its try, so the holder sees them.
 *
 * Lock order: a batch that needs a second stage's lock (the classify stage routes what it labels) tries its own,
 * then waits for the other. Whoever holds two of a workspace's pipeline locks took them in PIPELINE_LOCK_ORDER,
 * and nobody waits for a lock while holding a later one, so the waits cannot form a cycle.
 */
import type { DataSource, EntityManager } from 'typeorm';

/** The order in which a transaction takes several of a workspace's pipeline locks. */
export const PIPELINE_LOCK_ORDER = ['classify', 'route'] as const;

/** The advisory lock name of a workspace's stage, e.g. `classify:<workspace id>`. */
export function pipelineLock(stage: (typeof PIPELINE_LOCK_ORDER)[number], workspaceId: string): string {
  return `${stage}:${workspaceId}`;
}

export interface DrainOptions {
  /** Advisory lock name, e.g. `classify:<workspace id>`. */
  lockName: string;
  /**
   * Further locks every batch needs, waited for (not tried) once `lockName` is held, in this order: later in
   * PIPELINE_LOCK_ORDER than `lockName`, and taken before the batch touches any row.
   */
  waitFor?: string[];
  /**
   * Processes one batch inside the transaction; returns how many rows it moved on (0 = nothing pending) and
   * optionally what to do once the batch is committed (e.g. publish inbox events).
   */
  batch(manager: EntityManager): Promise<{ moved: number; afterCommit?: () => Promise<void> }>;
  /** A cheap check outside the lock: is anything pending? */
  pending(): Promise<boolean>;
  /** Stop early (shutdown): the rest stays durable and is picked up by the next wake-up or the sweeper. */
  shouldStop?: () => boolean;
}

export async function drainStage(dataSource: DataSource, options: DrainOptions): Promise<{ moved: number; busy: boolean }> {
  let moved = 0;
  for (;;) {
    let locked = false;
    let count = 0;
    let afterCommit: (() => Promise<void>) | undefined;
    await dataSource.transaction(async (manager) => {
      const [row] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [options.lockName]);
      locked = row.locked === true;
      if (!locked) return;
      for (const name of options.waitFor ?? []) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
      ({ moved: count, afterCommit } = await options.batch(manager));
    });
    if (!locked) return { moved, busy: true };
    if (afterCommit) await afterCommit();
    moved += count;
    if (options.shouldStop?.()) return { moved, busy: false };
    if (count === 0 && !(await options.pending())) return { moved, busy: false };
  }
}
