/**
 * Stage 3, for mentions labelled but not routed: those an older version left in 'classified', or any other path
 * sends there (tests, a person's tooling). The classify stage routes what it labels itself (mention-routing.ts,
 * the same rules), so in normal running this stage finds nothing to do.
 */
import type { DataSource } from 'typeorm';
import { drainStage, pipelineLock, writeMentionRoutes } from '@otklik/persistence';
import type { InboxEventBus } from '@otklik/queues';
import type { RouteFollowUp } from '../escalation/route-follow-up';
import { pendingExists } from './classify-stage';
import { routeMentions, selectClassified } from './mention-routing';

export async function runRouteStage(
  dataSource: DataSource,
  events: InboxEventBus,
  workspaceId: string,
  batchSize: number,
  shouldStop?: () => boolean,
  followUp?: RouteFollowUp,
): Promise<number> {
  const { moved } = await drainStage(dataSource, {
    lockName: pipelineLock('route', workspaceId),
    pending: () => pendingExists(dataSource, workspaceId, 'classified'),
    shouldStop,
    batch: async (manager) => {
      const rows = await selectClassified(manager, workspaceId, batchSize);
      if (rows.length === 0) return { moved: 0 };
      const afterCommit = await routeMentions(manager, workspaceId, rows, (routes) => writeMentionRoutes(manager, routes), {
        events,
        followUp,
      });
      return { moved: rows.length, afterCommit };
    },
  });
  return moved;
}
