/**
 * Pipeline throughput and latency (issue targets: ≥ 10,000 mentions/s from poll to routed with labels stored;
 * inbox-visible latency p99 ≤ 2 s at a steady 1,000 mentions/s), next to a bare BullMQ pipeline with the same
 * three stages and batching doing no work, on the same queue backend.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { repoRoot } from '@otklik/config';
import { createDataSource, runMigrations } from '@otklik/persistence';
import { bullmqOptions } from '@otklik/queues';
import type { Runtime } from '@otklik/runtime';
import { createApp } from '../../../api/src/main';
import { benchDatabase, benchSize } from './bench-database';

/** The demo timeline's realistic texts, repeated with unique ids and threads, `spacingMs` apart. */
function writeBenchTimeline(file: string, count: number, spacingMs: number): void {
  const demo = readFileSync(join(repoRoot(), 'data', 'demo', 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const start = Date.parse('2026-06-01T00:00:00Z');
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const round = Math.floor(i / demo.length);
    const record = demo[i % demo.length];
    out.push(
      JSON.stringify({
        ...record,
        id: `${record.id}-r${round}`,
        published_at: new Date(start + i * spacingMs).toISOString(),
        author: { ...record.author, id: `${record.author.id}-r${round % 50}` },
        thread: { id: `${record.thread.id}-r${round}`, in_reply_to: record.thread.in_reply_to ? `${record.thread.in_reply_to}-r${round}` : null },
      }),
    );
  }
  writeFileSync(file, `${out.join('\n')}\n`);
}

async function addSource(runtime: Runtime, file: string, speed: number, startedAt: Date): Promise<string> {
  const dataSource = createDataSource(runtime.databaseUrl, { poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const [workspace] = await dataSource.query(`INSERT INTO workspace (name, slug) VALUES ('Bench', $1) RETURNING id`, [`bench-${Date.now()}-${Math.random()}`]);
    await dataSource.query(`INSERT INTO source (workspace_id, channel, name, options, poll_interval_ms) VALUES ($1, 'demo', 'bench', $2::jsonb, 100)`, [
      workspace.id,
      JSON.stringify({ file, speed, startedAt: startedAt.toISOString() }),
    ]);
    return workspace.id;
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Waits until the workspace holds `count` mentions and none is pending a stage. Checked on one connection
 * through the pipeline's partial index, every 100 ms: the watcher must not load the database it measures.
 */
async function waitRouted(runtime: Runtime, workspaceId: string, count: number, timeoutMs: number): Promise<number> {
  const dataSource = createDataSource(runtime.databaseUrl, { poolSize: 1 });
  await dataSource.initialize();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [pending] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM mention WHERE workspace_id = $1 AND stage IN ('ingested', 'classified')) AS any`, [workspaceId]);
      if (!pending.any) {
        const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM mention WHERE workspace_id = $1 AND stage = 'routed'`, [workspaceId]);
        if (row.n >= count) return Date.now();
        if (Date.now() > deadline) throw new Error(`only ${row.n} of ${count} routed after ${timeoutMs} ms`);
      } else if (Date.now() > deadline) throw new Error(`mentions still pending after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await dataSource.destroy();
  }
}

async function barePipeline(runtime: Runtime, mentions: number, perJob: number): Promise<number> {
  const options = bullmqOptions(runtime.queue);
  const prefix = `${runtime.queue.prefix}-bare`;
  const names = ['bare-poll', 'bare-classify', 'bare-route'];
  const queues = names.map((name) => new Queue(name, { ...options, prefix }));
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const workers = names.map(
    (name, index) =>
      new Worker(
        name,
        async (job) => {
          const ids = job.data.ids as number[];
          if (index < names.length - 1) await queues[index + 1].add('batch', { ids });
          else {
            done += ids.length;
            if (done >= mentions) finish();
          }
        },
        { ...options, prefix, concurrency: 4 },
      ),
  );
  const started = Date.now();
  for (let i = 0; i < mentions; i += perJob) await queues[0].add('batch', { ids: Array.from({ length: perJob }, (_, k) => i + k) });
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.close()));
  for (const queue of queues) {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  return mentions / seconds;
}

async function latency(runtime: Runtime, workspaceId: string): Promise<{ p50: number; p95: number; p99: number; n: number }> {
  const dataSource = createDataSource(runtime.databaseUrl, { poolSize: 1 });
  await dataSource.initialize();
  try {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
         FROM (SELECT extract(epoch FROM stage_at - published_at) * 1000 AS ms FROM mention WHERE workspace_id = $1 AND stage = 'routed') x`,
      [workspaceId],
    );
    return { n: row.n, p50: Number(row.p50), p95: Number(row.p95), p99: Number(row.p99) };
  } finally {
    await dataSource.destroy();
  }
}

export async function benchPipeline(options: { mentions?: number; steadyRate?: number; steadySeconds?: number } = {}): Promise<string[]> {
  const mentions = options.mentions ?? benchSize('OTKLIK_BENCH_PIPELINE_MENTIONS', 100_000);
  const steadyRate = options.steadyRate ?? benchSize('OTKLIK_BENCH_PIPELINE_RATE', 1_000);
  const steadySeconds = options.steadySeconds ?? benchSize('OTKLIK_BENCH_PIPELINE_SECONDS', 20);
  const prefix = `otklik-bench-${Date.now().toString(36)}`;
  const bench = await benchDatabase({ queuePrefix: prefix, sweepIntervalMs: 1_000, sweepAfterMs: 5_000, role: 'all', workerQueues: [], logLevel: 'warn', demo: false });
  const runtime = bench.runtime;
  const dir = mkdtempSync(join(tmpdir(), 'otklik-bench-'));
  const lines: string[] = [];
  try {
    // Throughput: everything due at once (speed 0), timed from the app's start to the last mention routed.
    const bulkFile = join(dir, 'bulk.jsonl');
    writeBenchTimeline(bulkFile, mentions, 1);
    const bulkWorkspace = await addSource(runtime, bulkFile, 0, new Date());
    const app = await createApp(runtime);
    await app.init();
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    const finished = await waitRouted(runtime, bulkWorkspace, mentions, 600_000);
    const throughput = mentions / ((finished - started) / 1000);
    // The app (api + worker) runs in this process: its CPU per mention bounds what one process can do.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMsPerMention = (cpu.user + cpu.system) / 1000 / mentions;

    // Latency at a steady rate: the replay releases `steadyRate` mentions per second on the wall clock.
    const steadyFile = join(dir, 'steady.jsonl');
    const steadyCount = steadyRate * steadySeconds;
    writeBenchTimeline(steadyFile, steadyCount, 1_000 / steadyRate);
    const steadyWorkspace = await addSource(runtime, steadyFile, 1, new Date(Date.now() + 2_000));
    await waitRouted(runtime, steadyWorkspace, steadyCount, (steadySeconds + 60) * 1000);
    const steady = await latency(runtime, steadyWorkspace);
    await app.close();

    const bare = await barePipeline(runtime, mentions, 500);
    lines.push(
      `pipeline (poll → ingest → classify → route, labels stored), ${mentions.toLocaleString('en')} mentions, ${runtime.queue.kind} queues, batch ${runtime.config.batchSize}:`,
      `  Otklik:            ${Math.round(throughput).toLocaleString('en')} mentions/s  (target ≥ 10,000)`,
      `  worker CPU:        ${cpuMsPerMention.toFixed(2)} ms per mention (api + worker in this process; PostgreSQL's CPU is on top)`,
      `  bare BullMQ, same 3 stages and batching, no work: ${Math.round(bare).toLocaleString('en')} mentions/s`,
      `  ratio Otklik / bare: ${(throughput / bare).toFixed(3)}`,
      `inbox-visible latency at a steady ${steadyRate.toLocaleString('en')} mentions/s for ${steadySeconds} s (published → routed, n=${steady.n}):`,
      `  p50 ${Math.round(steady.p50)} ms, p95 ${Math.round(steady.p95)} ms, p99 ${Math.round(steady.p99)} ms  (target p99 ≤ 2,000 ms)`,
    );
  } finally {
    await bench.drop();
    if (runtime.queue.kind === 'redis') {
      const redis = new Redis(runtime.queue.url);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.unlink(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    }
  }
  return lines;
}
