/**
 * Stage 3: put each classified mention where the right person sees it first: priority, SLA due time, the
 * do-not-engage lane for black PR, incident and campaign rows from the classifier's clusters; then an inbox
 * event once the batch is committed.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { addBusinessMinutes, priorityOf, type Severity } from '@otklik/domain';
import { drainStage, workspaceSettings, type WorkspaceSettings } from '@otklik/persistence';
import type { InboxEventBus } from '@otklik/queues';
import type { RouteFollowUp } from '../escalation/route-follow-up';
import { pendingExists } from './classify-stage';

interface Row {
  id: string;
  published_at: Date;
  ingested_at: Date;
  severity: Severity | null;
  cause: string | null;
  intent: string | null;
  critical_data: boolean | null;
  is_private: boolean;
  incident_key: string | null;
  campaign_key: string | null;
  text: string;
  followers: number | null;
  verified: boolean | null;
  kind: string | null;
}

async function settingsOf(manager: EntityManager, workspaceId: string): Promise<WorkspaceSettings> {
  const [row] = await manager.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
  return workspaceSettings(row?.settings);
}

/** Upserts one incident or campaign row per cluster key in the batch; returns key → row id. */
async function clusterRows(manager: EntityManager, workspaceId: string, rows: Row[], kind: 'incident' | 'campaign'): Promise<Map<string, string>> {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const key = kind === 'incident' ? row.incident_key : row.campaign_key;
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  if (byKey.size === 0) return new Map();
  const keys = [...byKey.keys()];
  const counts = keys.map((key) => byKey.get(key)!.length);
  const first = keys.map((key) => byKey.get(key)![0].published_at);
  const last = keys.map((key) => byKey.get(key)!.at(-1)!.published_at);
  const result: { id: string; cluster_key: string }[] =
    kind === 'incident'
      ? await manager.query(
          `INSERT INTO incident (workspace_id, cluster_key, title, mention_count, affected_count, critical_data, first_seen_at, last_seen_at)
           SELECT $1, v.key, left(v.title, 140), v.n, v.n, v.critical, v.first, v.last
             FROM unnest($2::text[], $3::text[], $4::int[], $5::boolean[], $6::timestamptz[], $7::timestamptz[]) AS v(key, title, n, critical, first, last)
           ON CONFLICT (workspace_id, cluster_key) DO UPDATE SET mention_count = incident.mention_count + EXCLUDED.mention_count,
             critical_data = incident.critical_data OR EXCLUDED.critical_data, last_seen_at = GREATEST(incident.last_seen_at, EXCLUDED.last_seen_at), updated_at = now()
           RETURNING COALESCE(incident.merged_into_id, incident.id) AS id, cluster_key`,
          [
            workspaceId,
            keys,
            keys.map((key) => byKey.get(key)![0].text.replace(/\s+/g, ' ').trim()),
            counts,
            keys.map((key) => byKey.get(key)!.some((row) => row.critical_data === true)),
            first,
            last,
          ],
        )
      : await manager.query(
          `INSERT INTO campaign (workspace_id, cluster_key, post_count, first_seen_at, last_seen_at)
           SELECT $1, v.key, v.n, v.first, v.last FROM unnest($2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[]) AS v(key, n, first, last)
           ON CONFLICT (workspace_id, cluster_key) DO UPDATE SET post_count = campaign.post_count + EXCLUDED.post_count,
             last_seen_at = GREATEST(campaign.last_seen_at, EXCLUDED.last_seen_at)
           RETURNING id, cluster_key`,
          [workspaceId, keys, counts, first, last],
        );
  return new Map(result.map((row) => [row.cluster_key, row.id]));
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
        `SELECT m.id, m.published_at, m.ingested_at, m.severity, m.cause, m.intent, m.critical_data, m.is_private, m.incident_key, m.campaign_key, m.text,
                a.followers, a.verified, a.kind
           FROM mention m JOIN author a ON a.id = m.author_id
          WHERE m.workspace_id = $1 AND m.stage = 'classified'
          ORDER BY m.id LIMIT $2`,
        [workspaceId, batchSize],
      );
      if (rows.length === 0) return { moved: 0 };
      const settings = await settingsOf(manager, workspaceId);
      const incidents = await clusterRows(manager, workspaceId, rows, 'incident');
      const campaigns = await clusterRows(manager, workspaceId, rows, 'campaign');
      const calendar = { timeZone: settings.timeZone, businessHours: settings.businessHours };
      await manager.query(
        `UPDATE mention m SET priority = v.priority, sla_due_at = v.due, status = CASE WHEN m.status = 'new' THEN v.status ELSE m.status END,
                incident_id = v.incident_id, campaign_id = v.campaign_id, stage = 'routed', stage_at = now()
           FROM unnest($1::bigint[], $2::int[], $3::timestamptz[], $4::text[], $5::uuid[], $6::uuid[]) AS v(id, priority, due, status, incident_id, campaign_id)
          WHERE m.id = v.id`,
        [
          rows.map((row) => row.id),
          rows.map((row) =>
            priorityOf({
              severity: row.severity,
              cause: row.cause,
              intent: row.intent,
              criticalData: row.critical_data,
              followers: row.followers,
              verified: row.verified,
              authorKind: row.kind,
              isPrivate: row.is_private,
            }),
          ),
          rows.map((row) => {
            // The customer's wait starts when they posted, or when we could first see it if the post is older.
            const start = new Date(Math.max(row.published_at.getTime(), row.ingested_at.getTime() - 3_600_000));
            return addBusinessMinutes(start, settings.slaFirstResponseMinutes[row.severity ?? 'medium'], calendar);
          }),
          rows.map((row) => (row.cause === 'black_pr' ? 'do_not_engage' : 'new')),
          rows.map((row) => (row.incident_key ? (incidents.get(row.incident_key) ?? null) : null)),
          rows.map((row) => (row.campaign_key ? (campaigns.get(row.campaign_key) ?? null) : null)),
        ],
      );
      const ids = rows.map((row) => row.id);
      const followed = await followUp?.onRouted(manager, workspaceId, { mentionIds: ids, incidentIds: [...new Set(incidents.values())], campaignIds: [...new Set(campaigns.values())] });
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
