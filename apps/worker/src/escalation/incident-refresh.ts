/**
 * Keeps each open incident's figures current: mentions, distinct affected people, velocity and trend, scope
 * and the places named (libs/escalation incident helpers). It runs from the monitor, off the hot path, for
 * incidents changed since their last refresh; a big incident is assessed on its latest mentions.
 */
import type { DataSource } from 'typeorm';
import type { MentionInput } from '@otklik/domain';
import { INCIDENT_TOTALS_SQL, mentionInputFromRow, type StoredMentionRow } from '@otklik/persistence';
import { assessIncident } from '@otklik/escalation';

/** How many of an incident's latest mentions its scope and velocity are read from. */
export const ASSESSMENT_SAMPLE = 2000;

type IncidentMentionRow = StoredMentionRow & { thread_external_id: string };

export async function incidentMentions(
  dataSource: Pick<DataSource, 'query'>,
  incidentId: string,
  limit = ASSESSMENT_SAMPLE,
): Promise<MentionInput[]> {
  const rows: IncidentMentionRow[] = await dataSource.query(
    `SELECT m.external_id, m.channel, m.lang, m.published_at, m.is_private, m.in_reply_to, m.text, m.url, t.external_id AS thread_external_id,
            a.external_id AS author_external_id, a.handle, a.followers, a.verified, a.account_created_at, a.kind
       FROM mention m JOIN author a ON a.id = m.author_id JOIN thread t ON t.id = m.thread_id
      WHERE m.incident_id = $1
      ORDER BY m.published_at DESC, m.id DESC
      LIMIT $2`,
    [incidentId, limit],
  );
  // Brand is left null: the assessment reads places and authors, not the brand.
  return rows.reverse().map((row) => mentionInputFromRow({ ...row, brand: null }));
}

/** Recomputes one incident's figures; returns false when it has no mentions (opened by hand, or emptied by a merge). */
export async function refreshIncident(dataSource: DataSource, incidentId: string, changedAt: Date | null): Promise<boolean> {
  const [totals]: { mentions: number; affected: number; first: Date | null; last: Date | null; critical: boolean | null }[] =
    await dataSource.query(INCIDENT_TOTALS_SQL, [[incidentId]]);
  const mentions = totals.mentions > 0 ? await incidentMentions(dataSource, incidentId) : [];
  const [incident]: { known_affected: number | null }[] = await dataSource.query('SELECT known_affected FROM incident WHERE id = $1', [
    incidentId,
  ]);
  const assessment = mentions.length > 0 ? assessIncident(mentions, { knownAffected: incident?.known_affected ?? null }) : null;
  await dataSource.query(
    `UPDATE incident SET
        mention_count = $2, affected_count = $3, first_seen_at = COALESCE($4, first_seen_at), last_seen_at = COALESCE($5, last_seen_at),
        critical_data = critical_data OR COALESCE($6, false),
        velocity_per_hour = COALESCE($7, velocity_per_hour), velocity_trend = COALESCE($8, velocity_trend),
        scope = CASE WHEN scope_manual OR $9::text IS NULL THEN scope ELSE $9 END,
        scope_confidence = CASE WHEN scope_manual OR $9::text IS NULL THEN scope_confidence ELSE $10 END,
        scope_explanation = CASE WHEN scope_manual OR $9::text IS NULL THEN scope_explanation ELSE $11::jsonb END,
        places = COALESCE($12::text[], places),
        refreshed_at = COALESCE($13, now())
      WHERE id = $1`,
    [
      incidentId,
      totals.mentions,
      totals.affected,
      totals.first,
      totals.last,
      totals.critical,
      assessment?.velocity.perHour ?? null,
      assessment?.velocity.trend ?? null,
      assessment?.scope.scope ?? null,
      assessment?.scope.confidence ?? null,
      JSON.stringify(assessment?.scope.explanation ?? []),
      assessment ? assessment.scope.places.map((place) => place.id) : null,
      // The change time we read, not now: a change landing while we computed leaves it stale, so it runs again.
      changedAt,
    ],
  );
  return totals.mentions > 0;
}

export async function refreshChangedIncidents(dataSource: DataSource, limit = 20): Promise<number> {
  const rows: { id: string; updated_at: Date }[] = await dataSource.query(
    `SELECT id, updated_at FROM incident
      WHERE merged_into_id IS NULL AND (refreshed_at IS NULL OR refreshed_at < updated_at)
      ORDER BY updated_at LIMIT $1`,
    [limit],
  );
  for (const row of rows) await refreshIncident(dataSource, row.id, row.updated_at);
  return rows.length;
}
