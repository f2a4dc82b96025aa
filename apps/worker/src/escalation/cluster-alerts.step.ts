/**
 * Alerts for the classifier's clusters, in the route stage's transaction: an incident once it has enough
 * mentions (and again, as critical, once critical data is reported affected; and when new reports arrive after
 * it was resolved), a black-PR campaign once it has enough posts. One dedupe key per incident and level / per campaign, so each is raised once however many
 * batches add to it.
 */
import type { EntityManager } from 'typeorm';

export interface ClusterAlertThresholds {
  incidentMinMentions: number;
  campaignMinPosts: number;
}

export async function raiseClusterAlerts(
  manager: EntityManager,
  workspaceId: string,
  incidentIds: string[],
  campaignIds: string[],
  thresholds: ClusterAlertThresholds,
): Promise<string[]> {
  const ids: string[] = [];
  if (incidentIds.length > 0) {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO alert (workspace_id, kind, level, reasons, incident_id, dedupe_key, alerted_at)
       SELECT i.workspace_id, 'incident', l.level,
              jsonb_build_array(format('incident: %s mentions from %s to %s', i.mention_count, to_char(i.first_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'),
                                       to_char(i.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')))
                || CASE WHEN i.critical_data THEN jsonb_build_array('critical_data: payment details, personal data or account access reported affected') ELSE '[]'::jsonb END,
              i.id, format('incident:%s:%s', i.id, l.level), COALESCE(i.last_seen_at, now())
         FROM incident i
         CROSS JOIN LATERAL (SELECT CASE WHEN i.critical_data THEN 'critical' ELSE 'warning' END AS level) l
        WHERE i.id = ANY($1::uuid[]) AND i.workspace_id = $2 AND i.mention_count >= $3 AND i.merged_into_id IS NULL AND i.status <> 'resolved'
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [incidentIds, workspaceId, thresholds.incidentMinMentions],
    );
    ids.push(...rows.map((row) => row.id));
    // New reports after PR resolved it: the fire may not be out. Once per resolution.
    const recurring: { id: string }[] = await manager.query(
      `INSERT INTO alert (workspace_id, kind, level, reasons, incident_id, dedupe_key, alerted_at)
       SELECT i.workspace_id, 'incident', 'warning',
              jsonb_build_array(format('incident: new mentions after it was resolved at %s', to_char(i.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'))),
              i.id, format('incident:%s:recurring:%s', i.id, floor(extract(epoch FROM i.resolved_at))), i.last_seen_at
         FROM incident i
        WHERE i.id = ANY($1::uuid[]) AND i.workspace_id = $2 AND i.status = 'resolved' AND i.merged_into_id IS NULL AND i.last_seen_at > i.resolved_at
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [incidentIds, workspaceId],
    );
    ids.push(...recurring.map((row) => row.id));
  }
  if (campaignIds.length > 0) {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO alert (workspace_id, kind, level, reasons, campaign_id, dedupe_key, alerted_at)
       SELECT c.workspace_id, 'campaign', 'warning',
              jsonb_build_array(format('campaign: %s near-identical posts from %s to %s', c.post_count, to_char(c.first_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'),
                                       to_char(c.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')),
                                'do not engage point by point: collect evidence, alert PR/legal, answer once with facts if reach grows'),
              c.id, format('campaign:%s:detected', c.id), COALESCE(c.last_seen_at, now())
         FROM campaign c
        WHERE c.id = ANY($1::uuid[]) AND c.workspace_id = $2 AND c.post_count >= $3
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [campaignIds, workspaceId, thresholds.campaignMinPosts],
    );
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}
