/**
 * Incidents for PR (GUIDE §5): opened from the classifier's clusters by the route stage, by hand, or by
 * merging; status with validated transitions; scope and places, affected people, velocity, critical data, ETA;
 * the detail view with the timeline, the mentions and the time-to-media estimate; statement drafts; key
 * accounts told privately first; closing updates for every linked thread once it is resolved.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assessIncident,
  draftIncidentStatements,
  IncidentInputError,
  PLACES,
  type IncidentAssessment,
  type StatementDrafts,
} from '@otklik/escalation';
import type { IncidentStatus } from '@otklik/persistence';
import { checkReply, type ReplyCheck } from '@otklik/reply-policy';
import { AuditService, type AuthUser } from '../auth';
import { badRequest, conflict, notFound, ProblemException } from '../http/problem';
import { alertingSettings, type AlertingSettings } from '../../../worker/src/escalation/alerting-settings';
import { incidentMentions } from '../../../worker/src/escalation/incident-refresh';
import type { CreateIncidentDto, IncidentPage, IncidentSummaryView, ListIncidentsQuery, PlaceView, UpdateIncidentDto } from './incident.dto';
import { allowedTransitions, transitionProblem } from './incident-status.rule';

export interface IncidentRow {
  id: string;
  workspace_id: string;
  cluster_key: string | null;
  title: string;
  status: IncidentStatus;
  scope: string;
  scope_confidence: string | null;
  scope_manual: boolean;
  scope_explanation: string[];
  places: string[];
  affected_count: number;
  known_affected: number | null;
  mention_count: number;
  velocity_per_hour: number;
  velocity_trend: string;
  critical_data: boolean;
  eta: Date | null;
  summary: { ru?: string; en?: string } | null;
  workaround: { ru?: string; en?: string } | null;
  merged_into_id: string | null;
  first_seen_at: Date | null;
  last_seen_at: Date | null;
  resolved_at: Date | null;
  created_at: Date;
}

const PLACE_BY_ID = new Map(PLACES.map((place) => [place.id, place]));
const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function placeViews(ids: string[]): PlaceView[] {
  return ids.map((id) => {
    const place = PLACE_BY_ID.get(id);
    return { id, ru: place?.name.ru ?? id, en: place?.name.en ?? id };
  });
}

export function incidentSummary(row: IncidentRow): IncidentSummaryView {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    scope: row.scope,
    scopeConfidence: row.scope_confidence,
    scopeManual: row.scope_manual,
    places: placeViews(row.places ?? []),
    affectedCount: row.affected_count,
    knownAffected: row.known_affected,
    mentionCount: row.mention_count,
    velocityPerHour: row.velocity_per_hour,
    velocityTrend: row.velocity_trend,
    criticalData: row.critical_data,
    eta: iso(row.eta),
    summary: row.summary,
    workaround: row.workaround,
    clusterKey: row.cluster_key,
    mergedIntoId: row.merged_into_id,
    firstSeenAt: iso(row.first_seen_at),
    lastSeenAt: iso(row.last_seen_at),
    resolvedAt: iso(row.resolved_at),
    createdAt: row.created_at.toISOString(),
    nextStatuses: row.merged_into_id ? [] : allowedTransitions(row.status),
  };
}

export interface TimelineBucket {
  at: string;
  mentions: number;
  authors: number;
}

export interface IncidentMentionView {
  id: string;
  channel: string;
  text: string;
  url: string | null;
  publishedAt: string;
  status: string;
  severity: string | null;
  intent: string | null;
  cause: string | null;
  isPrivate: boolean;
  threadId: string;
  author: { handle: string | null; followers: number | null; kind: string | null; verified: boolean | null };
}

export interface IncidentDetail extends IncidentSummaryView {
  scopeExplanation: string[];
  timeline: { bucketMinutes: number; buckets: TimelineBucket[] };
  mentions: IncidentMentionView[];
  assessment: IncidentAssessment | null;
  history: { at: string; action: string; actorId: string | null; details: Record<string, unknown> }[];
  openAlerts: number;
}

export interface StatementsView extends StatementDrafts {
  incidentId: string;
  /** Which draft fits the incident's status now. */
  recommended: 'fixed' | 'notFixed';
  language: 'ru' | 'en';
}

export interface KeyAccountNotice {
  name: string;
  contact: string;
  lang: 'ru' | 'en';
  draft: string;
}

export interface ClosingUpdate {
  threadId: string;
  channel: string;
  threadExternalId: string;
  lang: 'ru' | 'en';
  mentions: number;
  /** The mention the update answers: the thread's latest one in the incident. */
  replyToMentionId: string;
  draft: string;
  check: ReplyCheck;
}

const SELECT = `SELECT id, workspace_id, cluster_key, title, status, scope, scope_confidence, scope_manual, scope_explanation, places, affected_count,
  known_affected, mention_count, velocity_per_hour, velocity_trend, critical_data, eta, summary, workaround, merged_into_id, first_seen_at,
  last_seen_at, resolved_at, created_at FROM incident`;

/** Bucket width for the timeline: about 12-60 buckets over the incident's span. */
export function bucketMinutes(spanMs: number): number {
  const steps = [5, 15, 30, 60, 180, 360, 1440];
  return steps.find((minutes) => spanMs / (minutes * 60_000) <= 60) ?? 1440;
}

function localised(value: { ru?: string; en?: string } | null | undefined): { ru?: string; en?: string } | null {
  if (!value) return null;
  const out: { ru?: string; en?: string } = {};
  if (value.ru?.trim()) out.ru = value.ru.trim();
  if (value.en?.trim()) out.en = value.en.trim();
  return out.ru || out.en ? out : null;
}

@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ListIncidentsQuery): Promise<IncidentPage> {
    const where = ['workspace_id = $1'];
    const params: unknown[] = [user.workspaceId];
    if (query.status?.length) {
      params.push(query.status);
      where.push(`status = ANY($${params.length}::text[])`);
    }
    if (!query.includeMerged) where.push('merged_into_id IS NULL');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM incident WHERE ${filter}`, params);
    const rows: IncidentRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${filter} ORDER BY (status = 'resolved'), COALESCE(last_seen_at, created_at) DESC, id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(incidentSummary), total, page, pageSize };
  }

  async row(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<IncidentRow> {
    const [row]: IncidentRow[] = await manager.query(`${SELECT} WHERE id = $1 AND workspace_id = $2${lock ? ' FOR UPDATE' : ''}`, [id, user.workspaceId]);
    if (!row) throw notFound('incident', id);
    return row;
  }

  async detail(user: AuthUser, id: string): Promise<IncidentDetail> {
    const row = await this.row(user, id);
    const first = row.first_seen_at ?? row.created_at;
    const last = row.last_seen_at ?? first;
    const minutes = bucketMinutes(last.getTime() - first.getTime());
    const buckets: { at: Date; mentions: number; authors: number }[] = await this.dataSource.query(
      `SELECT date_bin(make_interval(mins => $2), published_at, $3::timestamptz) AS at, count(*)::int AS mentions, count(DISTINCT author_id)::int AS authors
         FROM mention WHERE incident_id = $1 GROUP BY 1 ORDER BY 1`,
      [id, minutes, first],
    );
    const mentions: {
      id: string;
      channel: string;
      text: string;
      url: string | null;
      published_at: Date;
      status: string;
      severity: string | null;
      intent: string | null;
      cause: string | null;
      is_private: boolean;
      thread_id: string;
      handle: string | null;
      followers: number | null;
      kind: string | null;
      verified: boolean | null;
    }[] = await this.dataSource.query(
      `SELECT m.id::text, m.channel, m.text, m.url, m.published_at, m.status, m.severity, m.intent, m.cause, m.is_private, m.thread_id,
              a.handle, a.followers, a.kind, a.verified
         FROM mention m JOIN author a ON a.id = m.author_id
        WHERE m.incident_id = $1 ORDER BY m.published_at DESC, m.id DESC LIMIT 200`,
      [id],
    );
    const sample = await incidentMentions(this.dataSource, id);
    const assessment = sample.length > 0 ? assessIncident(sample, { knownAffected: row.known_affected }) : null;
    const history: { at: Date; action: string; actor_id: string | null; details: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT at, action, actor_id, details FROM audit_log WHERE workspace_id = $1 AND target_type = 'incident' AND target_id = $2 ORDER BY at, id LIMIT 200`,
      [user.workspaceId, id],
    );
    const [{ open }] = await this.dataSource.query(`SELECT count(*)::int AS open FROM alert WHERE incident_id = $1 AND acknowledged_at IS NULL`, [id]);
    return {
      ...incidentSummary(row),
      scopeExplanation: row.scope_explanation ?? [],
      timeline: { bucketMinutes: minutes, buckets: buckets.map((bucket) => ({ at: new Date(bucket.at).toISOString(), mentions: bucket.mentions, authors: bucket.authors })) },
      mentions: mentions.map((mention) => ({
        id: mention.id,
        channel: mention.channel,
        text: mention.text,
        url: mention.url,
        publishedAt: mention.published_at.toISOString(),
        status: mention.status,
        severity: mention.severity,
        intent: mention.intent,
        cause: mention.cause,
        isPrivate: mention.is_private,
        threadId: mention.thread_id,
        author: { handle: mention.handle, followers: mention.followers, kind: mention.kind, verified: mention.verified },
      })),
      assessment,
      history: history.map((item) => ({ at: new Date(item.at).toISOString(), action: item.action, actorId: item.actor_id, details: item.details })),
      openAlerts: open,
    };
  }

  async create(user: AuthUser, body: CreateIncidentDto): Promise<IncidentDetail> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO incident (workspace_id, title, scope, scope_manual, critical_data, eta, summary, opened_by, first_seen_at, last_seen_at)
         VALUES ($1, $2, COALESCE($3, 'single'), $3::text IS NOT NULL, $4, $5, $6::jsonb, $7, now(), now()) RETURNING id`,
        [user.workspaceId, body.title.trim(), body.scope ?? null, body.criticalData ?? false, body.eta ?? null, JSON.stringify(localised(body.summary)), user.userId],
      );
      const incidentId = row.id as string;
      const attached = body.mentionIds?.length ? (await this.attachMentions(manager, user.workspaceId, incidentId, body.mentionIds)).attached : 0;
      // The team hears about it like an automatically opened one (the worker's monitor delivers it).
      await manager.query(
        `INSERT INTO alert (workspace_id, kind, level, reasons, incident_id, dedupe_key, alerted_at)
         VALUES ($1, 'incident', $2, $3::jsonb, $4, $5, now()) ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          user.workspaceId,
          body.criticalData ? 'critical' : 'warning',
          JSON.stringify([`incident opened by ${user.displayName}: ${body.title.trim()}`]),
          incidentId,
          `incident:${incidentId}:${body.criticalData ? 'critical' : 'warning'}`,
        ],
      );
      await this.audit.record(user.workspaceId, user.userId, 'incident.opened', { type: 'incident', id: incidentId }, { title: body.title, attached }, manager);
      return incidentId;
    });
    return this.detail(user, id);
  }

  /** Attaches mentions by hand (lead/pr): they move here from whatever incident they were in, and both are recounted. */
  async attach(user: AuthUser, id: string, mentionIds: string[]): Promise<IncidentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(user, id, manager, true);
      if (row.merged_into_id) throw conflict('incident-merged', `incident ${id} was merged into ${row.merged_into_id}: attach to that one`, { mergedIntoId: row.merged_into_id });
      const { attached, movedFrom } = await this.attachMentions(manager, user.workspaceId, id, mentionIds);
      await this.audit.record(user.workspaceId, user.userId, 'incident.mentions_attached', { type: 'incident', id }, { mentionIds, attached, movedFrom }, manager);
    });
    return this.detail(user, id);
  }

  /**
   * Points the mentions at the incident (422 naming the first unknown one, before anything changes) and
   * recounts it and every incident they left: mention count, first and last seen, critical data.
   */
  private async attachMentions(manager: EntityManager, workspaceId: string, incidentId: string, mentionIds: string[]): Promise<{ attached: number; movedFrom: string[] }> {
    const found: { id: string; incident_id: string | null; stage: string }[] = await manager.query(
      `SELECT id::text, incident_id, stage FROM mention WHERE id = ANY($1::bigint[]) AND workspace_id = $2 FOR UPDATE`,
      [mentionIds, workspaceId],
    );
    const missing = mentionIds.filter((mentionId) => !found.some((item) => item.id === mentionId));
    if (missing.length > 0) throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'validation', `mentionIds: not found in this workspace: ${missing.slice(0, 10).join(', ')}`, { errors: [{ field: 'mentionIds', reason: `unknown mention ${missing[0]}` }] });
    // The pipeline sets a mention's incident when it routes it (from the classifier's clusters): a hand attachment
    // made before that would be overwritten. The inbox shows routed mentions only, so this is a narrow case.
    const inFlight = found.find((item) => item.stage === 'ingested' || item.stage === 'classified');
    if (inFlight) {
      throw conflict('mention-in-pipeline', `mention ${inFlight.id} is still being classified and routed: attach it once it is in the inbox`, {
        errors: [{ field: 'mentionIds', reason: `mention ${inFlight.id} is not routed yet` }],
      });
    }
    const movedFrom = [...new Set(found.map((item) => item.incident_id).filter((other): other is string => other !== null && other !== incidentId))];
    await manager.query(`UPDATE mention SET incident_id = $1 WHERE id = ANY($2::bigint[]) AND workspace_id = $3`, [incidentId, mentionIds, workspaceId]);
    await manager.query(
      `UPDATE incident i SET mention_count = s.n, first_seen_at = COALESCE(s.first, i.first_seen_at), last_seen_at = COALESCE(s.last, i.last_seen_at),
              critical_data = i.critical_data OR s.critical, updated_at = now()
         FROM (SELECT c.id, count(m.id)::int AS n, min(m.published_at) AS first, max(m.published_at) AS last, COALESCE(bool_or(m.critical_data), false) AS critical
                 FROM unnest($1::uuid[]) AS c(id) LEFT JOIN mention m ON m.incident_id = c.id GROUP BY c.id) s
        WHERE i.id = s.id`,
      [[incidentId, ...movedFrom]],
    );
    return { attached: found.length, movedFrom };
  }

  async update(user: AuthUser, id: string, body: UpdateIncidentDto): Promise<IncidentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(user, id, manager, true);
      if (row.merged_into_id) throw conflict('incident-merged', `incident ${id} was merged into ${row.merged_into_id}: change that one`, { mergedIntoId: row.merged_into_id });
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (sql: string, value: unknown) => {
        params.push(value);
        sets.push(sql.replace('?', `$${params.length}`));
      };
      const changes: Record<string, unknown> = {};
      if (body.title !== undefined) {
        set('title = ?', body.title.trim());
        changes.title = body.title.trim();
      }
      if (body.status !== undefined && body.status !== row.status) {
        const problem = transitionProblem(row.status, body.status as IncidentStatus);
        if (problem) throw conflict('incident-transition', problem, { from: row.status, to: body.status, allowed: allowedTransitions(row.status) });
        set('status = ?', body.status);
        if (body.status === 'resolved') sets.push('resolved_at = now()');
        else if (row.status === 'resolved') sets.push('resolved_at = NULL');
        changes.status = { from: row.status, to: body.status };
      }
      if (body.scope !== undefined) {
        if (body.scope === null) {
          sets.push('scope_manual = false', 'refreshed_at = NULL');
        } else {
          set('scope = ?', body.scope);
          sets.push('scope_manual = true');
        }
        changes.scope = body.scope;
      }
      if (body.criticalData !== undefined) {
        set('critical_data = ?', body.criticalData);
        changes.criticalData = body.criticalData;
      }
      if (body.eta !== undefined) {
        set('eta = ?', body.eta);
        changes.eta = body.eta;
      }
      if (body.summary !== undefined) {
        set('summary = ?::jsonb', JSON.stringify(localised(body.summary)));
        changes.summary = body.summary;
      }
      if (body.workaround !== undefined) {
        set('workaround = ?::jsonb', JSON.stringify(localised(body.workaround)));
        changes.workaround = body.workaround;
      }
      if (body.knownAffected !== undefined) {
        set('known_affected = ?', body.knownAffected);
        changes.knownAffected = body.knownAffected;
      }
      if (sets.length === 0) return;
      await manager.query(`UPDATE incident SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      if (changes.status) await this.audit.record(user.workspaceId, user.userId, 'incident.status_changed', { type: 'incident', id }, changes.status as Record<string, unknown>, manager);
      await this.audit.record(user.workspaceId, user.userId, 'incident.updated', { type: 'incident', id }, changes, manager);
    });
    return this.detail(user, id);
  }

  /** `otherId` is merged into `id`: its mentions move over, and its cluster's new mentions attach here from now on. */
  async merge(user: AuthUser, id: string, otherId: string): Promise<IncidentDetail> {
    if (id === otherId) throw badRequest('otherId', 'an incident cannot be merged into itself');
    await this.dataSource.transaction(async (manager) => {
      // Locked in id order, so two opposite merges wait for each other instead of deadlocking.
      const rows: IncidentRow[] = await manager.query(`${SELECT} WHERE id = ANY($1::uuid[]) AND workspace_id = $2 ORDER BY id FOR UPDATE`, [[id, otherId], user.workspaceId]);
      const target = rows.find((row) => row.id === id);
      const other = rows.find((row) => row.id === otherId);
      if (!target) throw notFound('incident', id);
      if (!other) throw notFound('incident', otherId);
      if (target.merged_into_id) throw conflict('incident-merged', `incident ${id} was itself merged into ${target.merged_into_id}`, { mergedIntoId: target.merged_into_id });
      if (other.merged_into_id) throw conflict('incident-merged', `incident ${otherId} was already merged into ${other.merged_into_id}`, { mergedIntoId: other.merged_into_id });
      const moved = await manager.query(`UPDATE mention SET incident_id = $1 WHERE incident_id = $2`, [id, otherId]);
      await manager.query(`UPDATE incident SET merged_into_id = $1, updated_at = now() WHERE merged_into_id = $2`, [id, otherId]);
      await manager.query(
        `UPDATE incident SET merged_into_id = $1, status = 'resolved', resolved_at = COALESCE(resolved_at, now()), mention_count = 0, updated_at = now() WHERE id = $2`,
        [id, otherId],
      );
      await manager.query(
        `UPDATE incident i SET critical_data = i.critical_data OR $2, first_seen_at = LEAST(i.first_seen_at, $3), last_seen_at = GREATEST(i.last_seen_at, $4),
                known_affected = CASE WHEN i.known_affected IS NULL AND $5::int IS NULL THEN NULL ELSE COALESCE(i.known_affected, 0) + COALESCE($5::int, 0) END,
                mention_count = (SELECT count(*)::int FROM mention WHERE incident_id = $1), updated_at = now()
          WHERE i.id = $1`,
        [id, other.critical_data, other.first_seen_at, other.last_seen_at, other.known_affected],
      );
      await this.audit.record(
        user.workspaceId,
        user.userId,
        'incident.merged',
        { type: 'incident', id },
        { otherId, otherTitle: other.title, otherClusterKey: other.cluster_key, mentionsMoved: Array.isArray(moved) ? moved[1] : null },
        manager,
      );
      await this.audit.record(user.workspaceId, user.userId, 'incident.merged_into', { type: 'incident', id: otherId }, { intoId: id }, manager);
    });
    return this.detail(user, id);
  }

  async settings(workspaceId: string): Promise<AlertingSettings & { workspaceName: string }> {
    const [row] = await this.dataSource.query('SELECT name, settings FROM workspace WHERE id = $1', [workspaceId]);
    return { ...alertingSettings(row?.settings), workspaceName: row?.name ?? '' };
  }

  async statements(user: AuthUser, id: string): Promise<StatementsView> {
    const row = await this.row(user, id);
    const settings = await this.settings(user.workspaceId);
    return this.draft(row, settings);
  }

  draft(row: IncidentRow, settings: AlertingSettings): StatementsView {
    const summary = localised(row.summary);
    const warnings: string[] = [];
    if (!summary) warnings.push('summary: not written yet, the drafts quote the incident title; set summary {ru, en} (PATCH) with what happened as a short phrase');
    try {
      const drafts = draftIncidentStatements({
        whatHappened: summary ?? row.title,
        handlesCriticalData: settings.handlesCriticalData ?? row.critical_data,
        criticalDataAffected: row.critical_data,
        detectedAt: (row.first_seen_at ?? row.created_at).toISOString(),
        eta: row.eta ? row.eta.toISOString() : null,
        timeZone: settings.timeZone,
        workaround: localised(row.workaround),
        statusUrl: settings.statusPageUrl,
      });
      return { ...drafts, warnings: [...warnings, ...drafts.warnings], incidentId: row.id, recommended: row.status === 'resolved' ? 'fixed' : 'notFixed', language: settings.language };
    } catch (error) {
      if (error instanceof IncidentInputError) throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'validation', error.message, { errors: [{ field: error.field, reason: error.reason }] });
      throw error;
    }
  }

  /** The private heads-up for key corporate customers (GUIDE §5), recorded in the audit log. */
  async notifyKeyAccounts(user: AuthUser, id: string): Promise<{ incidentId: string; recordedAt: string; statement: 'fixed' | 'notFixed'; accounts: KeyAccountNotice[]; warnings: string[] }> {
    const row = await this.row(user, id);
    const settings = await this.settings(user.workspaceId);
    if (settings.keyAccounts.length === 0) {
      throw conflict('no-key-accounts', 'no key accounts are configured: set keyAccounts [{name, contact, lang?}] in PATCH /api/alerts/settings');
    }
    const drafts = this.draft(row, settings);
    const which = drafts.recommended;
    const accounts = settings.keyAccounts.map((account): KeyAccountNotice => {
      const lang = account.lang ?? settings.language;
      const greeting = lang === 'ru' ? `Здравствуйте! Пишем вам лично, до публичного сообщения, как ключевому клиенту ${settings.workspaceName}.` : `Hello, we are writing to you personally, before any public statement, as a key customer of ${settings.workspaceName}.`;
      const closing = lang === 'ru' ? 'Если у вас есть вопросы, ответьте на это письмо: ответит ваш персональный менеджер.' : 'If you have any questions, reply to this message: your account manager will answer.';
      return { name: account.name, contact: account.contact, lang, draft: `${greeting}\n\n${drafts[which][lang]}\n\n${closing}` };
    });
    const recordedAt = new Date().toISOString();
    await this.audit.record(user.workspaceId, user.userId, 'incident.key_accounts_notified', { type: 'incident', id }, {
      statement: which,
      status: row.status,
      accounts: accounts.map((account) => ({ name: account.name, contact: account.contact, lang: account.lang })),
    });
    return { incidentId: id, recordedAt, statement: which, accounts, warnings: drafts.warnings };
  }

  /** One closing update per thread the incident touched, in the thread's language, checked against the reply policy. */
  async closingUpdates(user: AuthUser, id: string): Promise<{ incidentId: string; resolved: boolean; warnings: string[]; updates: ClosingUpdate[] }> {
    const row = await this.row(user, id);
    const settings = await this.settings(user.workspaceId);
    const drafts = this.draft(row, settings);
    const threads: { thread_id: string; channel: string; external_id: string; mentions: number; ru: number; en: number; last_mention_id: string; last_text: string; last_lang: string | null }[] =
      await this.dataSource.query(
        `SELECT m.thread_id, t.channel, t.external_id, count(*)::int AS mentions,
                count(*) FILTER (WHERE m.lang = 'ru')::int AS ru, count(*) FILTER (WHERE m.lang = 'en')::int AS en,
                (array_agg(m.id::text ORDER BY m.published_at DESC, m.id DESC))[1] AS last_mention_id,
                (array_agg(m.text ORDER BY m.published_at DESC, m.id DESC))[1] AS last_text,
                (array_agg(m.lang ORDER BY m.published_at DESC, m.id DESC))[1] AS last_lang
           FROM mention m JOIN thread t ON t.id = m.thread_id
          WHERE m.incident_id = $1 AND NOT m.is_private
          GROUP BY m.thread_id, t.channel, t.external_id
          ORDER BY max(m.published_at) DESC
          LIMIT 500`,
        [id],
      );
    const warnings = [...drafts.warnings];
    if (row.status !== 'resolved') warnings.push(`the incident is ${row.status}, not resolved: send closing updates once it is`);
    const updates = threads.map((thread): ClosingUpdate => {
      const lang: 'ru' | 'en' = thread.ru > thread.en ? 'ru' : thread.en > thread.ru ? 'en' : thread.last_lang === 'en' ? 'en' : thread.last_lang === 'ru' ? 'ru' : settings.language;
      const follow =
        lang === 'ru'
          ? 'Если у вас что-то всё ещё не работает, напишите нам в личные сообщения: разберёмся с вашим случаем отдельно.'
          : 'If anything still does not work for you, send us a private message and we will look into your case.';
      const draft = `${drafts.fixed[lang]} ${follow}`;
      const check = checkReply({ mention: { text: thread.last_text, lang: thread.last_lang }, draft, visibility: 'public', channel: thread.channel, confirmedFacts: [drafts.fixed[lang]], locale: lang });
      return { threadId: thread.thread_id, channel: thread.channel, threadExternalId: thread.external_id, lang, mentions: thread.mentions, replyToMentionId: thread.last_mention_id, draft, check };
    });
    return { incidentId: id, resolved: row.status === 'resolved', warnings, updates };
  }
}
