import { createPostgresBackend, setDefaultBackendFactory, type QueueOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import type { QueueBackend } from './queue-backend';

function redisConnection(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * The options every Queue and Worker of this process is built with. For PostgreSQL, BullMQ's backend is made
 * the process-wide default first (@nestjs/bullmq has no per-queue option for it).
 */
export function bullmqOptions(backend: QueueBackend): Pick<QueueOptions, 'connection' | 'prefix'> {
  if (backend.kind === 'postgres') {
    setDefaultBackendFactory(createPostgresBackend as never);
    return { connection: { connectionString: backend.databaseUrl, schema: backend.schema, max: 10, migrate: true } as never, prefix: backend.prefix };
  }
  setDefaultBackendFactory(undefined);
  return { connection: redisConnection(backend.url) as QueueOptions['connection'], prefix: backend.prefix };
}
