import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig, type OtklikConfig } from '@otklik/config';
import { startRuntime, type Runtime } from '@otklik/runtime';

export interface BenchDatabase {
  runtime: Runtime;
  url: string;
  drop(): Promise<void>;
}

/**
 * A throwaway database on the configured (or embedded) PostgreSQL server, so a benchmark never touches real
 * data; dropped afterwards.
 */
export async function benchDatabase(overrides: Partial<OtklikConfig> = {}): Promise<BenchDatabase> {
  const config = { ...loadConfig(), ...overrides };
  const base = await startRuntime(config, (line) => process.stderr.write(`bench: ${line}\n`));
  const name = `otklik_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.databaseUrl);
  url.pathname = `/${name}`;
  const runtime: Runtime = { ...base, databaseUrl: url.toString(), config: { ...base.config, databaseUrl: url.toString() } };
  return {
    runtime,
    url: url.toString(),
    drop: async () => {
      // OTKLIK_BENCH_KEEP=1 leaves the database for a look at its plans afterwards (EXPLAIN on real volumes).
      if (process.env.OTKLIK_BENCH_KEEP) process.stderr.write(`bench: kept database ${name}\n`);
      else {
        const client = new Client({ connectionString: base.databaseUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      }
      await base.stop();
    },
  };
}

/** A size from the environment (`OTKLIK_BENCH_*`): a whole number ≥ 1, or one clear error naming the variable. */
export function benchSize(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return value;
}
