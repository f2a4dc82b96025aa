/**
 * The route stage's follow-up: live escalation of the touched threads and alerts for new incidents and
 * campaigns, in the batch's transaction; after the commit, an `alert.new` inbox event and delivery to the
 * workspace's notification channels. If anything after the commit fails, the alert stays undispatched and
 * the monitor dispatches it within a few seconds.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { INBOX_EVENT_BUS, QueueProducer, type InboxEventBus } from '@otklik/queues';
import { dispatchAlerts } from '../notify/alert-dispatcher';
import { alertingSettings } from './alerting-settings';
import { raiseClusterAlerts } from './cluster-alerts.step';
import type { RoutedBatch, RouteFollowUp } from './route-follow-up';
import { escalateMentions } from './thread-escalation.step';

export async function raiseBatchAlerts(manager: EntityManager, workspaceId: string, batch: RoutedBatch): Promise<{ alertIds: string[]; problems: string[] }> {
  const [row] = await manager.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
  const settings = alertingSettings(row?.settings);
  const step = await escalateMentions(manager, workspaceId, batch.mentionIds, settings.escalation);
  const clusters = await raiseClusterAlerts(manager, workspaceId, batch.incidentIds, batch.campaignIds, settings);
  // Mentions of a merged cluster count on the incident they were merged into: mark it for the monitor's refresh.
  if (batch.incidentIds.length > 0) await manager.query('UPDATE incident SET updated_at = now() WHERE id = ANY($1::uuid[])', [batch.incidentIds]);
  return { alertIds: [...step.alertIds, ...clusters], problems: settings.problems };
}

@Injectable()
export class RouteEscalation implements RouteFollowUp {
  private readonly logger = new Logger('escalation');
  /** Settings problems already reported, per workspace, so a bad setting is logged once, not per batch. */
  private readonly reported = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    @Inject(INBOX_EVENT_BUS) private readonly events: InboxEventBus,
  ) {}

  async onRouted(manager: EntityManager, workspaceId: string, batch: RoutedBatch): Promise<(() => Promise<void>) | null> {
    const { alertIds, problems } = await raiseBatchAlerts(manager, workspaceId, batch);
    const problemText = problems.join('; ');
    if (problemText && this.reported.get(workspaceId) !== problemText) {
      this.reported.set(workspaceId, problemText);
      this.logger.warn(`workspace ${workspaceId} settings: ${problemText}`);
    }
    if (alertIds.length === 0) return null;
    return async () => {
      try {
        await this.events.publish({ type: 'alert.new', workspaceId, ids: alertIds, at: new Date().toISOString() });
        await dispatchAlerts(this.dataSource, this.producer, alertIds);
      } catch (error) {
        this.logger.warn(`alerts ${alertIds.join(', ')}: dispatch deferred to the monitor (${(error as Error).message})`);
      }
    };
  }
}
