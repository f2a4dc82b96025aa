/**
 * Answering an incident's open mentions in one action, without one script for all (GUIDE §4 "no scripts"):
 * every mention gets its own reply from the suggestion builder (its own topic, wait and words), checked with
 * the reply policy in its own context, never the same body twice (the bodies written so far count as recent
 * replies, so a pasted paragraph is caught as `scripted`). The company's position (the optional template)
 * goes into each answer as a confirmed fact. Each reply is queued with an idempotency key per mention,
 * incident and action, so repeating the action queues nothing twice; critical public ones wait for pr.
 */
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@otklik/persistence';
import { QueueProducer } from '@otklik/queues';
import { checkReply, suggestReplies, type ReplyViolation } from '@otklik/reply-policy';
import { AuditService, type AuthUser } from '../auth';
import { InboxEventPublisher } from '../events/inbox-event.publisher';
import { conflict } from '../http/problem';
import { capabilitiesOf } from '../replies/channel-capabilities';
import { ReplyContextService } from '../replies/reply-context.service';
import { IncidentsService } from './incidents.service';
import { claimedByOther } from '../work/mention-work.service';

const APPROVER_ROLES: readonly Role[] = ['pr', 'admin'];
/** An action answers at most this many mentions; the rest wait for the next run (the key makes it resumable). */
export const REPLY_ALL_LIMIT = 300;

export type ReplyAllStatus = 'queued' | 'pending_approval' | 'already_queued' | 'skipped' | 'needs_review';

export interface ReplyAllItem {
  mentionId: string;
  status: ReplyAllStatus;
  replyId?: string;
  body?: string;
  reason?: string;
  violations?: ReplyViolation[];
}

export interface ReplyAllReport {
  incidentId: string;
  counts: Record<ReplyAllStatus, number>;
  items: ReplyAllItem[];
  /** More open mentions than one action answers: run it again. */
  remaining: number;
}

interface OpenMention {
  id: string;
  channel: string;
  is_private: boolean;
  severity: string | null;
  kind: string | null;
  claimed_by: string | null;
  claim_expires_at: Date | null;
}

/** The position goes after the opening sentence: thanks and acknowledgement first, as in every answer. */
export function withPosition(suggestion: string, position: string | undefined): string {
  if (!position) return suggestion;
  const match = /^(.+?[.!?])(\s+)([\s\S]*)$/u.exec(suggestion);
  return match ? `${match[1]} ${position.trim()}${match[2]}${match[3]}` : `${suggestion} ${position.trim()}`;
}

export function replyAllKey(incidentId: string, mentionId: string): string {
  return `incident:${incidentId}:reply-all:${mentionId}`;
}

@Injectable()
export class IncidentReplyAllService {
  private readonly logger = new Logger('incident-reply-all');

  constructor(
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly contexts: ReplyContextService,
    private readonly producer: QueueProducer,
    private readonly audit: AuditService,
    private readonly events: InboxEventPublisher,
  ) {}

  async replyAll(user: AuthUser, incidentId: string, template?: string): Promise<ReplyAllReport> {
    const incident = await this.incidents.row(user, incidentId);
    if (incident.merged_into_id) throw conflict('incident-merged', `incident ${incidentId} was merged into ${incident.merged_into_id}: answer from that one`, { mergedIntoId: incident.merged_into_id });
    const open: OpenMention[] = await this.dataSource.query(
      `SELECT m.id::text, m.channel, m.is_private, m.severity, a.kind, m.claimed_by, m.claim_expires_at
         FROM mention m JOIN author a ON a.id = m.author_id
        WHERE m.incident_id = $1 AND m.workspace_id = $2 AND m.stage = 'routed' AND m.status IN ('new', 'open', 'pending')
        ORDER BY m.published_at, m.id
        LIMIT ${REPLY_ALL_LIMIT + 1}`,
      [incidentId, user.workspaceId],
    );
    const remaining = Math.max(0, open.length - REPLY_ALL_LIMIT);
    const written: string[] = [];
    const items: ReplyAllItem[] = [];
    const toSend: string[] = [];
    for (const mention of open.slice(0, REPLY_ALL_LIMIT)) {
      const item = await this.answer(user, incidentId, mention, template, written);
      if (item.body && (item.status === 'queued' || item.status === 'pending_approval')) written.push(item.body);
      if (item.status === 'queued' && item.replyId) toSend.push(item.replyId);
      items.push(item);
    }
    for (const replyId of toSend) {
      try {
        await this.producer.sendReply(replyId);
      } catch (error) {
        // The row stays queued: the send queue's reconcile pass picks up queued rows whose job is missing.
        this.logger.warn(`reply ${replyId} is queued but could not be enqueued now: ${(error as Error).message}`);
      }
    }
    const counts: Record<ReplyAllStatus, number> = { queued: 0, pending_approval: 0, already_queued: 0, skipped: 0, needs_review: 0 };
    for (const item of items) counts[item.status] += 1;
    await this.audit.record(user.workspaceId, user.userId, 'incident.reply_all', { type: 'incident', id: incidentId }, { counts, template: template ?? null, remaining });
    const answered = items.filter((item) => item.status === 'queued' || item.status === 'pending_approval').map((item) => item.mentionId);
    await this.events.publish('mention.replied', user.workspaceId, answered, user.userId, { incidentId });
    return { incidentId, counts, items, remaining };
  }

  private async answer(user: AuthUser, incidentId: string, mention: OpenMention, template: string | undefined, written: string[]): Promise<ReplyAllItem> {
    const base = { mentionId: mention.id };
    if (mention.is_private) return { ...base, status: 'skipped', reason: 'a private message: answer it in its conversation' };
    if (mention.kind === 'brand') return { ...base, status: 'skipped', reason: "the brand's own post" };
    if (mention.kind === 'media') return { ...base, status: 'skipped', reason: 'a media outlet: PR answers journalists with the statement, not a customer reply' };
    if (claimedByOther(user.userId, mention)) {
      return { ...base, status: 'skipped', reason: 'another team member is working on this mention' };
    }
    const capabilities = capabilitiesOf(mention.channel);
    if (!capabilities.publicReply) return { ...base, status: 'skipped', reason: `${mention.channel} takes no public replies from us` };
    const existing: { id: string; status: string; body: string }[] = await this.dataSource.query('SELECT id, status, body FROM reply WHERE idempotency_key = $1', [replyAllKey(incidentId, mention.id)]);
    if (existing.length > 0) return { ...base, status: 'already_queued', replyId: existing[0].id, body: existing[0].body };

    const context = await this.contexts.build(user, await this.contexts.mention(user, mention.id));
    const input = { ...this.contexts.suggestionInput(context), recentReplies: [...(context.input.recentReplies ?? []), ...written] };
    const confirmedFacts = [...(context.input.confirmedFacts ?? []), ...(template ? [template] : [])];
    let lastViolations: ReplyViolation[] = [];
    for (const suggestion of suggestReplies({ ...input, visibility: 'public', confirmedFacts })) {
      const body = withPosition(suggestion.text, template);
      if (written.includes(body)) continue;
      if (capabilities.replyMaxLength !== null && body.length > capabilities.replyMaxLength) continue;
      const check = checkReply({ ...context.input, recentReplies: input.recentReplies, confirmedFacts, draft: body, visibility: 'public', locale: suggestion.lang });
      if (check.verdict !== 'ok') {
        lastViolations = check.violations;
        continue;
      }
      return this.store(user, incidentId, mention, body, check.violations);
    }
    return {
      ...base,
      status: 'needs_review',
      reason: lastViolations.length > 0 ? 'no suggestion passed the reply policy with this template: write this one by hand' : 'no distinct suggestion for this mention: write this one by hand',
      violations: lastViolations,
    };
  }

  private async store(user: AuthUser, incidentId: string, mention: OpenMention, body: string, violations: ReplyViolation[]): Promise<ReplyAllItem> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT status FROM mention WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [mention.id, user.workspaceId]);
      if (!current || !['new', 'open', 'pending'].includes(current.status)) return { mentionId: mention.id, status: 'skipped' as const, reason: `the mention is now ${current?.status ?? 'gone'}` };
      const status = mention.severity === 'critical' && !APPROVER_ROLES.includes(user.role) ? 'pending_approval' : 'queued';
      const id = randomUUID();
      const [row] = await manager.query(
        `INSERT INTO reply (id, workspace_id, mention_id, author_id, visibility, body, status, violations, idempotency_key)
         VALUES ($1, $2, $3, $4, 'public', $5, $6, $7::jsonb, $8)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [id, user.workspaceId, mention.id, user.userId, body, status, JSON.stringify(violations), replyAllKey(incidentId, mention.id)],
      );
      if (!row) return { mentionId: mention.id, status: 'already_queued' as const };
      if (status === 'queued') {
        // The first accepted public reply stops the first-response clock, as for a reply written by hand.
        await manager.query(`UPDATE mention SET first_response_at = COALESCE(first_response_at, now()), status = CASE WHEN status = 'new' THEN 'open' ELSE status END WHERE id = $1`, [mention.id]);
      }
      await this.audit.record(user.workspaceId, user.userId, 'reply.created', { type: 'reply', id }, { mentionId: mention.id, visibility: 'public', status, verdict: 'ok', incidentId, via: 'incident.reply_all' }, manager);
      return { mentionId: mention.id, status, replyId: id, body };
    });
  }
}
