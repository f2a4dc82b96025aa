/**
 * "Resolve privately": a case links a public mention to the private conversation where it is resolved.
 * Its two clocks are separate: the public acknowledgement (stopped by the first accepted public answer) and
 * the private resolution. The closing public follow-up is offered only once the customer has confirmed.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addBusinessMinutes } from '@otklik/domain';
import { checkReply, type ReplyCheck } from '@otklik/reply-policy';
import { AuditService, type AuthUser } from '../auth';
import { InboxEventPublisher } from '../events/inbox-event.publisher';
import { conflict, notFound } from '../http/problem';
import { caseSla, CASE_JSON, type CaseJson } from '../inbox/mention-detail.service';
import type { SlaClock } from '../inbox/sla-clock';
import { capabilitiesOf } from '../replies/channel-capabilities';
import { ReplyContextService } from '../replies/reply-context.service';
import { SettingsService } from '../settings/settings.service';
import { targetMinutes } from '../settings/triage-settings';
import { assertNotClaimedByOther } from '../work/mention-work.service';
import { closingFollowUp, invitationToContact, langOf, movedToDirectMessage } from './private-path.wording';

export interface CaseView extends CaseJson {
  mentionId: string;
  sla: { acknowledgement: SlaClock; resolution: SlaClock };
  closingFollowUpAllowed: boolean;
}

export interface TakePrivateResult {
  created: boolean;
  case: CaseView;
  directMessage: boolean;
  /** The public answer to post: it tells the customer where the conversation continues. */
  publicReply: { text: string; lang: string; check: ReplyCheck };
}

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: ReplyContextService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly events: InboxEventPublisher,
  ) {}

  private view(row: CaseJson & { mentionId: string }, dueSoonMinutes: number): CaseView {
    return { ...row, sla: caseSla(row, new Date(), dueSoonMinutes), closingFollowUpAllowed: row.customerConfirmedAt !== null };
  }

  async takePrivate(user: AuthUser, mentionId: string): Promise<TakePrivateResult> {
    const settings = await this.settings.get(user.workspaceId);
    const result = await this.dataSource.transaction(async (manager) => {
      const mention = await this.contexts.mention(user, mentionId, manager);
      assertNotClaimedByOther(user.userId, mention);
      const capabilities = capabilitiesOf(mention.channel);
      const directMessage = mention.is_private || capabilities.privateMessage;
      const lang = langOf(mention.lang, mention.text);
      const contact = settings.replyPolicy.privateContact;
      const text = directMessage ? movedToDirectMessage(lang) : invitationToContact(lang, contact);
      const [existing] = (await manager.query(
        `SELECT ${CASE_JSON('c')} AS row FROM "case" c WHERE c.mention_id = $1 AND c.workspace_id = $2 AND c.status = 'open' ORDER BY c.created_at DESC LIMIT 1`,
        [mention.id, user.workspaceId],
      )) as { row: CaseJson & { mentionId: string } }[];
      let row = existing?.row;
      const created = !row;
      if (!row) {
        const calendar = { timeZone: settings.timeZone, businessHours: settings.businessHours };
        const now = new Date();
        const privateChannel = directMessage ? mention.channel : contact?.includes('@') ? 'email' : 'contact';
        const [inserted] = (await manager.query(
          `WITH c AS (
             INSERT INTO "case" (workspace_id, mention_id, private_channel, private_ref, opened_by, ack_due_at, resolution_due_at, acknowledged_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *)
           SELECT ${CASE_JSON('c')} AS row FROM c`,
          [
            user.workspaceId,
            mention.id,
            privateChannel,
            directMessage ? mention.handle : contact,
            user.userId,
            addBusinessMinutes(now, targetMinutes(settings, mention.severity, 'firstResponse'), calendar),
            addBusinessMinutes(now, targetMinutes(settings, mention.severity, 'resolution'), calendar),
            mention.first_response_at,
          ],
        )) as { row: CaseJson & { mentionId: string } }[];
        row = inserted!.row;
        await this.audit.record(
          user.workspaceId,
          user.userId,
          'case.opened',
          { type: 'case', id: row.id },
          { mentionId: mention.id, privateChannel, directMessage },
          manager,
        );
      }
      const context = await this.contexts.build(user, mention, manager);
      const check = checkReply({ ...context.input, draft: text, visibility: 'public', locale: lang });
      return { created, case: this.view(row, settings.slaDueSoonMinutes), directMessage, publicReply: { text, lang, check } };
    });
    await this.events.publish('mention.updated', user.workspaceId, [mentionId], user.userId, { caseId: result.case.id });
    return result;
  }

  async get(
    user: AuthUser,
    caseId: string,
  ): Promise<
    CaseView & {
      closingFollowUp: string | null;
      mention: { id: string; channel: string; status: string; text: string };
      replies: unknown[];
    }
  > {
    const settings = await this.settings.get(user.workspaceId);
    const [row] = (await this.dataSource.query(
      `SELECT ${CASE_JSON('c')} AS row, m.lang, m.text, m.channel, m.status,
              (SELECT json_agg(json_build_object('id', r.id, 'visibility', r.visibility, 'body', r.body, 'status', r.status, 'failureReason', r.failure_reason,
                       'sentAt', r.sent_at, 'createdAt', r.created_at, 'authorId', r.author_id) ORDER BY r.created_at, r.id)
                 FROM reply r WHERE r.case_id = c.id) AS replies
         FROM "case" c JOIN mention m ON m.id = c.mention_id WHERE c.id = $1 AND c.workspace_id = $2`,
      [caseId, user.workspaceId],
    )) as {
      row: CaseJson & { mentionId: string };
      lang: string | null;
      text: string;
      channel: string;
      status: string;
      replies: unknown[] | null;
    }[];
    if (!row) throw notFound('case', caseId);
    const view = this.view(row.row, settings.slaDueSoonMinutes);
    return {
      ...view,
      closingFollowUp: view.closingFollowUpAllowed ? closingFollowUp(langOf(row.lang, row.text)) : null,
      mention: { id: row.row.mentionId, channel: row.channel, status: row.status, text: row.text },
      replies: row.replies ?? [],
    };
  }

  async list(user: AuthUser, status: 'open' | 'resolved' | undefined, limit: number): Promise<CaseView[]> {
    const settings = await this.settings.get(user.workspaceId);
    const rows = (await this.dataSource.query(
      `SELECT ${CASE_JSON('c')} AS row FROM "case" c WHERE c.workspace_id = $1 AND ($2::text IS NULL OR c.status = $2)
        ORDER BY c.resolution_due_at NULLS LAST, c.created_at LIMIT $3`,
      [user.workspaceId, status ?? null, limit],
    )) as { row: CaseJson & { mentionId: string } }[];
    return rows.map((row) => this.view(row.row, settings.slaDueSoonMinutes));
  }

  async customerConfirmed(user: AuthUser, caseId: string): Promise<CaseView> {
    return this.change(
      user,
      caseId,
      'case.customer_confirmed',
      `UPDATE "case" SET customer_confirmed_at = coalesce(customer_confirmed_at, now()) WHERE id = $1`,
    );
  }

  async resolve(user: AuthUser, caseId: string): Promise<CaseView> {
    return this.change(user, caseId, 'case.resolved', `UPDATE "case" SET status = 'resolved', resolved_at = now() WHERE id = $1`, true);
  }

  private async change(user: AuthUser, caseId: string, action: string, sql: string, resolving = false): Promise<CaseView> {
    const settings = await this.settings.get(user.workspaceId);
    const { view, mentionId } = await this.dataSource.transaction(async (manager) => {
      const [current] = (await manager.query(`SELECT status, mention_id::text FROM "case" WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [
        caseId,
        user.workspaceId,
      ])) as {
        status: string;
        mention_id: string;
      }[];
      if (!current) throw notFound('case', caseId);
      if (current.status !== 'open') throw conflict('case-closed', `case ${caseId} is ${current.status}`, { caseStatus: current.status });
      await manager.query(sql, [caseId]);
      if (resolving) {
        // Resolved privately: the public mention leaves the inbox too (unless it was already closed).
        await manager.query(
          `UPDATE mention SET status = 'resolved', resolved_at = coalesce(resolved_at, now()) WHERE id = $1 AND status IN ('new', 'open', 'pending')`,
          [current.mention_id],
        );
      }
      await this.audit.record(
        user.workspaceId,
        user.userId,
        action,
        { type: 'case', id: caseId },
        { mentionId: current.mention_id },
        manager,
      );
      const [row] = (await manager.query(`SELECT ${CASE_JSON('c')} AS row FROM "case" c WHERE c.id = $1`, [caseId])) as {
        row: CaseJson & { mentionId: string };
      }[];
      return { view: this.view(row!.row, settings.slaDueSoonMinutes), mentionId: current.mention_id };
    });
    await this.events.publish('mention.updated', user.workspaceId, [mentionId], user.userId, { caseId });
    return view;
  }
}
