/**
 * The one typed producer: every job the product enqueues goes through here, so job ids, options and
 * payloads are spelled in one place.
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JobName, QueueName } from './queue-names';

@Injectable()
export class QueueProducer {
  constructor(
    @InjectQueue(QueueName.Poll) readonly poll: Queue,
    @InjectQueue(QueueName.Classify) readonly classify: Queue,
    @InjectQueue(QueueName.Route) readonly route: Queue,
    @InjectQueue(QueueName.Send) readonly send: Queue,
    @InjectQueue(QueueName.Notify) readonly notify: Queue,
  ) {}

  all(): Queue[] {
    return [this.poll, this.classify, this.route, this.send, this.notify];
  }

  /** A wake-up for a stage: carries no mentions, so duplicates are harmless and losses are swept. */
  async wakeClassify(workspaceId: string): Promise<void> {
    await this.classify.add(JobName.ClassifyWorkspace, { workspaceId }, DEFAULT_JOB_OPTIONS);
  }

  async wakeRoute(workspaceId: string): Promise<void> {
    await this.route.add(JobName.RouteWorkspace, { workspaceId }, DEFAULT_JOB_OPTIONS);
  }

  async pollNow(sourceId: string): Promise<void> {
    await this.poll.add(JobName.PollSource, { sourceId }, { ...DEFAULT_JOB_OPTIONS, attempts: 3 });
  }

  async sendReply(replyId: string): Promise<void> {
    // The reply id is the job id: while the job exists, a second add is a no-op.
    await this.send.add(JobName.SendReply, { replyId }, { ...DEFAULT_JOB_OPTIONS, jobId: `send-${replyId}` });
  }

  async deliverAlert(alertId: string, channelId: string): Promise<void> {
    await this.notify.add(JobName.DeliverAlert, { alertId, channelId }, { ...DEFAULT_JOB_OPTIONS, jobId: `notify-${alertId}-${channelId}` });
  }

  schedulerId(sourceId: string): string {
    return `poll-${sourceId}`;
  }

  async schedulePolls(sourceId: string, everyMs: number): Promise<void> {
    await this.poll.upsertJobScheduler(this.schedulerId(sourceId), { every: everyMs }, { name: JobName.PollSource, data: { sourceId }, opts: { attempts: 3, backoff: DEFAULT_JOB_OPTIONS.backoff, removeOnComplete: DEFAULT_JOB_OPTIONS.removeOnComplete, removeOnFail: DEFAULT_JOB_OPTIONS.removeOnFail } });
  }

  async unschedulePolls(sourceId: string): Promise<void> {
    await this.poll.removeJobScheduler(this.schedulerId(sourceId));
  }
}
