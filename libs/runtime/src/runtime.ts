/**
 * Turns the configuration into live connections, starting embedded servers where nothing is configured:
 * the one place that knows the embedded defaults (README "Configuration"). Used by api, worker and cli alike.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { redactUrl, type OtklikConfig } from '@otklik/config';
import { OutboundGuard } from '@otklik/connectors';
import { freePort, startEmbeddedDatabase } from '@otklik/persistence';
import { resolveQueueBackend, type QueueBackend } from '@otklik/queues';

export interface Runtime {
  config: OtklikConfig;
  databaseUrl: string;
  queue: QueueBackend;
  /** AES-256-GCM key for stored credentials; also the token-signing secret. */
  secretKey: Buffer;
  /** Every request to an admin-configured URL goes through it (OTKLIK_OUTBOUND_ALLOW widens it). */
  outbound: OutboundGuard;
  /** Stops what this runtime started (embedded servers), after the app has closed its connections. */
  stop(): Promise<void>;
}

/** One connection attempt; the error names DATABASE_URL and never shows the password. */
export async function checkDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as Error).message || (error as { code?: string }).code || String(error);
    throw new Error(`DATABASE_URL: cannot connect to ${redactUrl(url)} (${reason})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function secretKeyFor(config: OtklikConfig): Buffer {
  if (config.secretKey) return config.secretKey;
  // Embedded default: generate once and keep it beside the embedded data (a lost key loses stored credentials).
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

export async function startRuntime(config: OtklikConfig, log: (line: string) => void): Promise<Runtime> {
  const stops: (() => Promise<void>)[] = [];
  try {
    let databaseUrl = config.databaseUrl;
    if (databaseUrl) {
      await checkDatabase(databaseUrl);
    } else {
      const embedded = await startEmbeddedDatabase(config.dataDir, log);
      stops.push(embedded.stop);
      databaseUrl = embedded.url;
    }
    const queue = await resolveQueueBackend(config, databaseUrl, log, freePort);
    if (queue.kind === 'redis' && queue.stop) stops.push(queue.stop);
    return {
      config,
      databaseUrl,
      queue,
      secretKey: secretKeyFor(config),
      outbound: new OutboundGuard(config.outboundAllow),
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
