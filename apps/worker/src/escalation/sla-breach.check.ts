/**
 * SLA watch: routed mentions past their first-response due time with no answer yet. First the assignee is
 * alerted (or the team, when nobody is assigned), then, after the workspace's grace period, the leads. Each
 * check raises one digest alert per workspace and recipient (sla-digest.ts), not one per mention: an outage's
 * backlog must not become an alert storm.
 *
 * Once per mention and stage, across restarts and concurrent workers: in one transaction the check claims its
 * mentions in `sla_alerted_mention` (primary key mention + stage, ON CONFLICT DO NOTHING) and writes the digest
 * alerts for the ones it won. A mention another worker is claiming makes this insert wait for that transaction:
 * once it commits the mention is skipped here, if it rolls back it is ours. Claims go in mention-id order, so two
 * checks wait on each other in one direction only and cannot deadlock. The alerts' ids are chosen before the
 * claim (the claim rows name them; the foreign key is checked at commit).
 *
 * Breaches older than the lookback are left alone: a worker started after a long stop must not flood the
 * channels with yesterday's backlog. A check takes at most BATCH breaches per stage, oldest due first; more wait
 * for the next check (and its digest).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { SLA_STAGES, type SlaStage } from '@otklik/persistence';
import { DEFAULT_ALERT_THRESHOLDS } from './alerting-settings';
import { digestEventTime, digestLevel, digestReasons, groupBreaches, narrowDigest, type SlaBreach, type SlaDigest } from './sla-digest';

export const SLA_LOOKBACK_HOURS = 24;
const BATCH = 500;

/** The grace in minutes from the workspace JSON, guarded so a bad value cannot break the query. */
const GRACE_MINUTES = `CASE WHEN (w.settings->'alerts'->>'slaLeadGraceMinutes') ~ '^[0-9]{1,6}$'
  THEN (w.settings->'alerts'->>'slaLeadGraceMinutes')::int ELSE ${DEFAULT_ALERT_THRESHOLDS.slaLeadGraceMinutes} END`;

interface BreachRow {
  mention_id: string;
  workspace_id: string;
  thread_id: string;
  assignee_id: string | null;
  severity: string | null;
  priority: number;
  sla_due_at: Date;
  grace_minutes: number;
}

/** A digest and the id its alert will have. */
interface PlannedDigest {
  alertId: string;
  digest: SlaDigest;
}

/** Raises the digests of both stages; returns the ids of the alerts written. */
export async function checkSlaBreaches(dataSource: DataSource): Promise<string[]> {
  const alertIds: string[] = [];
  for (const stage of SLA_STAGES) alertIds.push(...(await raiseStage(dataSource, stage)));
  return alertIds;
}

async function raiseStage(dataSource: DataSource, stage: SlaStage): Promise<string[]> {
  const breaches = await findBreaches(dataSource, stage);
  if (breaches.length === 0) return [];
  const planned = groupBreaches(stage, breaches).map((digest): PlannedDigest => ({ alertId: randomUUID(), digest }));
  return dataSource.transaction(async (manager) => {
    const won = await claimMentions(manager, stage, planned);
    const raised = planned.flatMap(({ alertId, digest }) => {
      const kept = narrowDigest(digest, won);
      return kept ? [{ alertId, digest: kept }] : [];
    });
    await insertDigestAlerts(manager, raised);
    return raised.map((item) => item.alertId);
  });
}

/** Breaches not yet alerted for the stage, oldest due first. */
async function findBreaches(dataSource: DataSource, stage: SlaStage): Promise<SlaBreach[]> {
  const grace = stage === 'lead' ? GRACE_MINUTES : '0';
  const rows: BreachRow[] = await dataSource.query(
    `SELECT m.id::text AS mention_id, m.workspace_id, m.thread_id, m.assignee_id, m.severity, m.priority, m.sla_due_at, ${grace} AS grace_minutes
       FROM mention m JOIN workspace w ON w.id = m.workspace_id
      WHERE m.stage = 'routed' AND m.first_response_at IS NULL AND m.status IN ('new', 'open')
        AND m.sla_due_at <= now() - make_interval(mins => ${grace})
        AND m.sla_due_at > now() - make_interval(hours => $1) - make_interval(mins => ${grace})
        AND NOT EXISTS (SELECT 1 FROM sla_alerted_mention s WHERE s.mention_id = m.id AND s.stage = $2)
      ORDER BY m.sla_due_at
      LIMIT $3`,
    [SLA_LOOKBACK_HOURS, stage, BATCH],
  );
  return rows.map((row) => ({
    mentionId: row.mention_id,
    workspaceId: row.workspace_id,
    threadId: row.thread_id,
    assigneeId: row.assignee_id,
    severity: row.severity,
    priority: row.priority,
    dueAt: row.sla_due_at,
    graceMinutes: row.grace_minutes,
  }));
}

/** Claims the mentions for the stage; returns the ids this transaction won (not claimed by anyone before). */
async function claimMentions(manager: EntityManager, stage: SlaStage, planned: PlannedDigest[]): Promise<Set<string>> {
  const claims = planned.flatMap(({ alertId, digest }) => digest.breaches.map((breach, index) => ({ mentionId: breach.mentionId, alertId, position: index + 1 })));
  const won: { mention_id: string }[] = await manager.query(
    `INSERT INTO sla_alerted_mention (mention_id, stage, alert_id, position)
     SELECT c.mention_id, $1, c.alert_id, c.position
       FROM unnest($2::bigint[], $3::uuid[], $4::int[]) AS c(mention_id, alert_id, position)
      ORDER BY c.mention_id
     ON CONFLICT (mention_id, stage) DO NOTHING
     RETURNING mention_id::text AS mention_id`,
    [stage, claims.map((claim) => claim.mentionId), claims.map((claim) => claim.alertId), claims.map((claim) => claim.position)],
  );
  return new Set(won.map((row) => row.mention_id));
}

/** The alert rows; a digest of one names its mention and thread, so links to them keep working. */
async function insertDigestAlerts(manager: EntityManager, raised: PlannedDigest[]): Promise<void> {
  if (raised.length === 0) return;
  const rows = raised.map(({ alertId, digest }) => {
    const only = digest.breaches.length === 1 ? digest.breaches[0] : null;
    return {
      id: alertId,
      workspace_id: digest.workspaceId,
      level: digestLevel(digest.stage),
      reasons: digestReasons(digest),
      thread_id: only?.threadId ?? null,
      mention_id: only?.mentionId ?? null,
      recipient_user_id: digest.recipientUserId,
      recipient_role: digest.recipientRole,
      dedupe_key: `sla:${digest.stage}:${alertId}`,
      alerted_at: digestEventTime(digest).toISOString(),
    };
  });
  await manager.query(
    `INSERT INTO alert (id, workspace_id, kind, level, reasons, thread_id, mention_id, recipient_user_id, recipient_role, dedupe_key, alerted_at)
     SELECT r.id, r.workspace_id, 'sla_breach', r.level, r.reasons, r.thread_id, r.mention_id, r.recipient_user_id, r.recipient_role, r.dedupe_key, r.alerted_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, workspace_id uuid, level text, reasons jsonb, thread_id uuid, mention_id bigint,
                                              recipient_user_id uuid, recipient_role text, dedupe_key text, alerted_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}
