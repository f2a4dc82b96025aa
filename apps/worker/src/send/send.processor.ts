/**
 * The send queue: one job per reply (`send-<replyId>`). The processor turns `sendQueuedReply`'s outcome into
 * a queue outcome: retry (throw), wait what the platform said (move the job to delayed), or done. It also
 * re-enqueues queued replies whose job was lost (a flushed Redis) and closes replies whose job died without
 * reaching our handler (stalled too often), so no reply stays "queued" forever.
 */
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { CredentialCipher } from '@otklik/persistence';
import { DEFAULT_JOB_OPTIONS, INBOX_EVENT_BUS, JobName, QueueName, QueueProducer, type InboxEventBus } from '@otklik/queues';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { CONNECTOR_RESOLVER, ConnectorResolver } from '../pipeline/connector-resolver';
import { failReply, sendQueuedReply, type SendDeps, type SendOutcome } from './send-reply';

/** Replies re-checked per sweep: a backlog is worked through over several sweeps. */
const RECONCILE_BATCH = 200;
/** Attempts across re-enqueued jobs after which a reply is given up (three jobs' worth of retries). */
const MAX_ATTEMPTS_PER_REPLY = 3 * DEFAULT_JOB_OPTIONS.attempts;

@Processor(QueueName.Send)
export class SendProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('send');
  private readonly deps: SendDeps;
  private timer: NodeJS.Timeout | null = null;
  private reconciling = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CONNECTOR_RESOLVER) connectors: ConnectorResolver,
    @Inject(INBOX_EVENT_BUS) private readonly events: InboxEventBus,
  ) {
    super();
    this.deps = { dataSource, connectors, cipher: new CredentialCipher(runtime.secretKey) };
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.runtime.config.workerConcurrency;
    this.timer = setInterval(() => void this.reconcile(), Math.max(this.runtime.config.sweepIntervalMs, 1_000));
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
  }

  async process(job: Job<{ replyId: string }>, token?: string): Promise<unknown> {
    switch (job.name) {
      case JobName.SendReply:
        return this.send(job, token);
      default:
        throw new Error(`no handler for job "${job.name}" on queue "${job.queueName}"`);
    }
  }

  private async send(job: Job<{ replyId: string }>, token?: string): Promise<unknown> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await sendQueuedReply(this.deps, job.data.replyId, { finalAttempt });
    await this.announce(job.data.replyId, outcome);
    switch (outcome.status) {
      case 'retry':
        throw outcome.error;
      case 'delayed':
        // The platform said how long: wait exactly that, without spending one of the job's attempts.
        await job.moveToDelayed(outcome.until, token);
        throw new DelayedError(`rate limited until ${new Date(outcome.until).toISOString()}: ${outcome.reason}`);
      case 'failed':
        // Failed on purpose: the reason is on the reply row; the job shows it too, and is not retried.
        throw new UnrecoverableError(outcome.reason);
      default:
        return outcome;
    }
  }

  private async announce(replyId: string, outcome: SendOutcome): Promise<void> {
    if (outcome.status !== 'sent' && outcome.status !== 'failed') return;
    try {
      await this.events.publish({
        type: outcome.status === 'sent' ? 'mention.replied' : 'mention.updated',
        workspaceId: outcome.workspaceId,
        ids: [outcome.mentionId],
        at: new Date().toISOString(),
        actor: null,
      });
    } catch (error) {
      // The row is the truth; a lost live event only delays a screen refresh.
      this.logger.warn(`reply ${replyId}: inbox event not published (${(error as Error).message})`);
    }
  }

  /** A job that ended failed without our handler deciding it (stalled past the limit, an unexpected throw): close the reply. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ replyId: string }> | undefined, error: Error): Promise<void> {
    if (!job || job.name !== JobName.SendReply) return;
    const final = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    await failReply(this.dataSource, job.data.replyId, `send failed: ${error.message}`, true).catch(() => undefined);
  }

  /**
   * Queued replies untouched for a while: their job is gone (a flushed Redis), or finished while the row was
   * queued again (a failed reply re-queued, a job that ran before approval): enqueue again. The marker makes
   * the new job look for an earlier post first; the per-reply attempt count bounds the loop.
   */
  async reconcile(): Promise<void> {
    if (this.reconciling || this.stopping) return;
    this.reconciling = true;
    try {
      const stale: { id: string; attempts: number }[] = await this.dataSource.query(
        `SELECT id, attempts FROM reply WHERE status = 'queued'
            AND GREATEST(created_at, COALESCE(approved_at, created_at), COALESCE(attempted_at, created_at)) < now() - make_interval(secs => $1)
          ORDER BY created_at LIMIT $2`,
        [this.runtime.config.sweepAfterMs / 1000, RECONCILE_BATCH],
      );
      for (const { id, attempts } of stale) {
        const job = await this.producer.send.getJob(`send-${id}`);
        const state = job ? await job.getState() : 'unknown';
        if (state !== 'unknown' && state !== 'failed' && state !== 'completed') continue; // waiting, delayed or active: on its way
        if (attempts >= MAX_ATTEMPTS_PER_REPLY) {
          await failReply(this.dataSource, id, `send failed: gave up after ${attempts} attempts (it may have been posted: check the thread)`, true);
          continue;
        }
        if (job) await job.remove().catch(() => undefined);
        await this.producer.sendReply(id);
      }
    } catch (error) {
      if (!this.stopping) this.logger.warn(`send reconcile failed: ${(error as Error).message}`);
    } finally {
      this.reconciling = false;
    }
  }
}
