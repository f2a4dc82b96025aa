/**
 * Where the queues live. Redis is the default and what we recommend beyond a small team; BullMQ's own
 * PostgreSQL backend (SKIP LOCKED + LISTEN/NOTIFY) lets a machine with nothing but Node run the product.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { redactUrl, type OtklikConfig } from '@otklik/config';

export type QueueBackend =
  | { kind: 'redis'; url: string; prefix: string; stop?: () => Promise<void> }
  | { kind: 'postgres'; databaseUrl: string; schema: string; prefix: string };

/** Connects once and answers PING within the timeout; the error names REDIS_URL. */
export async function checkRedis(url: string, timeoutMs = 3_000): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`REDIS_URL: cannot reach ${redactUrl(url)} (${(error as Error).message})`);
  } finally {
    redis.disconnect();
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await checkRedis(url, 500);
    return true;
  } catch {
    return false;
  }
}

async function startRedisServer(dataDir: string, port: number): Promise<() => Promise<void>> {
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  // Append-only file on: nothing queued is lost when the product restarts.
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], {
    stdio: 'ignore',
    detached: false,
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    if (await answers(url)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
}

export function postgresQueueSchema(prefix: string): string {
  return `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_queues`;
}

/**
 * Picks the queue backend as the configuration asks: REDIS_URL if set (checked); else a Redis on
 * 127.0.0.1:6379; else `redis-server` from PATH with data under the data directory; else PostgreSQL.
 */
export async function resolveQueueBackend(
  config: OtklikConfig,
  databaseUrl: string,
  log: (line: string) => void,
  port: (preferred: number) => Promise<number>,
): Promise<QueueBackend> {
  const prefix = config.queuePrefix;
  const postgres: QueueBackend = { kind: 'postgres', databaseUrl, schema: postgresQueueSchema(prefix), prefix };
  if (config.queueBackend === 'postgres') return postgres;
  if (config.redisUrl) {
    await checkRedis(config.redisUrl);
    return { kind: 'redis', url: config.redisUrl, prefix };
  }
  if (config.queueBackend === 'redis' || config.queueBackend === 'auto') {
    const local = 'redis://127.0.0.1:6379';
    if (await answers(local)) {
      log('queues: using the Redis answering on 127.0.0.1:6379');
      return { kind: 'redis', url: local, prefix };
    }
    if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0) {
      const freePort = await port(56379);
      const stop = await startRedisServer(config.dataDir, freePort);
      const url = `redis://127.0.0.1:${freePort}`;
      if (await answers(url)) {
        log(`queues: started redis-server on 127.0.0.1:${freePort} (append-only file under ${join(config.dataDir, 'redis')})`);
        return { kind: 'redis', url, prefix, stop };
      }
      await stop();
    }
    if (config.queueBackend === 'redis') throw new Error('REDIS_URL: not set, no Redis on 127.0.0.1:6379 and no redis-server on PATH');
  }
  log(
    'queues: no Redis found, running the queues on PostgreSQL (BullMQ\'s PostgreSQL backend). ' +
      'Redis is recommended beyond a small team: install redis-server (apt install redis-server / brew install redis) or set REDIS_URL.',
  );
  return postgres;
}
