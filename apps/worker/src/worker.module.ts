import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { QueueName } from '@otklik/queues';
import { connectorResolverProvider } from './pipeline/connector-resolver';
import { ClassifierLabeler } from './pipeline/classifier-labeler';
import { MENTION_LABELER } from './pipeline/labeler';
import { PipelineService } from './pipeline/pipeline.service';
import { AlertMonitor } from './escalation/alert-monitor.service';
import { RouteEscalation } from './escalation/route-escalation';
import { ThreadEscalator } from './escalation/thread-escalator.service';
import { NotifyProcessor } from './notify/notify.processor';
import { ClassifyProcessor, PollProcessor, RouteProcessor } from './queues/pipeline.processors';
import { SendProcessor } from './send/send.processor';

const PROCESSORS: Partial<Record<QueueName, Provider>> = {
  [QueueName.Poll]: PollProcessor,
  [QueueName.Classify]: ClassifyProcessor,
  [QueueName.Route]: RouteProcessor,
  [QueueName.Notify]: NotifyProcessor,
  [QueueName.Send]: SendProcessor,
};

/** The worker: processors only for the queues this process consumes (OTKLIK_WORKER_QUEUES), plus the sweeper. */
@Module({})
export class WorkerModule {
  static forQueues(queues: QueueName[]): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        PipelineService,
        RouteEscalation,
        ThreadEscalator,
        AlertMonitor,
        connectorResolverProvider,
        { provide: MENTION_LABELER, useFactory: () => new ClassifierLabeler() },
        ...queues.flatMap((queue) => (PROCESSORS[queue] ? [PROCESSORS[queue]] : [])),
      ],
      exports: [PipelineService],
    };
  }
}
