/**
 * Replies: "reply publicly, resolve privately" enforced at the door.
 * - The draft is checked with libs/reply-policy. Block rules refuse it (422 with rule ids and spans) unless a
 *   lead or pr overrides with a reason (audited); every warn rule present must be acknowledged.
 * - Public replies to critical mentions wait for pr approval (pending_approval) unless pr/admin wrote them.
 * - An accepted reply is `queued` with an idempotency key derived from its id and goes to the send queue; the
 *   reply row is the durable hand-off (the send processor re-enqueues queued rows whose job was lost).
 * - The first accepted public reply stops the mention's first-response clock (a private one does, for a DM).
 */
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@otklik/persistence';
import { QueueProducer } from '@otklik/queues';
import { checkReply, suggestReplies, type ReplyCheck, type SuggestedReply } from '@otklik/reply-policy';
import { AuditService, type AuthUser } from '../auth';
import { InboxEventPublisher } from '../events/inbox-event.publisher';
import { conflict, forbidden, notFound, ProblemException } from '../http/problem';
import { queryRows } from '../http/sql-rows';
import { assertNotClaimedByOther } from '../work/mention-work.service';
import { capabilitiesOf } from './channel-capabilities';
import type { CheckReplyDto, CreateReplyDto } from './reply.dto';
import { ReplyContextService, type ReplyMentionRow } from './reply-context.service';

const OVERRIDE_ROLES: readonly Role[] = ['lead', 'pr', 'admin'];
const APPROVER_ROLES: readonly Role[] = ['pr', 'admin'];

export interface ReplyView {
  id: string;
  mentionId: string;
  caseId: string | null;
  visibility: 'public' | 'private';
  body: string;
  status: string;
  failureReason: string | null;
  violations: unknown[];
  acknowledged: string[];
  overrideReason: string | null;
  authorId: string | null;
  approverId: string | null;
  approvedAt: string | null;
  idempotencyKey: string;
  platformId: string | null;
  sentAt: string | null;
  createdAt: string;
}

interface ReplyRow {
  id: string;
  mention_id: string;
  case_id: string | null;
  visibility: 'public' | 'private';
  body: string;
  status: string;
  failure_reason: string | null;
  violations: unknown[];
  acknowledged: string[];
  override_reason: string | null;
  author_id: string | null;
  approver_id: string | null;
  approved_at: Date | null;
  idempotency_key: string;
  platform_id: string | null;
  sent_at: Date | null;
  created_at: Date;
}

const REPLY_COLUMNS = `id, mention_id::text, case_id, visibility, body, status, failure_reason, violations, acknowledged, override_reason, author_id, approver_id,
  approved_at, idempotency_key, platform_id, sent_at, created_at`;

export function replyView(row: ReplyRow): ReplyView {
  return {
    id: row.id,
    mentionId: row.mention_id,
    caseId: row.case_id,
    visibility: row.visibility,
    body: row.body,
    status: row.status,
    failureReason: row.failure_reason,
    violations: row.violations,
    acknowledged: row.acknowledged,
    overrideReason: row.override_reason,
    authorId: row.author_id,
    approverId: row.approver_id,
    approvedAt: row.approved_at?.toISOString() ?? null,
    idempotencyKey: row.idempotency_key,
    platformId: row.platform_id,
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

@Injectable()
export class RepliesService {
  private readonly logger = new Logger('replies');

  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: ReplyContextService,
    private readonly audit: AuditService,
    private readonly producer: QueueProducer,
    private readonly events: InboxEventPublisher,
  ) {}

  async check(
    user: AuthUser,
    mentionId: string,
    body: CheckReplyDto,
  ): Promise<ReplyCheck & { channel: { name: string; publicReply: boolean; privateMessage: boolean; replyMaxLength: number | null } }> {
    const mention = await this.contexts.mention(user, mentionId);
    const context = await this.contexts.build(user, mention);
    const capabilities = capabilitiesOf(mention.channel);
    return {
      ...checkReply({ ...context.input, draft: body.body, visibility: body.visibility }),
      channel: {
        name: mention.channel,
        publicReply: capabilities.publicReply,
        privateMessage: capabilities.privateMessage,
        replyMaxLength: capabilities.replyMaxLength,
      },
    };
  }

  async suggestions(user: AuthUser, mentionId: string): Promise<{ lang: string; suggestions: SuggestedReply[] }> {
    const mention = await this.contexts.mention(user, mentionId);
    const context = await this.contexts.build(user, mention);
    const input = this.contexts.suggestionInput(context);
    return { lang: String(input.locale ?? 'en'), suggestions: suggestReplies(input) };
  }

  async get(user: AuthUser, replyId: string): Promise<ReplyView> {
    const [row] = (await this.dataSource.query(`SELECT ${REPLY_COLUMNS} FROM reply WHERE id = $1 AND workspace_id = $2`, [
      replyId,
      user.workspaceId,
    ])) as ReplyRow[];
    if (!row) throw notFound('reply', replyId);
    return replyView(row);
  }

  async create(user: AuthUser, mentionId: string, body: CreateReplyDto): Promise<ReplyView> {
    const { reply, enqueue } = await this.dataSource.transaction(async (manager) => {
      const mention = await this.contexts.mention(user, mentionId, manager);
      assertNotClaimedByOther(user.userId, mention);
      const capabilities = capabilitiesOf(mention.channel);
      const canOverride = OVERRIDE_ROLES.includes(user.role);
      if (body.override && !canOverride)
        throw forbidden(`overriding the reply policy needs the role lead or pr; your role in this workspace is ${user.role}`);
      if (mention.status === 'do_not_engage' && !(body.override && canOverride)) {
        throw conflict(
          'do-not-engage',
          'this mention is marked do-not-engage (coordinated or inauthentic): a lead or pr may still answer once, with an override reason',
        );
      }
      if (capabilities.replyMaxLength !== null && body.body.length > capabilities.replyMaxLength) {
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'validation',
          `body: ${mention.channel} accepts at most ${capabilities.replyMaxLength} characters`,
          {
            errors: [{ field: 'body', reason: `must be at most ${capabilities.replyMaxLength} characters on ${mention.channel}` }],
          },
        );
      }
      const caseId = body.visibility === 'private' ? await this.privateConversation(manager, user, mention) : null;
      const context = await this.contexts.build(user, mention, manager);
      const check = checkReply({ ...context.input, draft: body.body, visibility: body.visibility });
      const blocks = check.violations.filter((violation) => violation.level === 'block');
      const warns = check.violations.filter((violation) => violation.level === 'warn');
      if (blocks.length > 0 && !body.override) {
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'reply-blocked',
          `the reply breaks ${blocks.map((violation) => violation.rule).join(', ')}: ${blocks.map((violation) => violation.message).join(' ')}`,
          {
            ruleIds: blocks.map((violation) => violation.rule),
            violations: check.violations,
            errors: blocks.map((violation) => ({ field: 'body', reason: `${violation.rule}: ${violation.message}` })),
          },
        );
      }
      const acknowledged = new Set(body.acknowledged ?? []);
      const missing = [...new Set(warns.map((violation) => violation.rule))].filter((rule) => !acknowledged.has(rule));
      if (missing.length > 0) {
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'reply-needs-acknowledgement',
          `acknowledge the warnings before sending: ${missing.join(', ')}`,
          {
            ruleIds: missing,
            violations: check.violations,
            errors: [{ field: 'acknowledged', reason: `must include ${missing.join(', ')}` }],
          },
        );
      }
      const needsApproval = body.visibility === 'public' && mention.severity === 'critical' && !APPROVER_ROLES.includes(user.role);
      const status = needsApproval ? 'pending_approval' : 'queued';
      const id = randomUUID();
      const overridden = blocks.length > 0 && body.override ? body.override.reason : null;
      const [row] = (await manager.query(
        `INSERT INTO reply (id, workspace_id, mention_id, case_id, author_id, visibility, body, status, violations, acknowledged, override_reason, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::text[], $11, $12) RETURNING ${REPLY_COLUMNS}`,
        [
          id,
          user.workspaceId,
          mention.id,
          caseId,
          user.userId,
          body.visibility,
          body.body,
          status,
          JSON.stringify(check.violations),
          [...acknowledged],
          overridden,
          `reply:${id}`,
        ],
      )) as ReplyRow[];
      if (status === 'queued') await this.markAnswered(manager, mention, body.visibility);
      await this.audit.record(
        user.workspaceId,
        user.userId,
        'reply.created',
        { type: 'reply', id },
        {
          mentionId: mention.id,
          visibility: body.visibility,
          status,
          verdict: check.verdict,
          acknowledged: [...acknowledged],
        },
        manager,
      );
      if (overridden) {
        await this.audit.record(
          user.workspaceId,
          user.userId,
          'reply.override',
          { type: 'reply', id },
          { mentionId: mention.id, ruleIds: blocks.map((violation) => violation.rule), reason: overridden },
          manager,
        );
      }
      return { reply: replyView(row!), enqueue: status === 'queued' };
    });
    if (enqueue) await this.enqueue(reply.id);
    await this.events.publish('mention.replied', user.workspaceId, [mentionId], user.userId, {
      replyId: reply.id,
      replyStatus: reply.status,
    });
    return reply;
  }

  async approve(user: AuthUser, replyId: string): Promise<ReplyView> {
    const reply = await this.dataSource.transaction(async (manager) => {
      const row = await this.pendingReply(manager, user, replyId);
      const mention = await this.contexts.mention(user, row.mention_id, manager);
      const [updated] = await queryRows<ReplyRow>(
        manager,
        `UPDATE reply SET status = 'queued', approver_id = $2, approved_at = now() WHERE id = $1 RETURNING ${REPLY_COLUMNS}`,
        [replyId, user.userId],
      );
      await this.markAnswered(manager, mention, row.visibility);
      await this.audit.record(
        user.workspaceId,
        user.userId,
        'reply.approved',
        { type: 'reply', id: replyId },
        { mentionId: row.mention_id, authorId: row.author_id },
        manager,
      );
      return replyView(updated!);
    });
    await this.enqueue(reply.id);
    await this.events.publish('mention.replied', user.workspaceId, [reply.mentionId], user.userId, {
      replyId: reply.id,
      replyStatus: reply.status,
    });
    return reply;
  }

  async reject(user: AuthUser, replyId: string, reason: string): Promise<ReplyView> {
    const reply = await this.dataSource.transaction(async (manager) => {
      await this.pendingReply(manager, user, replyId);
      const [updated] = await queryRows<ReplyRow>(
        manager,
        `UPDATE reply SET status = 'failed', failure_reason = $2, approver_id = $3, approved_at = NULL WHERE id = $1 RETURNING ${REPLY_COLUMNS}`,
        [replyId, `rejected at approval: ${reason}`, user.userId],
      );
      await this.audit.record(
        user.workspaceId,
        user.userId,
        'reply.rejected',
        { type: 'reply', id: replyId },
        { mentionId: updated!.mention_id, reason },
        manager,
      );
      return replyView(updated!);
    });
    await this.events.publish('mention.updated', user.workspaceId, [reply.mentionId], user.userId, {
      replyId: reply.id,
      replyStatus: reply.status,
    });
    return reply;
  }

  private async pendingReply(manager: EntityManager, user: AuthUser, replyId: string): Promise<ReplyRow> {
    if (!APPROVER_ROLES.includes(user.role))
      throw forbidden(`approving replies needs the role pr or admin; your role in this workspace is ${user.role}`);
    const [row] = (await manager.query(`SELECT ${REPLY_COLUMNS} FROM reply WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [
      replyId,
      user.workspaceId,
    ])) as ReplyRow[];
    if (!row) throw notFound('reply', replyId);
    if (row.status !== 'pending_approval')
      throw conflict('not-pending-approval', `reply ${replyId} is ${row.status}, not waiting for approval`, { replyStatus: row.status });
    return row;
  }

  /**
   * The open case a private reply belongs to. A mention that is itself a direct message needs no case (the
   * conversation is already private); a public one must be taken private first.
   */
  private async privateConversation(manager: EntityManager, user: AuthUser, mention: ReplyMentionRow): Promise<string | null> {
    const [open] = (await manager.query(
      `SELECT id FROM "case" WHERE mention_id = $1 AND workspace_id = $2 AND status = 'open' ORDER BY created_at DESC LIMIT 1`,
      [mention.id, user.workspaceId],
    )) as { id: string }[];
    if (open) return open.id;
    if (mention.is_private) return null;
    throw conflict(
      'no-private-conversation',
      `mention ${mention.id} is public: open the private conversation first (POST /api/mentions/${mention.id}/take-private)`,
    );
  }

  /** An accepted answer stops the first-response clock and the case's acknowledgement clock. */
  private async markAnswered(manager: EntityManager, mention: ReplyMentionRow, visibility: 'public' | 'private'): Promise<void> {
    if (visibility === 'private' && !mention.is_private) return;
    await manager.query(
      `UPDATE mention SET first_response_at = coalesce(first_response_at, now()), status = CASE WHEN status = 'new' THEN 'open' ELSE status END WHERE id = $1`,
      [mention.id],
    );
    await manager.query(`UPDATE "case" SET acknowledged_at = coalesce(acknowledged_at, now()) WHERE mention_id = $1 AND status = 'open'`, [
      mention.id,
    ]);
  }

  private async enqueue(replyId: string): Promise<void> {
    try {
      await this.producer.sendReply(replyId);
    } catch (error) {
      // The row stays queued: the send processor's reconcile pass enqueues queued rows whose job is missing.
      this.logger.warn(
        `reply ${replyId} is queued but could not be enqueued now (${(error as Error).message}); the send reconciler will pick it up`,
      );
    }
  }
}
