/** Row shapes read by the inbox queries and the JSON the API returns for them. */
import { CLOSED_STATUSES, slaClock, type SlaClock } from './sla-clock';

export interface ClaimView {
  userId: string;
  displayName: string | null;
  claimedAt: string;
  expiresAt: string;
}

export interface MentionListItem {
  id: string;
  channel: string;
  lang: string | null;
  text: string;
  url: string | null;
  isPrivate: boolean;
  publishedAt: string;
  waitingSeconds: number;
  status: string;
  priority: number;
  labels: {
    intent: string | null;
    cause: string | null;
    severity: string | null;
    sentiment: string | null;
    pii: string[];
    criticalData: boolean | null;
  };
  author: { id: string; handle: string | null; followers: number | null; verified: boolean | null; kind: string | null };
  brandId: string | null;
  threadId: string;
  incidentId: string | null;
  campaignId: string | null;
  assigneeId: string | null;
  claim: ClaimView | null;
  snoozedUntil: string | null;
  firstResponseAt: string | null;
  sla: SlaClock;
}

export interface MentionRow {
  id: string;
  channel: string;
  lang: string | null;
  text: string;
  url: string | null;
  is_private: boolean;
  published_at: Date;
  status: string;
  priority: number;
  intent: string | null;
  cause: string | null;
  severity: string | null;
  sentiment: string | null;
  pii: string[] | null;
  critical_data: boolean | null;
  author_id: string;
  handle: string | null;
  followers: number | null;
  verified: boolean | null;
  author_kind: string | null;
  brand_id: string | null;
  thread_id: string;
  incident_id: string | null;
  campaign_id: string | null;
  assignee_id: string | null;
  claimed_by: string | null;
  claimed_at: Date | null;
  claim_expires_at: Date | null;
  claimer_name: string | null;
  snoozed_until: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  sla_due_at: Date | null;
}

/** The SELECT list for MentionRow over `mention m JOIN author a LEFT JOIN app_user cu (claimer)`. */
export const MENTION_ROW_COLUMNS = `m.id, m.channel, m.lang, m.text, m.url, m.is_private, m.published_at, m.status, m.priority, m.intent, m.cause, m.severity,
  m.sentiment, m.pii, m.critical_data, m.author_id, a.handle, a.followers, a.verified, a.kind AS author_kind, m.brand_id, m.thread_id, m.incident_id,
  m.campaign_id, m.assignee_id, m.claimed_by, m.claimed_at, m.claim_expires_at, cu.display_name AS claimer_name, m.snoozed_until, m.first_response_at,
  m.resolved_at, m.sla_due_at`;

export const MENTION_ROW_JOINS = `JOIN author a ON a.id = m.author_id LEFT JOIN app_user cu ON cu.id = m.claimed_by`;

export function claimOf(
  row: Pick<MentionRow, 'claimed_by' | 'claimed_at' | 'claim_expires_at' | 'claimer_name'>,
  now: Date,
): ClaimView | null {
  if (!row.claimed_by || !row.claim_expires_at || row.claim_expires_at.getTime() <= now.getTime()) return null;
  return {
    userId: row.claimed_by,
    displayName: row.claimer_name,
    claimedAt: (row.claimed_at ?? row.claim_expires_at).toISOString(),
    expiresAt: row.claim_expires_at.toISOString(),
  };
}

export function listItem(row: MentionRow, now: Date, dueSoonMinutes: number): MentionListItem {
  return {
    id: row.id,
    channel: row.channel,
    lang: row.lang,
    text: row.text,
    url: row.url,
    isPrivate: row.is_private,
    publishedAt: row.published_at.toISOString(),
    waitingSeconds: Math.max(0, Math.round(((row.first_response_at ?? now).getTime() - row.published_at.getTime()) / 1000)),
    status: row.status,
    priority: row.priority,
    labels: {
      intent: row.intent,
      cause: row.cause,
      severity: row.severity,
      sentiment: row.sentiment,
      pii: row.pii ?? [],
      criticalData: row.critical_data,
    },
    author: { id: row.author_id, handle: row.handle, followers: row.followers, verified: row.verified, kind: row.author_kind },
    brandId: row.brand_id,
    threadId: row.thread_id,
    incidentId: row.incident_id,
    campaignId: row.campaign_id,
    assigneeId: row.assignee_id,
    claim: claimOf(row, now),
    snoozedUntil: row.snoozed_until?.toISOString() ?? null,
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    sla: slaClock(row.sla_due_at, row.first_response_at, now, dueSoonMinutes, CLOSED_STATUSES.has(row.status)),
  };
}
