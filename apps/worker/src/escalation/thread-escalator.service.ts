/**
 * Runs the escalation stage in this worker process: woken by routing after each committed batch
 * (and by the monitor for anything left waiting), it drains the workspace's partitions in parallel, at most
 * `workerConcurrency` at a time. Wake-ups for a workspace already draining are coalesced into one more pass.
 * Partitions another process holds are skipped (their lock is busy): that process is draining them.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { INBOX_EVENT_BUS, QueueProducer, type InboxEventBus } from '@otklik/queues';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { dispatchAlerts } from '../notify/alert-dispatcher';
import { ESCALATION_PARTITIONS, runEscalationStage } from './escalation-stage';

@Injectable()
export class ThreadEscalator implements OnModuleDestroy {
  private readonly logger = new Logger('escalation');
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly reported = new Map<string, string>();
  private slots: number;
  private readonly waiting: (() => void)[] = [];
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(INBOX_EVENT_BUS) private readonly events: InboxEventBus,
  ) {
    this.slots = Math.max(1, runtime.config.workerConcurrency);
  }

  /** Fire and forget: errors are logged, and the monitor re-wakes whatever stays pending. */
  wake(workspaceId: string): void {
    if (this.stopping) return;
    if (this.running.has(workspaceId)) {
      this.again.add(workspaceId);
      return;
    }
    const run = this.drain(workspaceId).finally(() => {
      this.running.delete(workspaceId);
      if (this.again.delete(workspaceId)) this.wake(workspaceId);
    });
    this.running.set(workspaceId, run);
  }

  /** Resolves when nothing is draining (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    // In-flight batches finish (or roll back); the rest stays pending for the next process.
    await this.idle();
  }

  private async drain(workspaceId: string): Promise<void> {
    const partitions = Array.from({ length: ESCALATION_PARTITIONS }, (_, partition) => partition);
    await Promise.all(partitions.map((partition) => this.withSlot(() => this.drainPartition(workspaceId, partition))));
  }

  private async drainPartition(workspaceId: string, partition: number): Promise<void> {
    try {
      await runEscalationStage(this.dataSource, workspaceId, partition, {
        batchSize: this.runtime.config.batchSize,
        shouldStop: () => this.stopping,
        onAlerts: (id, alertIds) => this.announce(id, alertIds),
        onSettingsProblems: (id, problems) => {
          const text = problems.join('; ');
          if (this.reported.get(id) === text) return;
          this.reported.set(id, text);
          this.logger.warn(`workspace ${id} settings: ${text}`);
        },
      });
    } catch (error) {
      if (!this.stopping) this.logger.warn(`escalation ${workspaceId}/${partition} failed, left pending for a retry: ${(error as Error).message}`);
    }
  }

  private async announce(workspaceId: string, alertIds: string[]): Promise<void> {
    try {
      await this.events.publish({ type: 'alert.new', workspaceId, ids: alertIds, at: new Date().toISOString() });
      await dispatchAlerts(this.dataSource, this.producer, alertIds);
    } catch (error) {
      this.logger.warn(`alerts ${alertIds.join(', ')}: dispatch deferred to the monitor (${(error as Error).message})`);
    }
  }

  private async withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (this.slots === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.slots -= 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.slots += 1;
    }
  }
}
