/**
 * Incident and campaign rows from the classifier's cluster keys (GUIDE §5-§6), shared by the route stage and
 * `otklik reclassify`:
 * - a key gets one row per workspace (created when first seen); a merged incident's key leads to the incident
 *   it was merged into, so new members of either cluster attach to the one people kept;
 * - a mention people attached to an incident opened by hand stays there whatever its key says;
 * - the route stage keeps the figures by counting the members whose link changed (a mention routed again is
 *   not counted twice); re-labelling recounts every row it touched from the mentions, and removes rows left
 *   without mentions unless people were told of them or worked on them (`PEOPLE_TOUCHED_*`).
 */
import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** A mention as linking reads it: its cluster keys and the rows it is linked to now. */
export interface ClusterMember {
  id: string;
  published_at: Date;
  text: string;
  critical_data: boolean | null;
  incident_key: string | null;
  campaign_key: string | null;
  incident_id: string | null;
  campaign_id: string | null;
}

export interface ClusterLinks {
  /** Member id → the incident / campaign row it belongs to (null: none). */
  incidentOf: Map<string, string | null>;
  campaignOf: Map<string, string | null>;
  /** Cluster key → row id (a merged incident's key → the incident it was merged into). */
  incidents: Map<string, string>;
  campaigns: Map<string, string>;
  /** Rows created for keys seen for the first time. */
  createdIncidents: Map<string, string>;
  createdCampaigns: Map<string, string>;
  /** New keys attached to an incident people worked on (`handOver`): key → that incident. */
  handedOver: Map<string, string>;
}

/**
 * Incidents people were told of or worked on: opened by hand, status, ETA, texts, known figures or scope set,
 * merged either way, an alert raised about them, or a person's action in the audit log. `$1`: candidate ids.
 */
const PEOPLE_TOUCHED_INCIDENTS = `
  SELECT i.id FROM incident i
   WHERE i.id = ANY($1::uuid[])
     AND (i.cluster_key IS NULL OR i.opened_by IS NOT NULL OR i.status <> 'investigating' OR i.eta IS NOT NULL OR i.summary IS NOT NULL
          OR i.workaround IS NOT NULL OR i.known_affected IS NOT NULL OR i.scope_manual OR i.merged_into_id IS NOT NULL
          OR EXISTS (SELECT 1 FROM incident o WHERE o.merged_into_id = i.id)
          OR EXISTS (SELECT 1 FROM alert a WHERE a.incident_id = i.id)
          OR EXISTS (SELECT 1 FROM audit_log l WHERE l.target_type = 'incident' AND l.target_id = i.id::text AND l.actor_id IS NOT NULL))`;

/** Campaigns people were told of or acted on: an alert raised about them, or a status other than active. */
const PEOPLE_TOUCHED_CAMPAIGNS = `
  SELECT c.id FROM campaign c
   WHERE c.id = ANY($1::uuid[]) AND (c.status <> 'active' OR EXISTS (SELECT 1 FROM alert a WHERE a.campaign_id = c.id))`;

/** Per incident: mentions, distinct affected people (not the brand, not media), first and last seen, any critical data. `$1`: ids. */
export const INCIDENT_TOTALS_SQL = `
  SELECT t.id, count(m.id)::int AS mentions,
         count(DISTINCT m.author_id) FILTER (WHERE a.kind IS DISTINCT FROM 'brand' AND a.kind IS DISTINCT FROM 'media')::int AS affected,
         min(m.published_at) AS first, max(m.published_at) AS last, bool_or(m.critical_data) AS critical
    FROM unnest($1::uuid[]) AS t(id)
    LEFT JOIN mention m ON m.incident_id = t.id
    LEFT JOIN author a ON a.id = m.author_id
   GROUP BY t.id`;

const CAMPAIGN_TOTALS_SQL = `
  SELECT t.id, count(m.id)::int AS posts, min(m.published_at) AS first, max(m.published_at) AS last
    FROM unnest($1::uuid[]) AS t(id)
    LEFT JOIN mention m ON m.campaign_id = t.id
   GROUP BY t.id`;

async function ids(manager: Queryable, sql: string, candidates: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(candidates)];
  if (list.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(sql, [list]);
  return new Set(rows.map((row) => row.id));
}

function groupBy(members: ClusterMember[], key: (member: ClusterMember) => string | null): Map<string, ClusterMember[]> {
  const groups = new Map<string, ClusterMember[]>();
  for (const member of members) {
    const value = key(member);
    if (value) groups.set(value, [...(groups.get(value) ?? []), member]);
  }
  return groups;
}

const earliest = (members: ClusterMember[]) => new Date(Math.min(...members.map((member) => member.published_at.getTime())));
const latest = (members: ClusterMember[]) => new Date(Math.max(...members.map((member) => member.published_at.getTime())));
const title = (member: ClusterMember) => member.text.replace(/\s+/g, ' ').trim();

/**
 * The incident people worked on that at least half of a new key's members come from, or null: re-labelling
 * attaches the new key there instead of opening a second incident beside the one people know.
 */
export function handOverTarget(members: Pick<ClusterMember, 'incident_id'>[], touched: Set<string>): string | null {
  const votes = new Map<string, number>();
  for (const member of members)
    if (member.incident_id && touched.has(member.incident_id)) votes.set(member.incident_id, (votes.get(member.incident_id) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, count] of votes) if (best === null || count > votes.get(best)!) best = id;
  return best !== null && votes.get(best)! * 2 >= members.length ? best : null;
}

async function incidentRows(
  manager: Queryable,
  workspaceId: string,
  groups: Map<string, ClusterMember[]>,
  handOver: boolean,
): Promise<{ byKey: Map<string, string>; created: Map<string, string>; handedOver: Map<string, string> }> {
  const keys = [...groups.keys()];
  const byKey = new Map<string, string>();
  const created = new Map<string, string>();
  const handedOver = new Map<string, string>();
  if (keys.length === 0) return { byKey, created, handedOver };
  // Shared locks, in id order as a merge takes its own: a merge running now either waits for this batch (and then
  // moves what it linked) or finishes first (and this batch links to the incident it merged into).
  const existing: { cluster_key: string; id: string }[] = await manager.query(
    'SELECT cluster_key, COALESCE(merged_into_id, id) AS id FROM incident WHERE workspace_id = $1 AND cluster_key = ANY($2::text[]) ORDER BY id FOR SHARE',
    [workspaceId, keys],
  );
  for (const row of existing) byKey.set(row.cluster_key, row.id);
  const missing = keys.filter((key) => !byKey.has(key));
  if (missing.length === 0) return { byKey, created, handedOver };
  const touched = handOver
    ? await ids(
        manager,
        PEOPLE_TOUCHED_INCIDENTS,
        missing.flatMap((key) => groups.get(key)!.flatMap((member) => (member.incident_id ? [member.incident_id] : []))),
      )
    : new Set<string>();
  const into = missing.map((key) => handOverTarget(groups.get(key)!, touched));
  const inserted: { id: string; cluster_key: string; merged_into_id: string | null }[] = await manager.query(
    `INSERT INTO incident (workspace_id, cluster_key, title, critical_data, first_seen_at, last_seen_at, merged_into_id)
     SELECT $1, v.key, left(v.title, 140), v.critical, v.first, v.last, v.merged_into
       FROM unnest($2::text[], $3::text[], $4::boolean[], $5::timestamptz[], $6::timestamptz[], $7::uuid[]) AS v(key, title, critical, first, last, merged_into)
     ON CONFLICT (workspace_id, cluster_key) DO NOTHING
     RETURNING id, cluster_key, merged_into_id`,
    [
      workspaceId,
      missing,
      missing.map((key) => title(groups.get(key)![0])),
      missing.map((key) => groups.get(key)!.some((member) => member.critical_data === true)),
      missing.map((key) => earliest(groups.get(key)!)),
      missing.map((key) => latest(groups.get(key)!)),
      into,
    ],
  );
  for (const row of inserted) {
    created.set(row.cluster_key, row.id);
    byKey.set(row.cluster_key, row.merged_into_id ?? row.id);
    if (row.merged_into_id) handedOver.set(row.cluster_key, row.merged_into_id);
  }
  if (inserted.length < missing.length) {
    // Another writer created some meanwhile (the stages' locks make this rare): read those.
    const raced: { cluster_key: string; id: string }[] = await manager.query(
      'SELECT cluster_key, COALESCE(merged_into_id, id) AS id FROM incident WHERE workspace_id = $1 AND cluster_key = ANY($2::text[])',
      [workspaceId, missing.filter((key) => !created.has(key))],
    );
    for (const row of raced) byKey.set(row.cluster_key, row.id);
  }
  return { byKey, created, handedOver };
}

async function campaignRows(
  manager: Queryable,
  workspaceId: string,
  groups: Map<string, ClusterMember[]>,
): Promise<{ byKey: Map<string, string>; created: Map<string, string> }> {
  const keys = [...groups.keys()];
  const byKey = new Map<string, string>();
  const created = new Map<string, string>();
  if (keys.length === 0) return { byKey, created };
  const rows: { id: string; cluster_key: string; created: boolean }[] = await manager.query(
    `WITH inserted AS (
       INSERT INTO campaign (workspace_id, cluster_key, first_seen_at, last_seen_at)
       SELECT $1, v.key, v.first, v.last FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[]) AS v(key, first, last)
       ON CONFLICT (workspace_id, cluster_key) DO NOTHING
       RETURNING id, cluster_key)
     SELECT id, cluster_key, true AS created FROM inserted
     UNION ALL
     SELECT id, cluster_key, false FROM campaign WHERE workspace_id = $1 AND cluster_key = ANY($2::text[])`,
    [workspaceId, keys, keys.map((key) => earliest(groups.get(key)!)), keys.map((key) => latest(groups.get(key)!))],
  );
  for (const row of rows) {
    byKey.set(row.cluster_key, row.id);
    if (row.created) created.set(row.cluster_key, row.id);
  }
  return { byKey, created };
}

/**
 * Finds or creates the rows for the members' cluster keys and decides each member's links. Nothing about the
 * members is written. `handOver` (re-labelling): a key seen for the first time whose members come from an
 * incident people worked on is attached to that incident (created as merged into it).
 */
export async function linkClusters(
  manager: Queryable,
  workspaceId: string,
  members: ClusterMember[],
  options: { handOver?: boolean } = {},
): Promise<ClusterLinks> {
  const manual = await ids(
    manager,
    'SELECT id FROM incident WHERE id = ANY($1::uuid[]) AND cluster_key IS NULL',
    members.flatMap((member) => (member.incident_id ? [member.incident_id] : [])),
  );
  const kept = (member: ClusterMember) => member.incident_id !== null && manual.has(member.incident_id);
  const incidents = await incidentRows(
    manager,
    workspaceId,
    groupBy(members, (member) => (kept(member) ? null : member.incident_key)),
    options.handOver ?? false,
  );
  const campaigns = await campaignRows(
    manager,
    workspaceId,
    groupBy(members, (member) => member.campaign_key),
  );
  const incidentOf = new Map<string, string | null>();
  const campaignOf = new Map<string, string | null>();
  for (const member of members) {
    incidentOf.set(
      member.id,
      kept(member) ? member.incident_id : member.incident_key ? (incidents.byKey.get(member.incident_key) ?? null) : null,
    );
    campaignOf.set(member.id, member.campaign_key ? (campaigns.byKey.get(member.campaign_key) ?? null) : null);
  }
  return {
    incidentOf,
    campaignOf,
    incidents: incidents.byKey,
    campaigns: campaigns.byKey,
    createdIncidents: incidents.created,
    createdCampaigns: campaigns.created,
    handedOver: incidents.handedOver,
  };
}

export interface LinkChange {
  id: string;
  delta: number;
  gained: number;
  first: Date | null;
  last: Date | null;
  critical: boolean;
}

/**
 * Per row, how its membership changes when the members move from `previous` to `next`: the net count and
 * what the members it gains bring (first and last seen, critical data). Members that stay put change nothing.
 */
export function linkChanges(
  members: ClusterMember[],
  previous: (member: ClusterMember) => string | null,
  next: (member: ClusterMember) => string | null,
): LinkChange[] {
  const changes = new Map<string, LinkChange>();
  const change = (id: string) => {
    let entry = changes.get(id);
    if (!entry) changes.set(id, (entry = { id, delta: 0, gained: 0, first: null, last: null, critical: false }));
    return entry;
  };
  for (const member of members) {
    const before = previous(member);
    const after = next(member);
    if (before === after) continue;
    if (before) change(before).delta -= 1;
    if (after) {
      const entry = change(after);
      entry.delta += 1;
      entry.gained += 1;
      const at = member.published_at;
      if (!entry.first || at < entry.first) entry.first = at;
      if (!entry.last || at > entry.last) entry.last = at;
      entry.critical ||= member.critical_data === true;
    }
  }
  return [...changes.values()];
}

/**
 * The route stage's upkeep once the members' links are stored: a row gains the members newly linked to it and
 * loses those that left, so a mention routed again counts once. A row created now takes its gain as its
 * provisional affected figure, as before; afterwards the incident monitor recounts distinct people.
 */
export async function countLinkChanges(manager: Queryable, members: ClusterMember[], links: ClusterLinks): Promise<void> {
  const created = new Set(links.createdIncidents.values());
  const incidents = linkChanges(
    members,
    (member) => member.incident_id,
    (member) => links.incidentOf.get(member.id) ?? null,
  );
  if (incidents.length > 0) {
    await manager.query(
      `UPDATE incident i SET mention_count = GREATEST(i.mention_count + v.delta, 0),
              affected_count = CASE WHEN v.created THEN i.affected_count + v.gained ELSE i.affected_count END,
              first_seen_at = CASE WHEN v.gained > 0 THEN LEAST(i.first_seen_at, v.first) ELSE i.first_seen_at END,
              last_seen_at = CASE WHEN v.gained > 0 THEN GREATEST(i.last_seen_at, v.last) ELSE i.last_seen_at END,
              critical_data = i.critical_data OR v.critical, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::boolean[], $7::boolean[])
           AS v(id, delta, gained, first, last, critical, created)
        WHERE i.id = v.id`,
      [
        incidents.map((change) => change.id),
        incidents.map((change) => change.delta),
        incidents.map((change) => change.gained),
        incidents.map((change) => change.first),
        incidents.map((change) => change.last),
        incidents.map((change) => change.critical),
        incidents.map((change) => created.has(change.id)),
      ],
    );
  }
  const campaigns = linkChanges(
    members,
    (member) => member.campaign_id,
    (member) => links.campaignOf.get(member.id) ?? null,
  );
  if (campaigns.length > 0) {
    await manager.query(
      `UPDATE campaign c SET post_count = GREATEST(c.post_count + v.delta, 0),
              first_seen_at = CASE WHEN v.gained > 0 THEN LEAST(c.first_seen_at, v.first) ELSE c.first_seen_at END,
              last_seen_at = CASE WHEN v.gained > 0 THEN GREATEST(c.last_seen_at, v.last) ELSE c.last_seen_at END
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[], $5::timestamptz[]) AS v(id, delta, gained, first, last)
        WHERE c.id = v.id`,
      [
        campaigns.map((change) => change.id),
        campaigns.map((change) => change.delta),
        campaigns.map((change) => change.gained),
        campaigns.map((change) => change.first),
        campaigns.map((change) => change.last),
      ],
    );
  }
}

/**
 * Recounts incident and campaign rows from their mentions (a count, not an increment, so recounting twice
 * changes nothing). A row without mentions keeps its first and last seen; critical data once seen stays set.
 * Returns the rows whose figures changed.
 */
export async function recountClusters(
  manager: Queryable,
  incidentIds: Iterable<string>,
  campaignIds: Iterable<string>,
): Promise<{ incidents: string[]; campaigns: string[] }> {
  const incidents = [...new Set(incidentIds)];
  const campaigns = [...new Set(campaignIds)];
  const [changedIncidents]: [{ id: string }[], number] =
    incidents.length === 0
      ? [[], 0]
      : await manager.query(
          `UPDATE incident i SET mention_count = s.mentions, affected_count = s.affected, first_seen_at = COALESCE(s.first, i.first_seen_at),
                  last_seen_at = COALESCE(s.last, i.last_seen_at), critical_data = i.critical_data OR COALESCE(s.critical, false), updated_at = now()
             FROM (${INCIDENT_TOTALS_SQL}) s
            WHERE i.id = s.id
              AND (i.mention_count, i.affected_count, i.first_seen_at, i.last_seen_at, i.critical_data)
                  IS DISTINCT FROM (s.mentions, s.affected, COALESCE(s.first, i.first_seen_at), COALESCE(s.last, i.last_seen_at), i.critical_data OR COALESCE(s.critical, false))
           RETURNING i.id`,
          [incidents],
        );
  const [changedCampaigns]: [{ id: string }[], number] =
    campaigns.length === 0
      ? [[], 0]
      : await manager.query(
          `UPDATE campaign c SET post_count = s.posts, first_seen_at = COALESCE(s.first, c.first_seen_at), last_seen_at = COALESCE(s.last, c.last_seen_at)
             FROM (${CAMPAIGN_TOTALS_SQL}) s
            WHERE c.id = s.id
              AND (c.post_count, c.first_seen_at, c.last_seen_at) IS DISTINCT FROM (s.posts, COALESCE(s.first, c.first_seen_at), COALESCE(s.last, c.last_seen_at))
           RETURNING c.id`,
          [campaigns],
        );
  return { incidents: changedIncidents.map((row) => row.id), campaigns: changedCampaigns.map((row) => row.id) };
}

export interface EmptiedClusters {
  deletedIncidents: string[];
  /** Left without mentions but kept: people were told of them or worked on them. */
  keptIncidents: string[];
  deletedCampaigns: string[];
  keptCampaigns: string[];
}

/**
 * Rows among the candidates that no mention links to any more: deleted when nobody was told of them or worked
 * on them (their cluster is gone, and a row would only be noise in the incident list); kept otherwise, their
 * history intact. Alerts of a deleted row stay, unlinked.
 */
export async function removeEmptiedClusters(
  manager: Queryable,
  incidentIds: Iterable<string>,
  campaignIds: Iterable<string>,
): Promise<EmptiedClusters> {
  const emptyIncidents = await ids(
    manager,
    'SELECT i.id FROM incident i WHERE i.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM mention m WHERE m.incident_id = i.id)',
    incidentIds,
  );
  const emptyCampaigns = await ids(
    manager,
    'SELECT c.id FROM campaign c WHERE c.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM mention m WHERE m.campaign_id = c.id)',
    campaignIds,
  );
  const touchedIncidents = await ids(manager, PEOPLE_TOUCHED_INCIDENTS, emptyIncidents);
  const touchedCampaigns = await ids(manager, PEOPLE_TOUCHED_CAMPAIGNS, emptyCampaigns);
  const deletedIncidents = [...emptyIncidents].filter((id) => !touchedIncidents.has(id));
  const deletedCampaigns = [...emptyCampaigns].filter((id) => !touchedCampaigns.has(id));
  if (deletedIncidents.length > 0) await manager.query('DELETE FROM incident WHERE id = ANY($1::uuid[])', [deletedIncidents]);
  if (deletedCampaigns.length > 0) await manager.query('DELETE FROM campaign WHERE id = ANY($1::uuid[])', [deletedCampaigns]);
  return { deletedIncidents, keptIncidents: [...touchedIncidents], deletedCampaigns, keptCampaigns: [...touchedCampaigns] };
}
