/**
 * Routing's follow-up (pipeline/mention-routing.ts), inside its batch transaction: the routed mentions are
 * queued for the escalation stage (escalation-stage.ts), and new incidents and campaigns are alerted on at once
 * (cheap SQL on the cluster rows routing just wrote). After the commit: an `alert.new` inbox event and delivery for those
 * alerts, and a wake-up for this process's escalation stage. If anything after the commit fails, the alert
 * stays undispatched / the mentions stay pending, and the monitor picks them up within a few seconds.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { INBOX_EVENT_BUS, QueueProducer, type InboxEventBus } from '@otklik/queues';
import { dispatchAlerts } from '../notify/alert-dispatcher';
import { alertingSettings } from './alerting-settings';
import { raiseClusterAlerts } from './cluster-alerts.step';
import { enqueueEscalation } from './escalation-stage';
import type { RoutedBatch, RouteFollowUp } from './route-follow-up';
import { ThreadEscalator } from './thread-escalator.service';

/** The in-transaction part; returns the cluster alerts it wrote. */
export async function routeFollowUpStep(manager: EntityManager, workspaceId: string, batch: RoutedBatch): Promise<string[]> {
  await enqueueEscalation(manager, workspaceId, batch.mentionIds);
  if (batch.incidentIds.length === 0 && batch.campaignIds.length === 0) return [];
  const [row] = await manager.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
  const settings = alertingSettings(row?.settings);
  const alertIds = await raiseClusterAlerts(manager, workspaceId, batch.incidentIds, batch.campaignIds, settings);
  // Mentions of a merged cluster count on the incident they were merged into: mark it for the monitor's refresh.
  if (batch.incidentIds.length > 0) await manager.query('UPDATE incident SET updated_at = now() WHERE id = ANY($1::uuid[])', [batch.incidentIds]);
  return alertIds;
}

@Injectable()
export class RouteEscalation implements RouteFollowUp {
  private readonly logger = new Logger('escalation');

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    private readonly escalator: ThreadEscalator,
    @Inject(INBOX_EVENT_BUS) private readonly events: InboxEventBus,
  ) {}

  async onRouted(manager: EntityManager, workspaceId: string, batch: RoutedBatch): Promise<(() => Promise<void>) | null> {
    const alertIds = await routeFollowUpStep(manager, workspaceId, batch);
    return async () => {
      this.escalator.wake(workspaceId);
      if (alertIds.length === 0) return;
      try {
        await this.events.publish({ type: 'alert.new', workspaceId, ids: alertIds, at: new Date().toISOString() });
        await dispatchAlerts(this.dataSource, this.producer, alertIds);
      } catch (error) {
        this.logger.warn(`alerts ${alertIds.join(', ')}: dispatch deferred to the monitor (${(error as Error).message})`);
      }
    };
  }
}
