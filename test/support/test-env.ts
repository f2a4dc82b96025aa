/**
 * Helpers for integration tests on the real PostgreSQL and Redis: a database of its own per test file,
 * a unique queue prefix, an in-process Otklik (api + worker) or built child processes, and waiting on the
 * database (never on queue events, which the PostgreSQL backend may drop).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, repoRoot, type OtklikConfig } from '@otklik/config';
import { createDataSource, runMigrations } from '@otklik/persistence';
import { postgresQueueSchema } from '@otklik/queues';
import { LOOPBACK_RANGES } from '../../libs/connectors/src/testing/loopback-outbound';

export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The fake platforms and receivers of the tests listen on 127.0.0.1, which the outbound guard refuses by
 * default: every test process (in-process or built) allows loopback explicitly, as a deployment polling an
 * internal service would. A test of the default sets OTKLIK_OUTBOUND_ALLOW to '' in its overrides.
 */
export const TEST_OUTBOUND_ALLOW = LOOPBACK_RANGES.map((range) => `${range.address}/${range.prefix}`).join(',');

export interface TestDatabase {
  url: string;
  name: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('otklik_test');
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString(), { poolSize: 4, applicationName: 'otklik-test' });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    url: url.toString(),
    name,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (process.env.TEST_KEEP_DATABASE === '1') return;
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function testConfig(overrides: Record<string, string>): OtklikConfig {
  return loadConfig({
    OTKLIK_DATA_DIR: mkdtempSync(join(tmpdir(), 'otklik-test-')),
    OTKLIK_SWEEP_INTERVAL_MS: '300',
    OTKLIK_SWEEP_AFTER_MS: '2000',
    OTKLIK_WORKER_CONCURRENCY: '4',
    OTKLIK_BATCH_SIZE: '500',
    OTKLIK_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    OTKLIK_OUTBOUND_ALLOW: TEST_OUTBOUND_ALLOW,
    ...overrides,
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** A replay timeline of `threads` threads × `perThread` posts, interleaved in time, plus optional bad lines. */
export function writeTimeline(file: string, threads: number, perThread: number, badLines: string[] = []): { ids: string[] } {
  const lines: string[] = [];
  const ids: string[] = [];
  const start = Date.parse('2026-03-01T08:00:00Z');
  for (let step = 0; step < perThread; step += 1) {
    for (let thread = 0; thread < threads; thread += 1) {
      const id = `m-${thread}-${step}`;
      ids.push(id);
      lines.push(
        JSON.stringify({
          id,
          channel: 'x',
          lang: step % 2 ? 'ru' : 'en',
          published_at: new Date(start + (step * threads + thread) * 1000).toISOString(),
          is_private: false,
          author: { id: `x:${thread * 100 + step}`, handle: `user${thread}_${step}`, followers: (thread * 37) % 5000, verified: false, kind: 'person' },
          thread: { id: `t-${thread}`, in_reply_to: step === 0 ? null : `m-${thread}-${step - 1}` },
          brand: 'Acme',
          text: step % 2 ? `Не работает приложение уже ${step} час, заказ ${thread}` : `The app keeps crashing when I pay, attempt ${step}`,
        }),
      );
    }
  }
  // Bad lines go in the middle, so the good ones after them must still arrive.
  lines.splice(Math.floor(lines.length / 2), 0, ...badLines);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { ids };
}

export async function createWorkspaceWithReplaySource(
  dataSource: DataSource,
  file: string,
  options: { pollIntervalMs?: number } = {},
): Promise<{ workspaceId: string; sourceId: string }> {
  const [workspace] = await dataSource.query(`INSERT INTO workspace (name, slug) VALUES ('Test', $1) RETURNING id`, [uniqueName('ws')]);
  await dataSource.query(`INSERT INTO brand (workspace_id, name) VALUES ($1, 'Acme')`, [workspace.id]);
  const [source] = await dataSource.query(
    `INSERT INTO source (workspace_id, channel, name, options, poll_interval_ms) VALUES ($1, 'demo', 'replay', $2::jsonb, $3) RETURNING id`,
    [workspace.id, JSON.stringify({ file, speed: 0, startedAt: new Date().toISOString(), outboxFile: `${file}.sent.jsonl` }), options.pollIntervalMs ?? 500],
  );
  return { workspaceId: workspace.id, sourceId: source.id };
}

export async function countByStage(dataSource: DataSource, workspaceId: string): Promise<Record<string, number>> {
  const rows: { stage: string; n: number }[] = await dataSource.query('SELECT stage, count(*)::int AS n FROM mention WHERE workspace_id = $1 GROUP BY stage', [
    workspaceId,
  ]);
  return Object.fromEntries(rows.map((row) => [row.stage, row.n]));
}

/** Backend-specific environment for a test: its own key prefix (Redis) or queue schema (PostgreSQL). */
export function queueEnv(backend: 'redis' | 'postgres', redisUrl = REDIS_URL): Record<string, string> & { OTKLIK_QUEUE_PREFIX: string } {
  const prefix = uniqueName('otkq').replace(/_/g, '-');
  return backend === 'redis' ? { OTKLIK_QUEUE_BACKEND: 'redis', REDIS_URL: redisUrl, OTKLIK_QUEUE_PREFIX: prefix } : { OTKLIK_QUEUE_BACKEND: 'postgres', OTKLIK_QUEUE_PREFIX: prefix };
}

export async function dropQueueSchema(databaseUrl: string, prefix: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${postgresQueueSchema(prefix)} CASCADE`).catch(() => undefined);
  await client.end();
}

/** Starts a built Otklik process (`dist/`), collecting its output for assertions and debugging. */
export function startBuilt(entry: 'api' | 'worker', env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [join(repoRoot(), 'dist', 'apps', entry, 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', OTKLIK_OUTBOUND_ALLOW: TEST_OUTBOUND_ALLOW, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}
