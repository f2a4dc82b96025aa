/**
 * The notify queue: one job per alert and channel. Transient failures retry with the queue's exponential
 * backoff; a receiver that says how long to wait (HTTP 429, Telegram retry_after) is waited for; a permanent
 * failure (bad URL, revoked token, refused address) stops at once, with the reason on the delivery row.
 */
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '@otklik/queues';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { AlertDelivery } from './alert-delivery';
import { DeliveryError } from './delivery-error';

/** Longer waits than this go through the normal backoff instead (a job parked for hours helps nobody). */
const MAX_HONOURED_WAIT_MS = 5 * 60_000;

@Processor(QueueName.Notify)
export class NotifyProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('notify');
  private readonly delivery: AlertDelivery;

  constructor(dataSource: DataSource, @Inject(RUNTIME) private readonly runtime: Runtime) {
    super();
    this.delivery = new AlertDelivery(dataSource, runtime.secretKey, runtime.outbound);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.runtime.config.workerConcurrency;
  }

  async process(job: Job<{ alertId: string; channelId: string }>, token?: string): Promise<unknown> {
    switch (job.name) {
      case JobName.DeliverAlert:
        return this.deliver(job, token);
      default:
        throw new Error(`no handler for job "${job.name}" on queue "${job.queueName}"`);
    }
  }

  private async deliver(job: Job<{ alertId: string; channelId: string }>, token: string | undefined): Promise<unknown> {
    const { alertId, channelId } = job.data;
    try {
      return await this.delivery.deliver(alertId, channelId);
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      this.logger.warn(`alert ${alertId} → channel ${channelId}: ${error.kind}: ${error.message}`);
      if (error.kind === 'permanent') throw new UnrecoverableError(error.message);
      if (error.kind === 'rate_limited' && error.retryAfterMs !== null && error.retryAfterMs <= MAX_HONOURED_WAIT_MS && token) {
        await job.moveToDelayed(Date.now() + Math.max(error.retryAfterMs, 1_000), token);
        throw new DelayedError();
      }
      throw error;
    }
  }
}
