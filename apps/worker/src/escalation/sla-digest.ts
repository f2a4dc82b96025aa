/**
 * SLA breach digests (pure). An outage can push hundreds of mentions past their due time within minutes; one
 * alert per mention made an alert storm that got the channel muted. So each check groups the breaches it found
 * into one alert per workspace and recipient (the assignee; the team when nobody is assigned; the leads after
 * the grace period), worst first, naming a few and counting the rest. The reasons are plain English for
 * machine readers (API, webhooks); people read the localised rendering of the same digest
 * (notify/alert-message.ts, the web alerts page).
 */
import { SEVERITIES, isOneOf } from '@otklik/domain';
import type { SlaStage } from '@otklik/persistence';

/** How many mentions a digest names (the worst ones); the rest are counted, and listed by id in the API. */
export const SLA_DIGEST_NAMED = 5;

/** An open, unanswered mention past its first-response due time (plus the grace, for the leads). */
export interface SlaBreach {
  mentionId: string;
  workspaceId: string;
  threadId: string;
  assigneeId: string | null;
  severity: string | null;
  priority: number;
  dueAt: Date;
  /** How long after the due time the leads are told: the workspace's grace for the lead stage, else 0. */
  graceMinutes: number;
}

export interface SlaDigest {
  stage: SlaStage;
  workspaceId: string;
  /** The assignee, or null: the team (assignee stage, nobody assigned) or the leads (lead stage). */
  recipientUserId: string | null;
  recipientRole: 'lead' | null;
  /** Worst first; never empty. */
  breaches: SlaBreach[];
}

function severityRank(severity: string | null): number {
  return isOneOf(SEVERITIES, severity) ? SEVERITIES.indexOf(severity) : -1;
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Worst first: higher severity, then higher priority, then overdue longest; the mention id breaks ties. */
export function compareBreaches(a: SlaBreach, b: SlaBreach): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    b.priority - a.priority ||
    a.dueAt.getTime() - b.dueAt.getTime() ||
    compareIds(a.mentionId, b.mentionId)
  );
}

/** One digest per workspace and recipient, each worst first. */
export function groupBreaches(stage: SlaStage, breaches: SlaBreach[]): SlaDigest[] {
  const digests = new Map<string, SlaDigest>();
  for (const breach of [...breaches].sort(compareBreaches)) {
    const recipientUserId = stage === 'assignee' ? breach.assigneeId : null;
    const key = `${breach.workspaceId}/${recipientUserId ?? ''}`;
    let digest = digests.get(key);
    if (!digest) {
      digest = { stage, workspaceId: breach.workspaceId, recipientUserId, recipientRole: stage === 'lead' ? 'lead' : null, breaches: [] };
      digests.set(key, digest);
    }
    digest.breaches.push(breach);
  }
  return [...digests.values()];
}

/** The same digest holding only the mentions kept (those this check won); null when none is left. */
export function narrowDigest(digest: SlaDigest, keep: ReadonlySet<string>): SlaDigest | null {
  const breaches = digest.breaches.filter((breach) => keep.has(breach.mentionId));
  return breaches.length > 0 ? { ...digest, breaches } : null;
}

export function digestLevel(stage: SlaStage): 'warning' | 'critical' {
  return stage === 'lead' ? 'critical' : 'warning';
}

/** Event time: when the last of its mentions crossed the line (its due time, plus the grace for the leads). */
export function digestEventTime(digest: SlaDigest): Date {
  return new Date(Math.max(...digest.breaches.map((breach) => breach.dueAt.getTime() + breach.graceMinutes * 60_000)));
}

function isoMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}

/** A summary line, one line per named mention (worst first), and how many are not named. */
export function digestReasons(digest: SlaDigest): string[] {
  const count = digest.breaches.length;
  const mentions = count === 1 ? '1 mention' : `${count} mentions`;
  const summary =
    digest.stage === 'lead'
      ? `sla: ${mentions} still unanswered ${digest.breaches[0].graceMinutes} min after the first-response due time`
      : `sla: ${mentions} past the first-response due time with no answer yet`;
  const named = digest.breaches
    .slice(0, SLA_DIGEST_NAMED)
    .map((breach) => `sla: mention ${breach.mentionId} was due at ${isoMinute(breach.dueAt)} (${breach.severity ?? 'unclassified'} severity, priority ${breach.priority})`);
  const rest = count - named.length;
  return [summary, ...named, ...(rest > 0 ? [`sla: and ${rest} more`] : [])];
}
