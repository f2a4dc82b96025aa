/**
 * The api process; with OTKLIK_ROLE=all (the embedded default of `npm start`) the worker runs in it too.
 * Start order: configuration → connections (embedded servers where nothing is configured) → migrations
 * (role all only; docker-compose runs a one-shot `otklik migrate`) → demo seed (OTKLIK_DEMO) → HTTP.
 */
import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCompress from '@fastify/compress';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, repoRoot } from '@otklik/config';
import { createDataSource, runMigrations, seedDemo } from '@otklik/persistence';
import { parseQueueList } from '@otklik/queues';
import { CoreModule, startRuntime, type Runtime } from '@otklik/runtime';
import { failStart } from '../../worker/src/fail-start';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from './api.module';
import { registerBodyParsers } from './http/body-parsers';
import { problemFromError, sendProblem } from './http/problem.filter';
import { apiCompressionOptions, noCompressionForEventStream, webUi } from './http/web-static';
import { mountQueueBoard } from './queue-board/queue-board';

function log(line: string): void {
  process.stdout.write(`otklik: ${line}\n`);
}

export async function migrateAndSeed(runtime: Runtime): Promise<void> {
  const dataSource = createDataSource(runtime.databaseUrl, { poolSize: 2, applicationName: 'otklik-migrate' });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
    if (runtime.config.demo) {
      const seeded = await seedDemo(dataSource, {
        timelineFile: join(repoRoot(), 'data', 'demo', 'timeline.jsonl'),
        outboxFile: join(runtime.config.dataDir, 'demo-sent-replies.jsonl'),
        speed: 60,
        pollIntervalMs: 2_000,
      });
      if (seeded.adminPassword) {
        log('demo workspace created. Log in once with (the password is shown only now):');
        log(`    email:    ${seeded.adminEmail}`);
        log(`    password: ${seeded.adminPassword}`);
        log('  (create more users with: npx otklik user:create --email you@example.com --role agent)');
      }
      if (seeded.sourceCreated) log('demo source enabled: the inbox fills within a minute (replies go to a local sandbox, never to a network)');
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The built web inbox (apps/web/dist, from `npm run build:web`) at `/`, precompressed (http/web-static.ts).
 * Nothing is served when the web was not built.
 */
async function serveWebUi(app: NestFastifyApplication): Promise<void> {
  const dist = join(repoRoot(), 'apps', 'web', 'dist');
  if (!existsSync(join(dist, 'index.html'))) return;
  await app.register(webUi(dist));
}

export async function createApp(runtime: Runtime): Promise<NestFastifyApplication> {
  const config = runtime.config;
  const withWorker = config.role === 'all';
  @Module({})
  class RootModule {
    static create(): DynamicModule {
      return {
        module: RootModule,
        imports: [
          CoreModule.forRuntime(runtime, { applicationName: withWorker ? 'otklik' : 'otklik-api' }),
          ApiModule,
          ...(withWorker ? [WorkerModule.forQueues(parseQueueList(config.workerQueues))] : []),
        ],
      };
    }
  }
  const adapter = new FastifyAdapter({
    // Paths match whatever their letter case and with or without a trailing slash, as they did on Express. A path
    // parameter may be longer than Fastify's default 100 characters: a long malformed id is the 400 that names it,
    // not a 404.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 2048 },
    // No trustProxy: request.ip (the login rate limiter's key) is the peer's address, X-Forwarded-For is ignored.
    // What the router refuses before any route runs (a URL that does not decode) is a problem+json answer too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, problemFromError(error, request), {}, request.url.split('?', 1)[0]),
  });
  // The guard's slot for the caller, declared once so that every request object keeps one shape.
  adapter.getInstance().decorateRequest('authUser', null);
  const app = await NestFactory.create<NestFastifyApplication>(RootModule.create(), adapter, {
    logger: ({ debug: ['error', 'warn', 'log', 'debug'], info: ['error', 'warn', 'log'], warn: ['error', 'warn'], error: ['error'] } as const)[config.logLevel].slice(),
    // The parsers are registered below, each with its own limit (http/body-parsers.ts).
    bodyParser: false,
    // Push deliveries are verified over the bytes as sent (webhooks controller reads request.rawBody).
    rawBody: true,
  });
  registerBodyParsers(app);
  // Before any route is added: compression is attached to each route as it is declared.
  app.getHttpAdapter().getInstance().addHook('onRoute', noCompressionForEventStream);
  await app.register(fastifyCompress, apiCompressionOptions());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Otklik API').setDescription('Social-media monitoring and response queue').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  await mountQueueBoard(app, runtime);
  await serveWebUi(app);
  return app;
}

export async function startApi(): Promise<void> {
  const config = loadConfig();
  const runtime = await startRuntime(config, log);
  try {
    if (config.role === 'all') await migrateAndSeed(runtime);
    const app = await createApp(runtime);
    await app.listen(config.port, '0.0.0.0');
    const stop = async () => {
      await app.close();
      await runtime.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    log(`${config.role === 'all' ? 'api + worker' : 'api'} listening on http://localhost:${config.port} (API docs: /api/docs, queues on ${runtime.queue.kind})`);
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}

if (require.main === module) startApi().catch(failStart);
