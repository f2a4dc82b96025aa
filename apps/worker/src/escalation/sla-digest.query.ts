/**
 * Reading SLA digests back for the places that show them: the API's alert views and the notification
 * messages. A digest is its rows in `sla_alerted_mention` (worst first by position); the mentions it names
 * are read as they are now (an answer given since shows up in the inbox, not here).
 */
import type { SlaStage } from '@otklik/persistence';
import { SLA_DIGEST_NAMED } from './sla-digest';

export interface SlaDigestMention {
  mentionId: string;
  threadId: string;
  dueAt: Date | null;
  severity: string | null;
  priority: number;
  text: string;
  url: string | null;
  authorHandle: string | null;
}

export interface StoredSlaDigest {
  stage: SlaStage;
  /** Every mention of the digest, worst first. */
  mentionIds: string[];
  /** The first SLA_DIGEST_NAMED of them, with what a reader needs to pick one. */
  named: SlaDigestMention[];
}

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The digests of the given alerts (alerts that are not SLA digests are simply absent from the map). */
export async function loadSlaDigests(db: Queryable, alertIds: string[]): Promise<Map<string, StoredSlaDigest>> {
  const digests = new Map<string, StoredSlaDigest>();
  if (alertIds.length === 0) return digests;
  const members = (await db.query(
    `SELECT alert_id, stage, mention_id::text AS mention_id FROM sla_alerted_mention WHERE alert_id = ANY($1::uuid[]) ORDER BY alert_id, position, mention_id`,
    [alertIds],
  )) as { alert_id: string; stage: SlaStage; mention_id: string }[];
  for (const row of members) {
    const digest = digests.get(row.alert_id) ?? { stage: row.stage, mentionIds: [], named: [] };
    digest.mentionIds.push(row.mention_id);
    digests.set(row.alert_id, digest);
  }
  const namedIds = [...digests.values()].flatMap((digest) => digest.mentionIds.slice(0, SLA_DIGEST_NAMED));
  const mentions = await namedMentions(db, namedIds);
  for (const digest of digests.values()) {
    digest.named = digest.mentionIds.slice(0, SLA_DIGEST_NAMED).flatMap((id) => mentions.get(id) ?? []);
  }
  return digests;
}

async function namedMentions(db: Queryable, ids: string[]): Promise<Map<string, SlaDigestMention>> {
  if (ids.length === 0) return new Map();
  const rows = (await db.query(
    `SELECT m.id::text AS mention_id, m.thread_id, m.sla_due_at, m.severity, m.priority, m.text, m.url, au.handle
       FROM mention m LEFT JOIN author au ON au.id = m.author_id
      WHERE m.id = ANY($1::bigint[])`,
    [ids],
  )) as { mention_id: string; thread_id: string; sla_due_at: Date | null; severity: string | null; priority: number; text: string; url: string | null; handle: string | null }[];
  return new Map(
    rows.map((row) => [
      row.mention_id,
      { mentionId: row.mention_id, threadId: row.thread_id, dueAt: row.sla_due_at, severity: row.severity, priority: row.priority, text: row.text, url: row.url, authorHandle: row.handle },
    ]),
  );
}
