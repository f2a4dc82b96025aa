/**
 * The pipeline's guarantees, run once per queue backend (Redis, and BullMQ's PostgreSQL backend):
 * exactly once, per-thread order, dead-letters for malformed records, and zero loss across a SIGKILL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countByStage,
  createTestDatabase,
  createWorkspaceWithReplaySource,
  dropQueueSchema,
  exited,
  queueEnv,
  startBuilt,
  waitFor,
  writeTimeline,
  type TestDatabase,
} from './test-env';

export function pipelineSuite(backend: 'redis' | 'postgres'): void {
  let database: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), `otklik-pipeline-${backend}-`));
  const prefixes: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    for (const prefix of prefixes) if (backend === 'postgres') await dropQueueSchema(database.url, prefix);
    await database.drop();
  });

  function processEnv(): Record<string, string> {
    const values = {
      ...queueEnv(backend),
      DATABASE_URL: database.url,
      OTKLIK_DATA_DIR: dir,
      OTKLIK_SWEEP_INTERVAL_MS: '300',
      OTKLIK_SWEEP_AFTER_MS: '2000',
      OTKLIK_BATCH_SIZE: '200',
      OTKLIK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOG_LEVEL: 'warn',
    };
    prefixes.push(values.OTKLIK_QUEUE_PREFIX);
    return values;
  }

  it('lands 10,000 replayed mentions exactly once, in per-thread order, dead-lettering malformed records', async () => {
    const file = join(dir, 'timeline-10k.jsonl');
    const bad = ['{"id": "broken", "channel": "x", "text": "unterminated', JSON.stringify({ id: 'no-text', channel: 'x', published_at: '2026-03-01T08:00:00Z', author: { id: 'x:1' } }), JSON.stringify({ id: 'bad-time', channel: 'x', published_at: 'tuesday', text: 'hi', author: { id: 'x:2' } })];
    const { ids } = writeTimeline(file, 500, 20, bad);
    const { workspaceId, sourceId } = await createWorkspaceWithReplaySource(database.dataSource, file);
    // The product as `npm start` runs it (api + worker in one process), built, in a child process.
    const otklik = startBuilt('api', { ...processEnv(), OTKLIK_ROLE: 'all', PORT: '0' });
    try {
      await waitFor('10,000 routed mentions', async () => ((await countByStage(database.dataSource, workspaceId)).routed ?? 0) >= ids.length, 400_000, 250);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // let any duplicate delivery surface
    } catch (error) {
      throw new Error(`${(error as Error).message}\nstages: ${JSON.stringify(await countByStage(database.dataSource, workspaceId))}\noutput:\n${otklik.output()}`);
    } finally {
      otklik.child.kill('SIGTERM');
      await exited(otklik.child);
    }
    const ds = database.dataSource;
    const [{ total, distinct }] = await ds.query('SELECT count(*)::int AS total, count(DISTINCT external_id)::int AS distinct FROM mention WHERE workspace_id = $1', [workspaceId]);
    expect(total).toBe(ids.length);
    expect(distinct).toBe(ids.length);
    expect(await countByStage(ds, workspaceId)).toEqual({ routed: ids.length });
    // Counters are bumped once per stored mention: a double application would show here.
    const [source] = await ds.query('SELECT mentions_ingested::int AS n, health FROM source WHERE id = $1', [sourceId]);
    expect(source).toEqual({ n: ids.length, health: 'ok' });
    const [threads] = await ds.query('SELECT count(*)::int AS n, sum(mention_count)::int AS sum FROM thread WHERE workspace_id = $1', [workspaceId]);
    expect(threads).toEqual({ n: 500, sum: ids.length });
    // Per-thread order: arrival sequence (id) follows each thread's published order.
    const disorder = await ds.query(
      `SELECT thread_id FROM (SELECT thread_id, id, lag(id) OVER (PARTITION BY thread_id ORDER BY published_at) AS previous FROM mention WHERE workspace_id = $1) x
        WHERE previous IS NOT NULL AND previous > id LIMIT 1`,
      [workspaceId],
    );
    expect(disorder).toEqual([]);
    // Malformed records: dead-lettered with the reason, the rest went through.
    const dead: { external_id: string | null; reason: string }[] = await ds.query(
      'SELECT external_id, reason FROM dead_letter WHERE workspace_id = $1 ORDER BY id',
      [workspaceId],
    );
    expect(dead).toHaveLength(3);
    expect(dead[0].reason).toMatch(/not valid JSON/);
    expect(dead.find((row) => row.external_id === 'no-text')?.reason).toMatch(/text: must be a string/);
    expect(dead.find((row) => row.external_id === 'bad-time')?.reason).toMatch(/published_at: is not an ISO 8601 time/);
    // Every mention left the classify stage labelled, with the classifier's version, and was prioritised.
    const [labels] = await ds.query(
      `SELECT count(*) FILTER (WHERE intent IS NULL OR severity IS NULL OR sentiment IS NULL OR classifier_version IS NULL OR explain IS NULL)::int AS unlabelled,
              count(*) FILTER (WHERE priority = 0)::int AS unprioritised, count(DISTINCT intent)::int AS intents FROM mention WHERE workspace_id = $1`,
      [workspaceId],
    );
    expect(labels).toEqual({ unlabelled: 0, unprioritised: 0, intents: expect.any(Number) });
    expect(labels.intents).toBeGreaterThan(1);
  }, 500_000);

  it('loses and duplicates nothing when a worker is killed with SIGKILL mid-batch', async () => {
    const file = join(dir, 'timeline-kill.jsonl');
    const { ids } = writeTimeline(file, 400, 20);
    const { workspaceId, sourceId } = await createWorkspaceWithReplaySource(database.dataSource, file, { pollIntervalMs: 500 });
    const env = processEnv();
    const first = startBuilt('worker', env);
    try {
      await waitFor(
        'the first worker to be mid-run',
        async () => {
          const stages = await countByStage(database.dataSource, workspaceId);
          return (stages.routed ?? 0) > 500 && (stages.routed ?? 0) < ids.length - 1000;
        },
        60_000,
        20,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\nworker output:\n${first.output()}`);
    }
    first.child.kill('SIGKILL');
    await exited(first.child);
    const second = startBuilt('worker', env);
    try {
      await waitFor('every mention routed after the restart', async () => ((await countByStage(database.dataSource, workspaceId)).routed ?? 0) === ids.length, 400_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nstages: ${JSON.stringify(await countByStage(database.dataSource, workspaceId))}\nworker output:\n${second.output()}`);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
    const ds = database.dataSource;
    const [{ total, distinct }] = await ds.query('SELECT count(*)::int AS total, count(DISTINCT external_id)::int AS distinct FROM mention WHERE workspace_id = $1', [workspaceId]);
    expect({ total, distinct }).toEqual({ total: ids.length, distinct: ids.length });
    const [source] = await ds.query('SELECT mentions_ingested::int AS n FROM source WHERE id = $1', [sourceId]);
    expect(source.n).toBe(ids.length);
    const [threads] = await ds.query('SELECT sum(mention_count)::int AS sum FROM thread WHERE workspace_id = $1', [workspaceId]);
    expect(threads.sum).toBe(ids.length);
  }, 500_000);
}
