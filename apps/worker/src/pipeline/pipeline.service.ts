import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CredentialCipher } from '@otklik/persistence';
import { INBOX_EVENT_BUS, QueueProducer, type InboxEventBus } from '@otklik/queues';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { RouteEscalation } from '../escalation/route-escalation';
import { runClassifyStage } from './classify-stage';
import { CONNECTOR_RESOLVER, ConnectorResolver } from './connector-resolver';
import { MENTION_LABELER, type MentionLabeler } from './labeler';
import { pollSource, type PollOutcome } from './poll-source';
import { runRouteStage } from './route-stage';
import { sweep } from './sweeper';

/** The pipeline's operations, called by the queue processors (thin) and the sweeper timer. */
@Injectable()
export class PipelineService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('pipeline');
  private readonly cipher: CredentialCipher;
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;
  private stopping = false;
  private sweepInFlight: Promise<void> = Promise.resolve();
  /** Sources being polled by this process: a scheduler tick that lands meanwhile is skipped (see poll). */
  private readonly polling = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CONNECTOR_RESOLVER) private readonly connectors: ConnectorResolver,
    @Inject(MENTION_LABELER) private readonly labeler: MentionLabeler,
    @Inject(INBOX_EVENT_BUS) private readonly events: InboxEventBus,
    private readonly escalation: RouteEscalation,
  ) {
    this.cipher = new CredentialCipher(runtime.secretKey);
  }

  onApplicationBootstrap(): void {
    const interval = this.runtime.config.sweepIntervalMs;
    this.timer = setInterval(() => void this.sweepOnce(), interval);
    this.timer.unref();
    void this.sweepOnce();
  }

  /** Stops the timer and lets a sweep in flight finish before the database connections close. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.sweepInFlight;
  }

  isStopping(): boolean {
    return this.stopping;
  }

  concurrency(): number {
    return this.runtime.config.workerConcurrency;
  }

  sweepOnce(): Promise<void> {
    if (this.sweeping || this.stopping) return Promise.resolve();
    this.sweepInFlight = this.runSweep();
    return this.sweepInFlight;
  }

  private async runSweep(): Promise<void> {
    this.sweeping = true;
    try {
      const report = await sweep(this.dataSource, this.producer, this.runtime.config.sweepAfterMs);
      if (report.wokenClassify + report.wokenRoute + report.schedulersCreated > 0) this.logger.log(`sweep: ${JSON.stringify(report)}`);
    } catch (error) {
      if (!this.stopping) this.logger.warn(`sweep failed: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * One poll of a source at a time per process. A second poll started while the first is in flight would fetch
   * the same page, then wait on the source row's lock only to lose the cursor compare-and-set: pure waste (and a
   * pooled connection held meanwhile). The poll in flight re-polls by itself when the platform has more. Polls in
   * two processes stay correct through the compare-and-set.
   */
  async poll(sourceId: string): Promise<PollOutcome> {
    if (this.polling.has(sourceId)) return { inserted: 0, hasMore: false, workspaceId: null, skipped: 'a poll of this source is in flight' };
    this.polling.add(sourceId);
    try {
      const outcome = await pollSource(this.dataSource, this.connectors, this.cipher, sourceId, this.runtime.config.batchSize);
      if (outcome.inserted > 0 && outcome.workspaceId) await this.producer.wakeClassify(outcome.workspaceId);
      if (outcome.hasMore && !this.stopping) await this.producer.pollNow(sourceId);
      return outcome;
    } finally {
      this.polling.delete(sourceId);
    }
  }

  async classify(workspaceId: string): Promise<number> {
    return runClassifyStage(this.dataSource, this.labeler, workspaceId, {
      batchSize: this.runtime.config.batchSize,
      events: this.events,
      followUp: this.escalation,
      wakeRoute: (id) => this.producer.wakeRoute(id),
      shouldStop: () => this.stopping,
    });
  }

  async route(workspaceId: string): Promise<number> {
    return runRouteStage(this.dataSource, this.events, workspaceId, this.runtime.config.batchSize, () => this.stopping, this.escalation);
  }
}
