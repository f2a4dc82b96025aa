/** A worker process alone (docker-compose `worker`, scaled with --scale worker=N). */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@otklik/config';
import { parseQueueList } from '@otklik/queues';
import { CoreModule, startRuntime } from '@otklik/runtime';
import { Module, type DynamicModule } from '@nestjs/common';
import { WorkerModule } from './worker.module';
import { failStart } from './fail-start';

export async function startWorker(): Promise<void> {
  const config = loadConfig();
  const queues = parseQueueList(config.workerQueues);
  const runtime = await startRuntime(config, (line) => process.stdout.write(`otklik: ${line}\n`));
  @Module({})
  class WorkerRootModule {
    static create(): DynamicModule {
      return { module: WorkerRootModule, imports: [CoreModule.forRuntime(runtime, { applicationName: 'otklik-worker' }), WorkerModule.forQueues(queues)] };
    }
  }
  const app = await NestFactory.createApplicationContext(WorkerRootModule.create(), { logger: ['error', 'warn', 'log'] });
  const stop = async () => {
    // Workers finish their in-flight jobs (or leave them to be retried) before the process exits.
    await app.close();
    await runtime.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  process.stdout.write(`otklik: worker consuming ${queues.join(', ')} (${runtime.queue.kind} queues)\n`);
}

if (require.main === module) startWorker().catch(failStart);
