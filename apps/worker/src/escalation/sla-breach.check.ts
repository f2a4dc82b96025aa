/**
 * SLA watch: routed mentions past their first-response due time with no answer yet. First the assignee is
 * alerted (or the team, when nobody is assigned), then, after the workspace's grace period, the leads. One
 * alert per mention and stage (dedupe key), found through a partial index on open unanswered mentions.
 * Breaches older than the lookback are left alone: a worker started after a long stop must not flood the
 * channels with yesterday's backlog.
 */
import type { DataSource } from 'typeorm';
import { DEFAULT_ALERT_THRESHOLDS } from './alerting-settings';

export const SLA_LOOKBACK_HOURS = 24;
const BATCH = 500;

/** The grace in minutes from the workspace JSON, guarded so a bad value cannot break the query. */
const GRACE_MINUTES = `CASE WHEN (w.settings->'alerts'->>'slaLeadGraceMinutes') ~ '^[0-9]{1,6}$'
  THEN (w.settings->'alerts'->>'slaLeadGraceMinutes')::int ELSE ${DEFAULT_ALERT_THRESHOLDS.slaLeadGraceMinutes} END`;

export async function checkSlaBreaches(dataSource: DataSource): Promise<string[]> {
  const assignee: { id: string }[] = await dataSource.query(
    `INSERT INTO alert (workspace_id, kind, level, reasons, thread_id, mention_id, recipient_user_id, dedupe_key, alerted_at)
     SELECT m.workspace_id, 'sla_breach', 'warning',
            jsonb_build_array(format('sla: first response was due at %s (%s severity, priority %s); no answer yet',
              to_char(m.sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'), COALESCE(m.severity, 'unclassified'), m.priority)),
            m.thread_id, m.id, m.assignee_id, 'sla:' || m.id || ':assignee', m.sla_due_at
       FROM mention m
      WHERE m.stage = 'routed' AND m.first_response_at IS NULL AND m.status IN ('new', 'open')
        AND m.sla_due_at <= now() AND m.sla_due_at > now() - make_interval(hours => $1)
        AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.dedupe_key = 'sla:' || m.id || ':assignee')
      ORDER BY m.sla_due_at
      LIMIT $2
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [SLA_LOOKBACK_HOURS, BATCH],
  );
  const leads: { id: string }[] = await dataSource.query(
    `INSERT INTO alert (workspace_id, kind, level, reasons, thread_id, mention_id, recipient_role, dedupe_key, alerted_at)
     SELECT m.workspace_id, 'sla_breach', 'critical',
            jsonb_build_array(format('sla: first response was due at %s (%s severity, priority %s); still no answer %s min later',
              to_char(m.sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'), COALESCE(m.severity, 'unclassified'), m.priority, ${GRACE_MINUTES})),
            m.thread_id, m.id, 'lead', 'sla:' || m.id || ':lead', m.sla_due_at + make_interval(mins => ${GRACE_MINUTES})
       FROM mention m JOIN workspace w ON w.id = m.workspace_id
      WHERE m.stage = 'routed' AND m.first_response_at IS NULL AND m.status IN ('new', 'open')
        AND m.sla_due_at <= now() - make_interval(mins => ${GRACE_MINUTES})
        AND m.sla_due_at > now() - make_interval(hours => $1) - make_interval(mins => ${GRACE_MINUTES})
        AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.dedupe_key = 'sla:' || m.id || ':lead')
      ORDER BY m.sla_due_at
      LIMIT $2
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [SLA_LOOKBACK_HOURS, BATCH],
  );
  return [...assignee, ...leads].map((row) => row.id);
}
