/**
 * Delivering one alert to one notification channel, exactly once as far as we can tell: the alert_delivery
 * row (unique per alert and channel) is claimed before sending and marked delivered after, so a retried or
 * duplicated job never sends again once one attempt succeeded. A send that succeeded at the receiver but
 * whose answer was lost can still repeat; receivers get a stable X-Otklik-Delivery id to drop it.
 */
import type { DataSource } from 'typeorm';
import { CredentialCipher } from '@otklik/persistence';
import { alertingSettings } from '../escalation/alerting-settings';
import { loadSlaDigests, type StoredSlaDigest } from '../escalation/sla-digest.query';
import { composeAlertMessage, messageLanguage, type AlertMessageContext, type MessageLanguage, type SlaDigestLine } from './alert-message';
import { DeliveryError } from './delivery-error';
import { isNotificationKind, type NotificationKind } from './notification-channel.config';
import { CHANNEL_SENDERS, type Outbound, type OutgoingAlert, type SendReceipt } from './senders';

/** A claim older than this is taken to belong to a process that died mid-send. */
const STALE_CLAIM_SECONDS = 120;

export type DeliveryOutcome =
  | { status: 'delivered'; attempts: number; detail: string }
  | { status: 'already_delivered' }
  | { status: 'skipped'; reason: string };

interface AlertRow {
  id: string;
  workspace_id: string;
  kind: string;
  level: string;
  score: number | null;
  reasons: string[];
  alerted_at: Date;
  thread_id: string | null;
  incident_id: string | null;
  campaign_id: string | null;
  source_id: string | null;
  mention_id: string | null;
  recipient_user_id: string | null;
  recipient_role: string | null;
  workspace_name: string;
  settings: Record<string, unknown> | null;
  thread_channel: string | null;
  thread_external_id: string | null;
  thread_mentions: number | null;
  mention_text: string | null;
  mention_url: string | null;
  mention_channel: string | null;
  mention_published_at: Date | null;
  author_handle: string | null;
  author_followers: number | null;
  incident_title: string | null;
  incident_mentions: number | null;
  incident_affected: number | null;
  incident_status: string | null;
  incident_critical: boolean | null;
  campaign_posts: number | null;
  source_name: string | null;
  source_channel: string | null;
  recipient_name: string | null;
  recipient_email: string | null;
}

async function loadAlert(dataSource: DataSource, alertId: string): Promise<AlertRow | null> {
  const [row] = await dataSource.query(
    `SELECT a.id, a.workspace_id, a.kind, a.level, a.score, a.reasons, a.alerted_at, a.thread_id, a.incident_id, a.campaign_id, a.source_id,
            a.mention_id, a.recipient_user_id, a.recipient_role,
            w.name AS workspace_name, w.settings,
            t.channel AS thread_channel, t.external_id AS thread_external_id, t.mention_count AS thread_mentions,
            m.text AS mention_text, m.url AS mention_url, m.channel AS mention_channel, m.published_at AS mention_published_at,
            au.handle AS author_handle, au.followers AS author_followers,
            i.title AS incident_title, i.mention_count AS incident_mentions, i.affected_count AS incident_affected, i.status AS incident_status,
            i.critical_data AS incident_critical,
            c.post_count AS campaign_posts, s.name AS source_name, s.channel AS source_channel,
            u.display_name AS recipient_name, u.email AS recipient_email
       FROM alert a
       JOIN workspace w ON w.id = a.workspace_id
       LEFT JOIN thread t ON t.id = a.thread_id
       LEFT JOIN mention m ON m.id = a.mention_id
       LEFT JOIN author au ON au.id = m.author_id
       LEFT JOIN incident i ON i.id = a.incident_id
       LEFT JOIN campaign c ON c.id = a.campaign_id
       LEFT JOIN source s ON s.id = a.source_id
       LEFT JOIN app_user u ON u.id = a.recipient_user_id
      WHERE a.id = $1`,
    [alertId],
  );
  return row ?? null;
}

/** The digest's named mentions as message lines, linked into the product when the workspace has a link. */
function slaDigestContext(digest: StoredSlaDigest, appUrl: string | null, timeZone: string): NonNullable<AlertMessageContext['slaDigest']> {
  const named = digest.named.map(
    (mention): SlaDigestLine => ({
      id: mention.mentionId,
      dueAt: mention.dueAt ? mention.dueAt.toISOString() : null,
      severity: mention.severity,
      priority: mention.priority,
      text: mention.text,
      authorHandle: mention.authorHandle,
      link: appUrl ? `${appUrl}/inbox/${mention.mentionId}` : mention.url,
    }),
  );
  return { mentionCount: digest.mentionIds.length, named, timeZone };
}

/** The message context; an SLA digest shows its mentions itself, so the single-mention lines are left out. */
export function alertContext(row: AlertRow, digest: StoredSlaDigest | null = null): AlertMessageContext {
  const appUrl = typeof row.settings?.appUrl === 'string' ? row.settings.appUrl.replace(/\/+$/, '') : null;
  return {
    alert: { id: row.id, kind: row.kind, level: row.level, score: row.score, reasons: row.reasons ?? [], alertedAt: row.alerted_at.toISOString() },
    workspaceName: row.workspace_name,
    thread: row.thread_channel && !digest ? { channel: row.thread_channel, externalId: row.thread_external_id ?? '', mentionCount: row.thread_mentions ?? 0 } : null,
    mention:
      row.mention_text !== null && row.mention_published_at && !digest
        ? { text: row.mention_text, url: row.mention_url, channel: row.mention_channel ?? '', authorHandle: row.author_handle, followers: row.author_followers, publishedAt: row.mention_published_at.toISOString() }
        : null,
    slaDigest: digest ? slaDigestContext(digest, appUrl, alertingSettings(row.settings).timeZone) : null,
    incident:
      row.incident_title !== null
        ? { title: row.incident_title, mentionCount: row.incident_mentions ?? 0, affected: row.incident_affected ?? 0, status: row.incident_status ?? '', criticalData: row.incident_critical === true }
        : null,
    campaign: row.campaign_posts !== null ? { postCount: row.campaign_posts } : null,
    source: row.source_name !== null ? { name: row.source_name, channel: row.source_channel ?? '' } : null,
    recipient: row.recipient_user_id || row.recipient_role ? { displayName: row.recipient_name, role: row.recipient_role } : row.kind === 'sla_breach' ? { displayName: null, role: null } : null,
    link: appUrl ? `${appUrl}/alerts/${row.id}` : null,
  };
}

function alertPayload(row: AlertRow, digest: StoredSlaDigest | null): Record<string, unknown> {
  return {
    alertId: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    level: row.level,
    score: row.score,
    reasons: row.reasons ?? [],
    alertedAt: row.alerted_at.toISOString(),
    threadId: row.thread_id,
    incidentId: row.incident_id,
    campaignId: row.campaign_id,
    sourceId: row.source_id,
    mentionId: row.mention_id,
    mentionUrl: row.mention_url,
    ...(digest ? { slaStage: digest.stage, mentionCount: digest.mentionIds.length, mentionIds: digest.mentionIds } : {}),
  };
}

async function extraRecipients(dataSource: DataSource, row: AlertRow): Promise<string[]> {
  if (row.recipient_email) return [row.recipient_email];
  if (!row.recipient_role) return [];
  const leads: { email: string }[] = await dataSource.query(
    `SELECT u.email FROM membership mb JOIN app_user u ON u.id = mb.user_id WHERE mb.workspace_id = $1 AND mb.role = $2 ORDER BY u.email LIMIT 50`,
    [row.workspace_id, row.recipient_role],
  );
  return leads.map((lead) => lead.email);
}

export class AlertDelivery {
  private readonly cipher: CredentialCipher;

  constructor(
    private readonly dataSource: DataSource,
    secretKey: Buffer,
    /** The runtime's outbound guard: what every channel reaches its receiver through. */
    private readonly outbound: Outbound,
  ) {
    this.cipher = new CredentialCipher(secretKey);
  }

  /**
   * Sends the alert to the channel unless a delivery already succeeded. Throws DeliveryError on failure
   * (the row records it); the caller (the queue) decides about retrying from its kind.
   */
  async deliver(alertId: string, channelId: string): Promise<DeliveryOutcome> {
    const [channel]: { id: string; workspace_id: string; kind: string; config_encrypted: string; enabled: boolean }[] = await this.dataSource.query(
      'SELECT id, workspace_id, kind, config_encrypted, enabled FROM notification_channel WHERE id = $1',
      [channelId],
    );
    if (!channel) return { status: 'skipped', reason: 'the notification channel no longer exists' };
    await this.dataSource.query(
      `INSERT INTO alert_delivery (workspace_id, alert_id, channel_id)
       SELECT a.workspace_id, a.id, $2 FROM alert a WHERE a.id = $1 AND a.workspace_id = $3
       ON CONFLICT (alert_id, channel_id) DO NOTHING`,
      [alertId, channelId, channel.workspace_id],
    );
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
    const claimed: { id: string; attempts: number }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE alert_delivery SET status = 'sending', attempts = attempts + 1, updated_at = now()
          WHERE alert_id = $1 AND channel_id = $2
            AND (status IN ('pending', 'failed') OR (status = 'sending' AND updated_at < now() - make_interval(secs => $3)))
          RETURNING id, attempts)
       SELECT id, attempts FROM claimed`,
      [alertId, channelId, STALE_CLAIM_SECONDS],
    );
    if (claimed.length === 0) {
      const [current]: { status: string }[] = await this.dataSource.query('SELECT status FROM alert_delivery WHERE alert_id = $1 AND channel_id = $2', [alertId, channelId]);
      if (!current) return { status: 'skipped', reason: 'the alert no longer exists (or belongs to another workspace)' };
      if (current.status === 'delivered') return { status: 'already_delivered' };
      throw new DeliveryError('transient', 'another attempt is sending this alert right now');
    }
    const { id: deliveryId, attempts } = claimed[0];
    try {
      if (!channel.enabled) throw new DeliveryError('permanent', 'the notification channel is disabled');
      if (!isNotificationKind(channel.kind)) throw new DeliveryError('permanent', `unknown notification channel kind "${channel.kind}"`);
      const row = await loadAlert(this.dataSource, alertId);
      if (!row) throw new DeliveryError('permanent', 'the alert no longer exists');
      const config = this.decrypt(channel.config_encrypted);
      const digest = row.kind === 'sla_breach' ? ((await loadSlaDigests(this.dataSource, [row.id])).get(row.id) ?? null) : null;
      const outgoing: OutgoingAlert = {
        message: composeAlertMessage(alertContext(row, digest), messageLanguage(row.settings?.language)),
        payload: alertPayload(row, digest),
        deliveryId,
        extraRecipients: await extraRecipients(this.dataSource, row),
      };
      const receipt = await CHANNEL_SENDERS[channel.kind](config, outgoing, this.outbound);
      await this.dataSource.query(`UPDATE alert_delivery SET status = 'delivered', delivered_at = now(), last_error = NULL, updated_at = now() WHERE id = $1`, [deliveryId]);
      return { status: 'delivered', attempts, detail: receipt.detail };
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('transient', (error as Error).message);
      await this.dataSource.query(`UPDATE alert_delivery SET status = 'failed', last_error = $2, updated_at = now() WHERE id = $1`, [deliveryId, failure.message.slice(0, 1000)]);
      throw failure;
    }
  }

  private decrypt(stored: string): Record<string, string> {
    try {
      return this.cipher.decrypt(stored);
    } catch (error) {
      throw new DeliveryError('permanent', (error as Error).message);
    }
  }
}

/** A test message through a channel's settings, now, without an alert row (the settings page's "send test"). */
export async function sendTestMessage(
  kind: NotificationKind,
  config: Record<string, string>,
  workspaceName: string,
  language: MessageLanguage,
  outbound: Outbound,
): Promise<SendReceipt> {
  const context: AlertMessageContext = {
    alert: { id: 'test', kind: 'escalation', level: 'watch', score: null, reasons: [], alertedAt: new Date().toISOString() },
    workspaceName,
    test: true,
  };
  const message = composeAlertMessage(context, language);
  return CHANNEL_SENDERS[kind](config, {
    message,
    payload: { alertId: null, kind: 'test', level: 'watch', test: true, sentAt: context.alert.alertedAt },
    deliveryId: `test-${Date.now().toString(36)}`,
    extraRecipients: [],
  }, outbound);
}
