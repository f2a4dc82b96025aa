/**
 * Working a mention: the claim lock, assignment, status and snooze, bulk actions. Each change publishes an
 * inbox event; assignments are audited.
 *
 * The claim is one conditional UPDATE (free, expired, or already mine), so two agents racing for the same
 * mention cannot both win: the loser's UPDATE re-checks the row after the winner commits and matches nothing.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MentionStatus, Role } from '@otklik/persistence';
import { AuditService, type AuthUser } from '../auth';
import { InboxEventPublisher } from '../events/inbox-event.publisher';
import { badRequest, conflict, forbidden, notFound, ProblemException, type ProblemDetails } from '../http/problem';
import { queryRows } from '../http/sql-rows';
import type { BulkDto } from './work.dto';

export const CLAIM_TTL_MINUTES = 15;

export const STATUS_TRANSITIONS: Readonly<Record<MentionStatus, readonly MentionStatus[]>> = {
  new: ['open', 'pending', 'resolved', 'spam', 'do_not_engage'],
  open: ['pending', 'resolved', 'spam', 'do_not_engage'],
  pending: ['open', 'resolved', 'spam', 'do_not_engage'],
  resolved: ['open'],
  spam: ['new', 'open'],
  do_not_engage: ['open'],
};

const MANAGER_ROLES: readonly Role[] = ['lead', 'admin'];

export interface ClaimResult {
  id: string;
  status: string;
  claim: { userId: string; claimedAt: string; expiresAt: string };
}

export interface HolderRow {
  claimed_by: string | null;
  claimed_at: Date | null;
  claim_expires_at: Date | null;
  holder_name: string | null;
}

export function claimedProblem(holder: HolderRow): ProblemException {
  return conflict(
    'claimed',
    `${holder.holder_name ?? 'another user'} is working on this mention since ${holder.claimed_at?.toISOString()} (until ${holder.claim_expires_at?.toISOString()})`,
    {
      holder: {
        userId: holder.claimed_by,
        displayName: holder.holder_name,
        since: holder.claimed_at?.toISOString(),
        expiresAt: holder.claim_expires_at?.toISOString(),
      },
    },
  );
}

/** Someone other than `userId` holds a live claim on the mention. */
export function claimedByOther(userId: string, holder: Pick<HolderRow, 'claimed_by' | 'claim_expires_at'>): boolean {
  return holder.claimed_by !== null && holder.claimed_by !== userId && holder.claim_expires_at !== null && holder.claim_expires_at.getTime() > Date.now();
}

/** 409 naming the holder when someone other than `userId` holds a live claim (work, replies, take-private). */
export function assertNotClaimedByOther(userId: string, holder: HolderRow): void {
  if (claimedByOther(userId, holder)) throw claimedProblem(holder);
}

@Injectable()
export class MentionWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: InboxEventPublisher,
  ) {}

  private async holder(workspaceId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<HolderRow | null> {
    const [row] = (await manager.query(
      `SELECT m.claimed_by, m.claimed_at, m.claim_expires_at, u.display_name AS holder_name FROM mention m LEFT JOIN app_user u ON u.id = m.claimed_by
        WHERE m.id = $1 AND m.workspace_id = $2`,
      [id, workspaceId],
    )) as HolderRow[];
    return row ?? null;
  }

  /** Throws 409 naming the holder when someone else holds a live claim; 404 when the mention is not in the workspace. */
  async assertNotClaimedByOther(user: AuthUser, id: string, manager?: EntityManager): Promise<void> {
    const holder = await this.holder(user.workspaceId, id, manager);
    if (!holder) throw notFound('mention', id);
    assertNotClaimedByOther(user.userId, holder);
  }

  async claim(user: AuthUser, id: string, publish = true): Promise<ClaimResult> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const [row] = await queryRows<{ id: string; status: string; claimed_at: Date; claim_expires_at: Date }>(
        this.dataSource,
        `UPDATE mention SET claimed_by = $3,
                claimed_at = CASE WHEN claimed_by = $3 AND claim_expires_at > now() THEN claimed_at ELSE now() END,
                claim_expires_at = now() + make_interval(mins => $4),
                status = CASE WHEN status = 'new' THEN 'open' ELSE status END
          WHERE id = $1 AND workspace_id = $2 AND stage = 'routed' AND (claimed_by IS NULL OR claim_expires_at <= now() OR claimed_by = $3)
          RETURNING id::text, status, claimed_at, claim_expires_at`,
        [id, user.workspaceId, user.userId, CLAIM_TTL_MINUTES],
      );
      if (row) {
        if (publish) await this.events.publish('mention.claimed', user.workspaceId, [id], user.userId);
        return {
          id: row.id,
          status: row.status,
          claim: { userId: user.userId, claimedAt: row.claimed_at.toISOString(), expiresAt: row.claim_expires_at.toISOString() },
        };
      }
      const holder = await this.holder(user.workspaceId, id);
      if (!holder) throw notFound('mention', id);
      if (holder.claimed_by && holder.claim_expires_at && holder.claim_expires_at.getTime() > Date.now()) throw claimedProblem(holder);
      // Released or expired between the UPDATE and the look-up (or not routed yet): try again, then give up.
    }
    throw conflict('not-claimable', `mention ${id} cannot be claimed now (it is not in the inbox yet or keeps changing)`);
  }

  async release(user: AuthUser, id: string, publish = true): Promise<{ id: string; released: boolean }> {
    const force = MANAGER_ROLES.includes(user.role);
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE mention SET claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL
        WHERE id = $1 AND workspace_id = $2 AND claimed_by IS NOT NULL AND (claimed_by = $3 OR claim_expires_at <= now() OR $4::boolean)
        RETURNING id::text`,
      [id, user.workspaceId, user.userId, force],
    );
    if (rows.length > 0) {
      if (publish) await this.events.publish('mention.updated', user.workspaceId, [id], user.userId);
      return { id, released: true };
    }
    const holder = await this.holder(user.workspaceId, id);
    if (!holder) throw notFound('mention', id);
    if (holder.claimed_by && holder.claimed_by !== user.userId) throw claimedProblem(holder);
    return { id, released: false };
  }

  async assign(user: AuthUser, id: string, assigneeId: string | null, publish = true): Promise<{ id: string; assigneeId: string | null }> {
    if (!MANAGER_ROLES.includes(user.role))
      throw forbidden(`assigning needs the role lead or admin; your role in this workspace is ${user.role}`);
    if (assigneeId) {
      const member = await this.dataSource.query('SELECT 1 FROM membership WHERE workspace_id = $1 AND user_id = $2', [
        user.workspaceId,
        assigneeId,
      ]);
      if (member.length === 0)
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'validation',
          `userId: ${assigneeId} is not a member of this workspace`,
          { errors: [{ field: 'userId', reason: 'is not a member of this workspace' }] },
        );
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const [before] = (await manager.query('SELECT assignee_id FROM mention WHERE id = $1 AND workspace_id = $2 FOR UPDATE', [
        id,
        user.workspaceId,
      ])) as { assignee_id: string | null }[];
      if (!before) throw notFound('mention', id);
      // A hand-over frees the mention for the new assignee: another agent's claim does not survive it.
      await manager.query(
        `UPDATE mention SET assignee_id = $3,
                claimed_by = CASE WHEN claimed_by IS DISTINCT FROM $3 THEN NULL ELSE claimed_by END,
                claimed_at = CASE WHEN claimed_by IS DISTINCT FROM $3 THEN NULL ELSE claimed_at END,
                claim_expires_at = CASE WHEN claimed_by IS DISTINCT FROM $3 THEN NULL ELSE claim_expires_at END
          WHERE id = $1 AND workspace_id = $2`,
        [id, user.workspaceId, assigneeId],
      );
      await this.audit.record(
        user.workspaceId,
        user.userId,
        before.assignee_id ? 'mention.reassigned' : 'mention.assigned',
        { type: 'mention', id },
        { from: before.assignee_id, to: assigneeId },
        manager,
      );
      return { id, assigneeId };
    });
    if (publish) await this.events.publish('mention.updated', user.workspaceId, [id], user.userId);
    return result;
  }

  async update(
    user: AuthUser,
    id: string,
    change: { status?: MentionStatus; snoozedUntil?: string | null },
    publish = true,
  ): Promise<{ id: string; status: string; snoozedUntil: string | null; resolvedAt: string | null }> {
    if (change.status === undefined && change.snoozedUntil === undefined) throw badRequest('status', 'give status, snoozedUntil or both');
    if (change.snoozedUntil) {
      const until = Date.parse(change.snoozedUntil);
      if (until <= Date.now()) throw badRequest('snoozedUntil', 'must be in the future');
      if (until > Date.now() + 366 * 24 * 3600_000) throw badRequest('snoozedUntil', 'must be within a year');
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT m.status, m.claimed_by, m.claimed_at, m.claim_expires_at, u.display_name AS holder_name FROM mention m LEFT JOIN app_user u ON u.id = m.claimed_by
          WHERE m.id = $1 AND m.workspace_id = $2 FOR UPDATE OF m`,
        [id, user.workspaceId],
      )) as (HolderRow & { status: MentionStatus })[];
      if (!row) throw notFound('mention', id);
      assertNotClaimedByOther(user.userId, row);
      const next = change.status ?? row.status;
      if (next !== row.status && !STATUS_TRANSITIONS[row.status].includes(next)) {
        const allowed = STATUS_TRANSITIONS[row.status].join(', ');
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'invalid-transition',
          `a ${row.status} mention cannot become ${next}; allowed: ${allowed}`,
          {
            errors: [{ field: 'status', reason: `cannot go from ${row.status} to ${next} (allowed: ${allowed})` }],
          },
        );
      }
      const [updated] = await queryRows<{ status: string; snoozed_until: Date | null; resolved_at: Date | null }>(
        manager,
        `UPDATE mention SET status = $3,
                resolved_at = CASE WHEN $3 = 'resolved' THEN coalesce(resolved_at, now()) WHEN $3 <> status THEN NULL ELSE resolved_at END,
                snoozed_until = CASE WHEN $4::boolean THEN $5::timestamptz ELSE snoozed_until END
          WHERE id = $1 AND workspace_id = $2 RETURNING status, snoozed_until, resolved_at`,
        [id, user.workspaceId, next, change.snoozedUntil !== undefined, change.snoozedUntil ?? null],
      );
      if (next !== row.status)
        await this.audit.record(
          user.workspaceId,
          user.userId,
          'mention.status_changed',
          { type: 'mention', id },
          { from: row.status, to: next },
          manager,
        );
      return {
        id,
        status: updated!.status,
        snoozedUntil: updated!.snoozed_until?.toISOString() ?? null,
        resolvedAt: updated!.resolved_at?.toISOString() ?? null,
      };
    });
    if (publish) await this.events.publish('mention.updated', user.workspaceId, [id], user.userId);
    return result;
  }

  /** Applies one action to many mentions, each on its own; the answer reports every id. */
  async bulk(
    user: AuthUser,
    body: BulkDto,
  ): Promise<{
    results: Array<{ id: string; ok: boolean; result?: unknown; problem?: ProblemDetails }>;
    succeeded: number;
    failed: number;
  }> {
    if (body.action === 'assign' && !MANAGER_ROLES.includes(user.role))
      throw forbidden(`assigning needs the role lead or admin; your role in this workspace is ${user.role}`);
    const results: Array<{ id: string; ok: boolean; result?: unknown; problem?: ProblemDetails }> = [];
    const changed: string[] = [];
    const claimed: string[] = [];
    for (const id of [...new Set(body.ids)]) {
      try {
        let result: unknown;
        switch (body.action) {
          case 'claim':
            result = await this.claim(user, id, false);
            claimed.push(id);
            break;
          case 'release':
            result = await this.release(user, id, false);
            changed.push(id);
            break;
          case 'assign':
            result = await this.assign(user, id, body.userId ?? null, false);
            changed.push(id);
            break;
          case 'status':
            result = await this.update(user, id, { status: body.status }, false);
            changed.push(id);
            break;
          case 'snooze':
            result = await this.update(user, id, { snoozedUntil: body.snoozedUntil ?? null }, false);
            changed.push(id);
            break;
        }
        results.push({ id, ok: true, result });
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        results.push({ id, ok: false, problem: error.problem });
      }
    }
    await this.events.publish('mention.claimed', user.workspaceId, claimed, user.userId);
    await this.events.publish('mention.updated', user.workspaceId, changed, user.userId);
    const succeeded = results.filter((result) => result.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }
}
