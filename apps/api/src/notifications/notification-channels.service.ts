/**
 * Notification channels (admin/lead): where alerts go. Settings are validated per kind, stored encrypted
 * (CredentialCipher), and shown without their secrets; a test sends a real message now and reports the answer.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CredentialCipher } from '@otklik/persistence';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { AuditService, type AuthUser } from '../auth';
import { notFound, ProblemException } from '../http/problem';
import { sendTestMessage } from '../../../worker/src/notify/alert-delivery';
import { messageLanguage } from '../../../worker/src/notify/alert-message';
import { DeliveryError, redactSecrets } from '../../../worker/src/notify/delivery-error';
import {
  CHANNEL_FIELDS,
  ChannelConfigError,
  isNotificationKind,
  NOTIFICATION_KINDS,
  publicChannelConfig,
  validateChannelConfig,
  validateRoutes,
  type ChannelRoutes,
  type NotificationKind,
} from '../../../worker/src/notify/notification-channel.config';
import type { ChannelKindView, ChannelTestResultView, CreateNotificationChannelDto, NotificationChannelView, UpdateNotificationChannelDto } from './notification-channel.dto';

interface ChannelRow {
  id: string;
  kind: NotificationKind;
  name: string;
  config_encrypted: string;
  routes: ChannelRoutes | null;
  enabled: boolean;
  last_alert_id: string | null;
  last_status: string | null;
  last_attempts: number | null;
  last_error: string | null;
  last_at: Date | null;
}

const SELECT = `SELECT c.id, c.kind, c.name, c.config_encrypted, c.routes, c.enabled,
    d.alert_id AS last_alert_id, d.status AS last_status, d.attempts AS last_attempts, d.last_error, d.updated_at AS last_at
  FROM notification_channel c
  LEFT JOIN LATERAL (SELECT alert_id, status, attempts, last_error, updated_at FROM alert_delivery WHERE channel_id = c.id ORDER BY created_at DESC LIMIT 1) d ON true`;

function configProblem(error: unknown): never {
  if (error instanceof ChannelConfigError) throw new ProblemException(400, 'validation', error.message, { errors: [{ field: error.field, reason: error.reason }] });
  throw error;
}

@Injectable()
export class NotificationChannelsService {
  private readonly cipher: CredentialCipher;
  private readonly outbound: Runtime['outbound'];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    this.cipher = new CredentialCipher(runtime.secretKey);
    this.outbound = runtime.outbound;
  }

  kinds(): ChannelKindView[] {
    return NOTIFICATION_KINDS.map((kind) => ({ kind, fields: CHANNEL_FIELDS[kind].map((field) => ({ ...field })) }));
  }

  async list(user: AuthUser): Promise<NotificationChannelView[]> {
    const rows: ChannelRow[] = await this.dataSource.query(`${SELECT} WHERE c.workspace_id = $1 ORDER BY c.name, c.id`, [user.workspaceId]);
    return rows.map((row) => this.view(row));
  }

  async get(user: AuthUser, id: string): Promise<NotificationChannelView> {
    return this.view(await this.row(user, id));
  }

  async create(user: AuthUser, body: CreateNotificationChannelDto): Promise<NotificationChannelView> {
    if (!isNotificationKind(body.kind)) throw new ProblemException(400, 'validation', `kind: must be one of ${NOTIFICATION_KINDS.join(', ')}`);
    let config: Record<string, string>;
    let routes: ChannelRoutes;
    try {
      config = validateChannelConfig(body.kind, body.config);
      routes = validateRoutes(body.routes);
    } catch (error) {
      configProblem(error);
    }
    await this.checkOutbound(body.kind, config);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO notification_channel (workspace_id, kind, name, config_encrypted, routes, enabled) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
        [user.workspaceId, body.kind, body.name.trim(), this.cipher.encrypt(config), JSON.stringify(routes), body.enabled ?? true],
      );
      await this.audit.record(user.workspaceId, user.userId, 'notification_channel.created', { type: 'notification_channel', id: row.id }, { kind: body.kind, name: body.name, routes, settings: Object.keys(config) }, manager);
      return row.id as string;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, body: UpdateNotificationChannelDto): Promise<NotificationChannelView> {
    await this.dataSource.transaction(async (manager) => {
      const [row]: ChannelRow[] = await manager.query('SELECT id, kind, config_encrypted, routes FROM notification_channel WHERE id = $1 AND workspace_id = $2 FOR UPDATE', [id, user.workspaceId]);
      if (!row) throw notFound('notification channel', id);
      let config: Record<string, string> | null = null;
      let routes: ChannelRoutes | null = null;
      try {
        if (body.config !== undefined) config = validateChannelConfig(row.kind, body.config, this.cipher.decrypt(row.config_encrypted));
        if (body.routes !== undefined) routes = validateRoutes(body.routes);
      } catch (error) {
        configProblem(error);
      }
      if (config) await this.checkOutbound(row.kind, config);
      await manager.query(
        `UPDATE notification_channel SET name = COALESCE($3, name), config_encrypted = COALESCE($4, config_encrypted), routes = COALESCE($5::jsonb, routes), enabled = COALESCE($6, enabled)
          WHERE id = $1 AND workspace_id = $2`,
        [id, user.workspaceId, body.name?.trim() ?? null, config ? this.cipher.encrypt(config) : null, routes ? JSON.stringify(routes) : null, body.enabled ?? null],
      );
      await this.audit.record(
        user.workspaceId,
        user.userId,
        'notification_channel.updated',
        { type: 'notification_channel', id },
        { name: body.name ?? undefined, enabled: body.enabled ?? undefined, routes: routes ?? undefined, settingsChanged: body.config ? Object.keys(body.config) : [] },
        manager,
      );
    });
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query('SELECT id, kind, name FROM notification_channel WHERE id = $1 AND workspace_id = $2 FOR UPDATE', [id, user.workspaceId]);
      if (!row) throw notFound('notification channel', id);
      await manager.query('DELETE FROM notification_channel WHERE id = $1', [id]);
      await this.audit.record(user.workspaceId, user.userId, 'notification_channel.deleted', { type: 'notification_channel', id }, { kind: row.kind, name: row.name }, manager);
    });
  }

  /** Sends a test message through the stored settings now (enabled or not) and reports the receiver's answer. */
  async test(user: AuthUser, id: string): Promise<ChannelTestResultView> {
    const row = await this.row(user, id);
    const [workspace] = await this.dataSource.query('SELECT name, settings FROM workspace WHERE id = $1', [user.workspaceId]);
    const config = this.cipher.decrypt(row.config_encrypted);
    const started = Date.now();
    let result: ChannelTestResultView;
    try {
      const receipt = await sendTestMessage(row.kind, config, workspace.name, messageLanguage(workspace.settings?.language), this.outbound);
      result = { ok: true, detail: receipt.detail, durationMs: Date.now() - started };
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('transient', (error as Error).message);
      const secrets = CHANNEL_FIELDS[row.kind].filter((field) => field.secret).map((field) => config[field.name]);
      result = { ok: false, detail: redactSecrets(failure.message, secrets), errorKind: failure.kind, durationMs: Date.now() - started };
    }
    await this.audit.record(user.workspaceId, user.userId, 'notification_channel.tested', { type: 'notification_channel', id }, { ok: result.ok, detail: result.detail });
    return result;
  }

  /**
   * URL settings and the e-mail server pointing into the deployment's own network are refused on save; the guard
   * refuses them again when sending (DNS can change).
   */
  private async checkOutbound(kind: NotificationKind, config: Record<string, string>): Promise<void> {
    for (const spec of CHANNEL_FIELDS[kind]) {
      const value = config[spec.name];
      const smtpHost = kind === 'email' && spec.name === 'host';
      if ((spec.type !== 'url' && !smtpHost) || value === undefined) continue;
      const reason = smtpHost ? await this.outbound.checkHost(value) : await this.outbound.check(value);
      if (reason) configProblem(new ChannelConfigError(`config.${spec.name}`, reason));
    }
  }

  private async row(user: AuthUser, id: string): Promise<ChannelRow> {
    const [row]: ChannelRow[] = await this.dataSource.query(`${SELECT} WHERE c.id = $1 AND c.workspace_id = $2`, [id, user.workspaceId]);
    if (!row) throw notFound('notification channel', id);
    return row;
  }

  private view(row: ChannelRow): NotificationChannelView {
    let visible: ReturnType<typeof publicChannelConfig> = { settings: {}, secrets: {} };
    try {
      visible = publicChannelConfig(row.kind, this.cipher.decrypt(row.config_encrypted));
    } catch {
      // A key change makes stored settings unreadable: show the channel, marked, rather than failing the list.
      visible = { settings: { unreadable: true }, secrets: {} };
    }
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      enabled: row.enabled,
      routes: row.routes ?? {},
      settings: visible.settings,
      secrets: visible.secrets,
      lastDelivery: row.last_alert_id
        ? { alertId: row.last_alert_id, status: row.last_status ?? '', attempts: row.last_attempts ?? 0, lastError: row.last_error, at: row.last_at!.toISOString() }
        : null,
    };
  }
}
