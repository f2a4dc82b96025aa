/**
 * Queue processors: thin shells that switch on the job name and call the pipeline service. A job name with
 * no case fails the job loudly (never silently completes).
 */
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '@otklik/queues';
import { PipelineService } from '../pipeline/pipeline.service';

function unknownJob(job: Job): never {
  throw new Error(`no handler for job "${job.name}" on queue "${job.queueName}"`);
}

@Processor(QueueName.Poll)
export class PollProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(private readonly pipeline: PipelineService) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.pipeline.concurrency();
  }

  async process(job: Job<{ sourceId: string }>): Promise<unknown> {
    switch (job.name) {
      case JobName.PollSource:
        return this.pipeline.poll(job.data.sourceId);
      default:
        return unknownJob(job);
    }
  }
}

@Processor(QueueName.Classify)
export class ClassifyProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(private readonly pipeline: PipelineService) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.pipeline.concurrency();
  }

  async process(job: Job<{ workspaceId: string }>): Promise<unknown> {
    switch (job.name) {
      case JobName.ClassifyWorkspace:
        return { classified: await this.pipeline.classify(job.data.workspaceId) };
      default:
        return unknownJob(job);
    }
  }
}

@Processor(QueueName.Route)
export class RouteProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(private readonly pipeline: PipelineService) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.pipeline.concurrency();
  }

  async process(job: Job<{ workspaceId: string }>): Promise<unknown> {
    switch (job.name) {
      case JobName.RouteWorkspace:
        return { routed: await this.pipeline.route(job.data.workspaceId) };
      default:
        return unknownJob(job);
    }
  }
}
