/**
 * Redis loses everything (FLUSHALL) in the middle of a run: job schedulers, wake-ups, in-flight jobs. The
 * sweeper rebuilds schedulers and re-wakes stuck stages from the database, so nothing is lost. Runs against
 * a redis-server of its own on a free port, never the shared one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '@otklik/persistence';
import { countByStage, createTestDatabase, createWorkspaceWithReplaySource, exited, startBuilt, waitFor, writeTimeline, type TestDatabase } from './support/test-env';

describe('Redis flushed mid-run', () => {
  let database: TestDatabase;
  let redisServer: ChildProcess;
  let redisUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redisUrl = `redis://127.0.0.1:${port}`;
    await waitFor('the private redis-server', async () => {
      const probe = new Redis(redisUrl, { lazyConnect: true, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } finally {
        probe.disconnect();
      }
    });
  });

  afterAll(async () => {
    redisServer.kill('SIGTERM');
    await exited(redisServer);
    await database.drop();
  });

  it('loses nothing once the sweeper has run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-flush-'));
    const file = join(dir, 'timeline.jsonl');
    const { ids } = writeTimeline(file, 400, 20);
    const { workspaceId } = await createWorkspaceWithReplaySource(database.dataSource, file, { pollIntervalMs: 500 });
    const otklik = startBuilt('worker', {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      OTKLIK_QUEUE_PREFIX: 'flush-test',
      OTKLIK_DATA_DIR: dir,
      OTKLIK_SWEEP_INTERVAL_MS: '300',
      OTKLIK_SWEEP_AFTER_MS: '1500',
      OTKLIK_BATCH_SIZE: '100',
      OTKLIK_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
      LOG_LEVEL: 'warn',
    });
    const redis = new Redis(redisUrl);
    try {
      await waitFor('the run to be under way', async () => ((await countByStage(database.dataSource, workspaceId)).routed ?? 0) > 300, 60_000, 20);
      await redis.flushall();
      const afterFlush = await countByStage(database.dataSource, workspaceId);
      expect((afterFlush.routed ?? 0) < ids.length).toBe(true); // the flush really hit a run in progress
      await waitFor('every mention routed after the flush', async () => ((await countByStage(database.dataSource, workspaceId)).routed ?? 0) === ids.length, 400_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nstages: ${JSON.stringify(await countByStage(database.dataSource, workspaceId))}\noutput:\n${otklik.output()}`);
    } finally {
      redis.disconnect();
      otklik.child.kill('SIGTERM');
      await exited(otklik.child);
    }
    const [{ total, distinct }] = await database.dataSource.query(
      'SELECT count(*)::int AS total, count(DISTINCT external_id)::int AS distinct FROM mention WHERE workspace_id = $1',
      [workspaceId],
    );
    expect({ total, distinct }).toEqual({ total: ids.length, distinct: ids.length });
  }, 500_000);
});
