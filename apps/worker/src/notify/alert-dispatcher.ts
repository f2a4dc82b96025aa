/**
 * Hands new alerts to the notify queue: one delivery row and one job per matching notification channel
 * (routes: alert kinds and a minimum level), then marks the alert dispatched. Runs after the transaction that
 * wrote the alerts, and again from the monitor for any alert a crash or a lost queue left undispatched (the
 * source-failing alerts the poller writes come this way too). Idempotent: the delivery row is unique per alert
 * and channel, the job id is derived from the pair, and delivered rows are never enqueued again.
 */
import type { DataSource } from 'typeorm';
import type { QueueProducer } from '@otklik/queues';
import { channelWantsAlert, type ChannelRoutes } from './notification-channel.config';

export interface DispatchReport {
  alerts: number;
  deliveries: number;
  /** The alerts dispatched now, by workspace (for inbox events). */
  dispatched: { id: string; workspaceId: string }[];
}

/** Alerts written at least this long ago and still undispatched are the monitor's to pick up. */
export const DISPATCH_GRACE_MS = 2_000;

export async function dispatchAlerts(dataSource: DataSource, producer: Pick<QueueProducer, 'deliverAlert'>, alertIds: string[]): Promise<DispatchReport> {
  if (alertIds.length === 0) return { alerts: 0, deliveries: 0, dispatched: [] };
  const alerts: { id: string; workspace_id: string; kind: string; level: string }[] = await dataSource.query(
    'SELECT id, workspace_id, kind, level FROM alert WHERE id = ANY($1::uuid[]) AND dispatched_at IS NULL',
    [alertIds],
  );
  if (alerts.length === 0) return { alerts: 0, deliveries: 0, dispatched: [] };
  const workspaces = [...new Set(alerts.map((alert) => alert.workspace_id))];
  const channels: { id: string; workspace_id: string; routes: ChannelRoutes | null }[] = await dataSource.query(
    'SELECT id, workspace_id, routes FROM notification_channel WHERE workspace_id = ANY($1::uuid[]) AND enabled',
    [workspaces],
  );
  const pairs: { alertId: string; channelId: string; workspaceId: string }[] = [];
  for (const alert of alerts) {
    for (const channel of channels) {
      if (channel.workspace_id === alert.workspace_id && channelWantsAlert(channel.routes, alert)) pairs.push({ alertId: alert.id, channelId: channel.id, workspaceId: alert.workspace_id });
    }
  }
  let deliveries = 0;
  if (pairs.length > 0) {
    await dataSource.query(
      `INSERT INTO alert_delivery (workspace_id, alert_id, channel_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) ON CONFLICT (alert_id, channel_id) DO NOTHING`,
      [pairs.map((pair) => pair.workspaceId), pairs.map((pair) => pair.alertId), pairs.map((pair) => pair.channelId)],
    );
    const open: { alert_id: string; channel_id: string }[] = await dataSource.query(
      `SELECT alert_id, channel_id FROM alert_delivery WHERE alert_id = ANY($1::uuid[]) AND status <> 'delivered'`,
      [alerts.map((alert) => alert.id)],
    );
    for (const row of open) {
      await producer.deliverAlert(row.alert_id, row.channel_id);
      deliveries += 1;
    }
  }
  await dataSource.query('UPDATE alert SET dispatched_at = now() WHERE id = ANY($1::uuid[]) AND dispatched_at IS NULL', [alerts.map((alert) => alert.id)]);
  return { alerts: alerts.length, deliveries, dispatched: alerts.map((alert) => ({ id: alert.id, workspaceId: alert.workspace_id })) };
}

/** The safety net: alerts nobody dispatched (a crash after commit, a lost queue, rows other stages wrote). */
export async function dispatchPendingAlerts(dataSource: DataSource, producer: Pick<QueueProducer, 'deliverAlert'>, limit = 200): Promise<DispatchReport> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM alert WHERE dispatched_at IS NULL AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
    [DISPATCH_GRACE_MS / 1000, limit],
  );
  return dispatchAlerts(dataSource, producer, rows.map((row) => row.id));
}

/**
 * Deliveries whose job was lost (a flushed Redis) sit in pending or failed without a job: re-enqueue them.
 * The job id is the pair's, so a job still waiting or retrying absorbs the add.
 */
export async function requeueStalledDeliveries(dataSource: DataSource, producer: Pick<QueueProducer, 'deliverAlert'>, olderThanMs: number, limit = 200): Promise<number> {
  const rows: { alert_id: string; channel_id: string }[] = await dataSource.query(
    `SELECT alert_id, channel_id FROM alert_delivery
      WHERE status IN ('pending', 'sending') AND updated_at < now() - make_interval(secs => $1) AND created_at > now() - interval '1 day'
      ORDER BY updated_at LIMIT $2`,
    [olderThanMs / 1000, limit],
  );
  for (const row of rows) await producer.deliverAlert(row.alert_id, row.channel_id);
  return rows.length;
}
