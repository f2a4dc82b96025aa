/**
 * What every Otklik process shares: the runtime (config + connections), the database, the queues (as
 * producers), and the inbox event bus. Global, so feature modules stay free of connection wiring.
 */
import { BullModule } from '@nestjs/bullmq';
import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@otklik/persistence';
import { ALL_QUEUES, bullmqOptions, createInboxEventBus, DEFAULT_JOB_OPTIONS, INBOX_EVENT_BUS, QueueProducer, type InboxEventBus } from '@otklik/queues';
import type { Runtime } from './runtime';
import { RUNTIME } from './runtime.token';

@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(INBOX_EVENT_BUS) private readonly events: InboxEventBus) {}

  static forRuntime(runtime: Runtime, options: { poolSize?: number; applicationName?: string } = {}): DynamicModule {
    const queueOptions = bullmqOptions(runtime.queue);
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(runtime.databaseUrl, options)),
        BullModule.forRoot({ ...queueOptions, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: INBOX_EVENT_BUS, useFactory: () => createInboxEventBus(runtime.queue) },
        QueueProducer,
      ],
      exports: [RUNTIME, INBOX_EVENT_BUS, QueueProducer, BullModule],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
  }
}
