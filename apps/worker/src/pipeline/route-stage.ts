/**
 * Stage 3: put each classified mention where the right person sees it first: priority, SLA due time, the
 * do-not-engage lane for black PR, incident and campaign rows from the classifier's clusters; then an inbox
 * event once the batch is committed.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { addBusinessMinutes, laneOf, type Severity } from '@otklik/domain';
import {
  countLinkChanges,
  drainStage,
  linkClusters,
  priorityOfRow,
  workspaceSettings,
  type ClusterMember,
  type RoutingRow,
  type WorkspaceSettings,
} from '@otklik/persistence';
import type { InboxEventBus } from '@otklik/queues';
import type { RouteFollowUp } from '../escalation/route-follow-up';
import { pendingExists } from './classify-stage';

/** A classified mention as routing reads it: what ranks it, and its cluster keys and current links. */
interface Row extends RoutingRow, ClusterMember {
  ingested_at: Date;
  severity: Severity | null;
}

async function settingsOf(manager: EntityManager, workspaceId: string): Promise<WorkspaceSettings> {
  const [row] = await manager.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
  return workspaceSettings(row?.settings);
}

export async function runRouteStage(
  dataSource: DataSource,
  events: InboxEventBus,
  workspaceId: string,
  batchSize: number,
  shouldStop?: () => boolean,
  followUp?: RouteFollowUp,
): Promise<number> {
  const { moved } = await drainStage(dataSource, {
    lockName: `route:${workspaceId}`,
    pending: () => pendingExists(dataSource, workspaceId, 'classified'),
    shouldStop,
    batch: async (manager) => {
      const rows: Row[] = await manager.query(
        `SELECT m.id, m.published_at, m.incident_id, m.campaign_id, m.ingested_at, m.severity, m.cause, m.intent, m.critical_data, m.is_private, m.incident_key, m.campaign_key, m.text,
                a.followers, a.verified, a.kind
           FROM mention m JOIN author a ON a.id = m.author_id
          WHERE m.workspace_id = $1 AND m.stage = 'classified'
          ORDER BY m.id LIMIT $2`,
        [workspaceId, batchSize],
      );
      if (rows.length === 0) return { moved: 0 };
      const settings = await settingsOf(manager, workspaceId);
      const links = await linkClusters(manager, workspaceId, rows);
      const calendar = { timeZone: settings.timeZone, businessHours: settings.businessHours };
      await manager.query(
        `UPDATE mention m SET priority = v.priority, sla_due_at = v.due, status = CASE WHEN m.status = 'new' THEN v.status ELSE m.status END,
                incident_id = v.incident_id, campaign_id = v.campaign_id, stage = 'routed', stage_at = now()
           FROM unnest($1::bigint[], $2::int[], $3::timestamptz[], $4::text[], $5::uuid[], $6::uuid[]) AS v(id, priority, due, status, incident_id, campaign_id)
          WHERE m.id = v.id`,
        [
          rows.map((row) => row.id),
          rows.map(priorityOfRow),
          rows.map((row) => {
            // The customer's wait starts when they posted, or when we could first see it if the post is older.
            const start = new Date(Math.max(row.published_at.getTime(), row.ingested_at.getTime() - 3_600_000));
            return addBusinessMinutes(start, settings.slaFirstResponseMinutes[row.severity ?? 'medium'], calendar);
          }),
          rows.map((row) => laneOf(row.cause)),
          rows.map((row) => links.incidentOf.get(row.id) ?? null),
          rows.map((row) => links.campaignOf.get(row.id) ?? null),
        ],
      );
      await countLinkChanges(manager, rows, links);
      const ids = rows.map((row) => row.id);
      const followed = await followUp?.onRouted(manager, workspaceId, {
        mentionIds: ids,
        incidentIds: [...new Set(links.incidents.values())],
        campaignIds: [...new Set(links.campaigns.values())],
      });
      return {
        moved: rows.length,
        afterCommit: async () => {
          await events.publish({ type: 'mention.new', workspaceId, ids, at: new Date().toISOString() });
          await followed?.();
        },
      };
    },
  });
  return moved;
}
