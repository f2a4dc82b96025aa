/**
 * The alerting safety net and periodic checks, on a timer in every worker process (each task is idempotent
 * and serialised across processes by a try-lock, so more workers do not mean more work):
 * - wake the escalation stage for mentions left waiting (another process died, or routed them);
 * - dispatch alerts nobody dispatched (a crash after commit, the poller's source-failing alerts);
 * - re-enqueue deliveries whose job was lost with Redis;
 * - raise SLA-breach digests (one alert per recipient: the assignee or team, then the leads);
 * - refresh the figures of changed incidents.
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { INBOX_EVENT_BUS, QueueProducer, type InboxEventBus } from '@otklik/queues';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { dispatchAlerts, dispatchPendingAlerts, requeueStalledDeliveries } from '../notify/alert-dispatcher';
import { staleEscalationWorkspaces } from './escalation-stage';
import { refreshChangedIncidents } from './incident-refresh';
import { checkSlaBreaches } from './sla-breach.check';
import { ThreadEscalator } from './thread-escalator.service';

/** Mentions waiting for escalation this long lost their wake-up (a crashed process): wake them here. */
const STALE_ESCALATION_MS = 1_000;
/** A delivery untouched this long without its job finishing is taken to have lost it. */
const STALLED_DELIVERY_MS = 5 * 60_000;

export interface MonitorReport {
  dispatched: number;
  requeued: number;
  slaAlerts: number;
  incidentsRefreshed: number;
}

@Injectable()
export class AlertMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('alert-monitor');
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopping = false;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(INBOX_EVENT_BUS) private readonly events: InboxEventBus,
    private readonly escalator: ThreadEscalator,
  ) {}

  onApplicationBootstrap(): void {
    // The sweeper's cadence: alerts left undispatched are delivered within one interval.
    this.timer = setInterval(() => void this.tick(), this.runtime.config.sweepIntervalMs);
    this.timer.unref();
  }

  /** Stops the timer and lets a tick in flight finish before the database connections close. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.inFlight;
  }

  tick(): Promise<MonitorReport | null> {
    if (this.running || this.stopping) return Promise.resolve(null);
    const run = this.runTick();
    this.inFlight = run.then(() => undefined);
    return run;
  }

  private async runTick(): Promise<MonitorReport | null> {
    this.running = true;
    const report: MonitorReport = { dispatched: 0, requeued: 0, slaAlerts: 0, incidentsRefreshed: 0 };
    try {
      // Not exclusive: each process wakes its own escalator; busy partitions are skipped by their locks.
      for (const workspaceId of await staleEscalationWorkspaces(this.dataSource, STALE_ESCALATION_MS)) this.escalator.wake(workspaceId);
      await this.exclusively('alert-monitor:dispatch', async () => {
        const pending = await dispatchPendingAlerts(this.dataSource, this.producer);
        report.dispatched = pending.alerts;
        // Alerts other stages wrote (a failing source) reach the inbox's live view here.
        await this.publish(pending.dispatched);
        report.requeued = await requeueStalledDeliveries(this.dataSource, this.producer, STALLED_DELIVERY_MS);
      });
      await this.exclusively('alert-monitor:sla', async () => {
        const ids = await checkSlaBreaches(this.dataSource);
        report.slaAlerts = ids.length;
        if (ids.length > 0) await this.announce(ids);
      });
      await this.exclusively('alert-monitor:incidents', async () => {
        report.incidentsRefreshed = await refreshChangedIncidents(this.dataSource);
      });
      if (report.slaAlerts + report.requeued > 0) this.logger.log(`monitor: ${JSON.stringify(report)}`);
    } catch (error) {
      if (!this.stopping) this.logger.warn(`monitor failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
    return report;
  }

  private async announce(alertIds: string[]): Promise<void> {
    await this.publish((await dispatchAlerts(this.dataSource, this.producer, alertIds)).dispatched);
  }

  private async publish(alerts: { id: string; workspaceId: string }[]): Promise<void> {
    const byWorkspace = new Map<string, string[]>();
    for (const alert of alerts) byWorkspace.set(alert.workspaceId, [...(byWorkspace.get(alert.workspaceId) ?? []), alert.id]);
    for (const [workspaceId, ids] of byWorkspace) await this.events.publish({ type: 'alert.new', workspaceId, ids, at: new Date().toISOString() });
  }

  /** Runs `task` only if no other process is running it; holds a session lock on a dedicated connection. */
  private async exclusively(name: string, task: () => Promise<void>): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [row] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [name]);
      if (!row.locked) return;
      try {
        await task();
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    } finally {
      await runner.release();
    }
  }
}
