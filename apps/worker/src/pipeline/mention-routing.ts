/**
 * The routing rules, in one place for both callers: put each labelled mention where the right person sees it
 * first (priority, SLA due time from the workspace's settings and business calendar, the do-not-engage lane for
 * black PR, incident and campaign rows from the classifier's clusters), then the cluster figures, the escalation
 * follow-up, and an inbox event once the batch is committed.
 *
 * The classify stage routes the batch it has just labelled (labels and routing stored in one statement); the
 * route stage routes mentions left labelled in 'classified' (by an older version, or sent back to routing). So
 * the mention write is the caller's: `routeMentions` decides, the caller stores, then the rest follows.
 */
import type { EntityManager } from 'typeorm';
import { addBusinessMinutes, laneOf, type MentionLabels, type Severity } from '@otklik/domain';
import {
  countLinkChanges,
  linkClusters,
  priorityOfRow,
  workspaceSettings,
  type ClusterMember,
  type MentionRoute,
  type RoutingRow,
  type WorkspaceSettings,
} from '@otklik/persistence';
import type { InboxEventBus } from '@otklik/queues';
import type { RouteFollowUp } from '../escalation/route-follow-up';
import type { PendingMention } from './labeler';

/** A labelled mention as routing reads it: what ranks it, when it arrived, its cluster keys and current links. */
export interface RoutableMention extends RoutingRow, ClusterMember {
  ingested_at: Date;
  severity: Severity | null;
}

export interface RoutingOutlets {
  events: InboxEventBus;
  followUp?: RouteFollowUp;
}

/** Mentions of the workspace waiting in 'classified', oldest first, as stored. */
export async function selectClassified(manager: EntityManager, workspaceId: string, limit: number): Promise<RoutableMention[]> {
  return manager.query(
    `SELECT m.id, m.published_at, m.incident_id, m.campaign_id, m.ingested_at, m.severity, m.cause, m.intent, m.critical_data, m.is_private, m.incident_key, m.campaign_key, m.text,
            a.followers, a.verified, a.kind
       FROM mention m JOIN author a ON a.id = m.author_id
      WHERE m.workspace_id = $1 AND m.stage = 'classified'
      ORDER BY m.id LIMIT $2`,
    [workspaceId, limit],
  );
}

/** A mention just labelled (not stored yet) as routing reads it: the same values `selectClassified` would read once stored. */
export function routableOf(mention: PendingMention, labels: MentionLabels | null): RoutableMention {
  return {
    id: mention.id,
    published_at: mention.routingState.publishedAt,
    ingested_at: mention.routingState.ingestedAt,
    incident_id: mention.routingState.incidentId,
    campaign_id: mention.routingState.campaignId,
    text: mention.text,
    is_private: mention.isPrivate,
    followers: mention.author.followers,
    verified: mention.author.verified,
    kind: mention.author.kind,
    severity: labels?.severity ?? null,
    cause: labels?.cause ?? null,
    intent: labels?.intent ?? null,
    critical_data: labels?.criticalData ?? null,
    incident_key: labels?.incident ?? null,
    campaign_key: labels?.campaign ?? null,
  };
}

async function settingsOf(manager: EntityManager, workspaceId: string): Promise<WorkspaceSettings> {
  const [row] = await manager.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
  return workspaceSettings(row?.settings);
}

function slaDueAt(row: RoutableMention, settings: WorkspaceSettings): Date {
  // The customer's wait starts when they posted, or when we could first see it if the post is older.
  const start = new Date(Math.max(row.published_at.getTime(), row.ingested_at.getTime() - 3_600_000));
  const calendar = { timeZone: settings.timeZone, businessHours: settings.businessHours };
  return addBusinessMinutes(start, settings.slaFirstResponseMinutes[row.severity ?? 'medium'], calendar);
}

/**
 * Routes `rows` inside the caller's transaction: finds or creates their incident and campaign rows, has `store`
 * write the routes (one per row, in order), keeps the cluster figures and runs the follow-up. Returns what to do
 * once the transaction is committed (the inbox event, the follow-up's own after-commit work).
 */
export async function routeMentions(
  manager: EntityManager,
  workspaceId: string,
  rows: RoutableMention[],
  store: (routes: MentionRoute[]) => Promise<void>,
  outlets: RoutingOutlets,
): Promise<() => Promise<void>> {
  if (rows.length === 0) return async () => undefined;
  const settings = await settingsOf(manager, workspaceId);
  const links = await linkClusters(manager, workspaceId, rows);
  await store(
    rows.map((row) => ({
      id: row.id,
      priority: priorityOfRow(row),
      slaDueAt: slaDueAt(row, settings),
      lane: laneOf(row.cause),
      incidentId: links.incidentOf.get(row.id) ?? null,
      campaignId: links.campaignOf.get(row.id) ?? null,
    })),
  );
  await countLinkChanges(manager, rows, links);
  const ids = rows.map((row) => row.id);
  const followed = await outlets.followUp?.onRouted(manager, workspaceId, {
    mentionIds: ids,
    incidentIds: [...new Set(links.incidents.values())],
    campaignIds: [...new Set(links.campaigns.values())],
  });
  return async () => {
    await outlets.events.publish({ type: 'mention.new', workspaceId, ids, at: new Date().toISOString() });
    await followed?.();
  };
}
