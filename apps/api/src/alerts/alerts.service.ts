/**
 * Alerts as the inbox shows them (escalating threads, incidents, campaigns, SLA breaches, failing sources),
 * their acknowledgement, and the alerting part of the workspace settings. Every query is scoped by workspace.
 * An SLA breach alert is a digest (one per recipient and check): its view lists the mentions, worst first.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EscalationSettingsError, resolveEscalationSettings } from '@otklik/escalation';
import { AuditService, type AuthUser } from '../auth';
import { badRequest, notFound, ProblemException, type FieldError } from '../http/problem';
import { alertingSettings } from '../../../worker/src/escalation/alerting-settings';
import { loadSlaDigests, type StoredSlaDigest } from '../../../worker/src/escalation/sla-digest.query';
import type { AlertDeliveryView, AlertingSettingsView, AlertPage, AlertView, ListAlertsQuery, SlaDigestView, UpdateAlertingSettingsDto } from './alert.dto';

interface AlertRow {
  id: string;
  kind: string;
  level: string;
  score: number | null;
  reasons: string[];
  alerted_at: Date;
  created_at: Date;
  thread_id: string | null;
  incident_id: string | null;
  campaign_id: string | null;
  source_id: string | null;
  mention_id: string | null;
  recipient_user_id: string | null;
  recipient_role: string | null;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
}

const COLUMNS = `a.id, a.kind, a.level, a.score, a.reasons, a.alerted_at, a.created_at, a.thread_id, a.incident_id, a.campaign_id, a.source_id,
  a.mention_id::text AS mention_id, a.recipient_user_id, a.recipient_role, a.acknowledged_by, a.acknowledged_at`;

function digestView(digest: StoredSlaDigest): SlaDigestView {
  return {
    stage: digest.stage,
    mentionCount: digest.mentionIds.length,
    mentionIds: digest.mentionIds,
    worst: digest.named.map((mention) => ({
      mentionId: mention.mentionId,
      threadId: mention.threadId,
      dueAt: mention.dueAt ? mention.dueAt.toISOString() : null,
      severity: mention.severity,
      priority: mention.priority,
    })),
  };
}

function view(row: AlertRow, digest: StoredSlaDigest | null): AlertView {
  return {
    id: row.id,
    kind: row.kind,
    level: row.level,
    score: row.score,
    reasons: row.reasons ?? [],
    alertedAt: row.alerted_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    threadId: row.thread_id,
    incidentId: row.incident_id,
    campaignId: row.campaign_id,
    sourceId: row.source_id,
    mentionId: row.mention_id,
    slaDigest: digest ? digestView(digest) : null,
    recipientUserId: row.recipient_user_id,
    recipientRole: row.recipient_role,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at ? row.acknowledged_at.toISOString() : null,
  };
}

const SETTINGS_KEYS = ['escalation', 'alerts', 'language', 'keyAccounts', 'handlesCriticalData', 'statusPageUrl', 'appUrl'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field errors for an update of the alerting settings; the escalation part is checked by the library itself. */
export function validateAlertingUpdate(body: UpdateAlertingSettingsDto): FieldError[] {
  const errors: FieldError[] = [];
  if (body.escalation) {
    try {
      resolveEscalationSettings(body.escalation);
    } catch (error) {
      if (error instanceof EscalationSettingsError) errors.push({ field: `escalation.${error.field.replace(/^settings\./, '')}`, reason: error.reason });
      else throw error;
    }
  }
  if (body.alerts) {
    for (const [key, value] of Object.entries(body.alerts)) {
      if (!['incidentMinMentions', 'campaignMinPosts', 'slaLeadGraceMinutes'].includes(key)) errors.push({ field: `alerts.${key}`, reason: 'is not a setting (incidentMinMentions, campaignMinPosts, slaLeadGraceMinutes)' });
      else if (typeof value !== 'number' || !Number.isInteger(value) || value < (key === 'slaLeadGraceMinutes' ? 0 : 1) || value > 100_000) {
        errors.push({ field: `alerts.${key}`, reason: `must be a whole number from ${key === 'slaLeadGraceMinutes' ? 0 : 1} to 100000` });
      }
    }
  }
  body.keyAccounts?.forEach((account, index) => {
    const extra = Object.keys(account).find((key) => !['name', 'contact', 'lang'].includes(key));
    if (extra) errors.push({ field: `keyAccounts.${index}.${extra}`, reason: 'is not a key-account field (name, contact, lang)' });
    for (const key of ['name', 'contact'] as const) {
      const value = account[key];
      if (typeof value !== 'string' || value.trim().length === 0 || value.length > 300) errors.push({ field: `keyAccounts.${index}.${key}`, reason: 'must be a non-empty string of at most 300 characters' });
    }
    if (account.lang !== undefined && account.lang !== null && account.lang !== 'ru' && account.lang !== 'en') errors.push({ field: `keyAccounts.${index}.lang`, reason: 'must be ru or en' });
  });
  for (const key of ['statusPageUrl', 'appUrl'] as const) {
    const value = body[key];
    if (typeof value === 'string' && !/^https?:\/\/[^\s]+$/.test(value)) errors.push({ field: key, reason: 'must be an http:// or https:// URL' });
  }
  return errors;
}

@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ListAlertsQuery): Promise<AlertPage> {
    const where = ['a.workspace_id = $1'];
    const params: unknown[] = [user.workspaceId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.kind?.length) add('a.kind = ANY(?::text[])', query.kind);
    if (query.level?.length) add('a.level = ANY(?::text[])', query.level);
    if (query.acknowledged === true) where.push('a.acknowledged_at IS NOT NULL');
    if (query.acknowledged === false) where.push('a.acknowledged_at IS NULL');
    if (query.mine) {
      // Mine: addressed to me, to my role, or to the whole team (the SLA digest of mentions nobody is assigned to).
      params.push(user.userId, user.role);
      where.push(
        `(a.recipient_user_id = $${params.length - 1} OR a.recipient_role = $${params.length} OR (a.kind = 'sla_breach' AND a.recipient_user_id IS NULL AND a.recipient_role IS NULL))`,
      );
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM alert a WHERE ${filter}`, params);
    const rows: AlertRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM alert a WHERE ${filter} ORDER BY a.alerted_at DESC, a.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: await this.views(rows), total, page, pageSize };
  }

  async get(user: AuthUser, id: string): Promise<AlertView> {
    const [row]: AlertRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM alert a WHERE a.id = $1 AND a.workspace_id = $2`, [id, user.workspaceId]);
    if (!row) throw notFound('alert', id);
    const deliveries: { channel_id: string; name: string; kind: string; status: string; attempts: number; last_error: string | null; delivered_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT d.channel_id, c.name, c.kind, d.status, d.attempts, d.last_error, d.delivered_at
           FROM alert_delivery d JOIN notification_channel c ON c.id = d.channel_id WHERE d.alert_id = $1 ORDER BY c.name`,
        [id],
      );
    const [alert] = await this.views([row]);
    return {
      ...alert,
      deliveries: deliveries.map(
        (item): AlertDeliveryView => ({
          channelId: item.channel_id,
          channelName: item.name,
          channelKind: item.kind,
          status: item.status,
          attempts: item.attempts,
          lastError: item.last_error,
          deliveredAt: item.delivered_at ? item.delivered_at.toISOString() : null,
        }),
      ),
    };
  }

  /** Idempotent: acknowledging twice keeps the first acknowledgement. */
  async acknowledge(user: AuthUser, id: string): Promise<AlertView> {
    const acknowledged = await this.dataSource.transaction(async (manager) => {
      const [row]: AlertRow[] = await manager.query(`SELECT ${COLUMNS} FROM alert a WHERE a.id = $1 AND a.workspace_id = $2 FOR UPDATE`, [id, user.workspaceId]);
      if (!row) throw notFound('alert', id);
      if (row.acknowledged_at) return row;
      const [updated]: AlertRow[] = await manager.query(
        `WITH done AS (UPDATE alert SET acknowledged_by = $2, acknowledged_at = now() WHERE id = $1 RETURNING *) SELECT ${COLUMNS} FROM done a`,
        [id, user.userId],
      );
      await this.audit.record(user.workspaceId, user.userId, 'alert.acknowledged', { type: 'alert', id }, { kind: row.kind, level: row.level }, manager);
      return updated;
    });
    const [alert] = await this.views([acknowledged]);
    return alert;
  }

  /** Rows as views; SLA breach alerts with the mentions of their digest. */
  private async views(rows: AlertRow[]): Promise<AlertView[]> {
    const digests = await loadSlaDigests(this.dataSource, rows.filter((row) => row.kind === 'sla_breach').map((row) => row.id));
    return rows.map((row) => view(row, digests.get(row.id) ?? null));
  }

  async settings(workspaceId: string): Promise<AlertingSettingsView> {
    const [row] = await this.dataSource.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
    return settingsView(row?.settings ?? {});
  }

  async updateSettings(user: AuthUser, body: UpdateAlertingSettingsDto): Promise<AlertingSettingsView> {
    const errors = validateAlertingUpdate(body);
    if (errors.length > 0) throw new ProblemException(400, 'validation', errors.map((error) => `${error.field}: ${error.reason}`).join('; '), { errors });
    const changed = SETTINGS_KEYS.filter((key) => body[key] !== undefined);
    if (changed.length === 0) throw badRequest('body', `give at least one of ${SETTINGS_KEYS.join(', ')}`);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query('SELECT settings FROM workspace WHERE id = $1 FOR UPDATE', [user.workspaceId]);
      const stored: Record<string, unknown> = isRecord(row?.settings) ? row.settings : {};
      const next = { ...stored };
      for (const key of changed) {
        const value = body[key];
        if (value === null) delete next[key];
        else if (key === 'alerts' && isRecord(value)) next.alerts = { ...(isRecord(stored.alerts) ? stored.alerts : {}), ...value };
        else next[key] = value;
      }
      await manager.query('UPDATE workspace SET settings = $2::jsonb WHERE id = $1', [user.workspaceId, JSON.stringify(next)]);
      await this.audit.record(
        user.workspaceId,
        user.userId,
        'settings.alerting.updated',
        { type: 'workspace', id: user.workspaceId },
        { changed, before: Object.fromEntries(changed.map((key) => [key, stored[key] ?? null])), after: Object.fromEntries(changed.map((key) => [key, body[key]])) },
        manager,
      );
      return settingsView(next);
    });
  }
}

function settingsView(stored: Record<string, unknown>): AlertingSettingsView {
  const settings = alertingSettings(stored);
  return {
    escalation: settings.escalation as unknown as Record<string, unknown>,
    escalationOverrides: isRecord(stored.escalation) ? stored.escalation : {},
    alerts: { incidentMinMentions: settings.incidentMinMentions, campaignMinPosts: settings.campaignMinPosts, slaLeadGraceMinutes: settings.slaLeadGraceMinutes },
    language: settings.language,
    keyAccounts: settings.keyAccounts,
    handlesCriticalData: settings.handlesCriticalData,
    statusPageUrl: settings.statusPageUrl,
    appUrl: typeof stored.appUrl === 'string' ? stored.appUrl : null,
    timeZone: settings.timeZone,
    problems: settings.problems,
  };
}
