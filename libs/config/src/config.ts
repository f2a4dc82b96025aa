/**
 * The one validated configuration of Otklik. Read from environment variables, optionally merged over a JSON
 * file named by OTKLIK_CONFIG_FILE (environment wins). A bad value stops the start with one line naming the
 * setting and why; secrets are never echoed (URLs are shown without their password).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { repoRoot } from './paths';

export type QueueBackendChoice = 'auto' | 'redis' | 'postgres';
export type ProcessRole = 'all' | 'api' | 'worker';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface OtklikConfig {
  /** Null → an embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  /** Null → 127.0.0.1:6379 if it answers, else redis-server from PATH, else BullMQ's PostgreSQL backend. */
  redisUrl: string | null;
  queueBackend: QueueBackendChoice;
  /** Namespaces every Redis key (and the PostgreSQL queue schema), so several deployments or test runs share a server. */
  queuePrefix: string;
  port: number;
  dataDir: string;
  /** 32-byte key for AES-256-GCM of stored credentials; also signs tokens. Null → generated once under dataDir. */
  secretKey: Buffer | null;
  role: ProcessRole;
  /** Which queues this worker consumes (empty = all), so queues scale separately. */
  workerQueues: string[];
  workerConcurrency: number;
  /**
   * Connections of the API's pool for its hot reads (the inbox list, the mention detail). One Node.js thread keeps
   * only a few ~1 ms reads busy at once; more connections add database backends that compete for the same cores.
   */
  readPoolSize: number;
  batchSize: number;
  sweepIntervalMs: number;
  /** A pipeline row untouched this long is considered lost by the queue and re-enqueued by the sweeper. */
  sweepAfterMs: number;
  demo: boolean;
  logLevel: LogLevel;
  /**
   * Address ranges that requests to configured URLs (source base URLs, feeds, notification webhooks) may reach
   * although they are loopback, private, link-local...: empty by default (see libs/connectors outbound-guard.ts).
   */
  outboundAllow: CidrRange[];
}

/** One address range of a setting such as `10.1.2.0/24` (a bare address is the single host). */
export interface CidrRange {
  address: string;
  family: 4 | 6;
  prefix: number;
}

/** The setting listing the ranges outbound requests may reach beyond the public internet. */
export const OUTBOUND_ALLOW_SETTING = 'OTKLIK_OUTBOUND_ALLOW';

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly reason: string,
  ) {
    super(`${setting}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}

type Source = Record<string, string | undefined>;

function text(source: Source, name: string): string | undefined {
  const value = source[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(source: Source, name: string, fallback: number, min: number, max: number): number {
  const value = text(source, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(name, `must be a whole number (got "${value}")`);
  const number = Number(value);
  if (number < min || number > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${number})`);
  return number;
}

function oneOf<T extends string>(source: Source, name: string, values: readonly T[], fallback: T): T {
  const value = text(source, name);
  if (value === undefined) return fallback;
  if (!(values as readonly string[]).includes(value)) throw new ConfigError(name, `must be one of ${values.join(', ')} (got "${value}")`);
  return value as T;
}

function bool(source: Source, name: string, fallback: boolean): boolean {
  const value = text(source, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `must be true or false (got "${value}")`);
}

function url(source: Source, name: string, protocols: string[]): string | null {
  const value = text(source, name);
  if (value === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a valid URL (got "${redactUrl(value)}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${redactUrl(value)}")`);
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) throw new ConfigError(name, `names no host (got "${redactUrl(value)}")`);
  return value;
}

/** `10.1.2.0/24`, `fd00::/8` or a bare address → a range; null when it is not one. */
export function parseCidr(text: string): CidrRange | null {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  const family = isIP(address);
  if ((family !== 4 && family !== 6) || rest.length > 0) return null;
  const bits = family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  return prefix <= bits ? { address, family, prefix } : null;
}

function cidrList(source: Source, name: string): CidrRange[] {
  const items = (text(source, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.map((item) => {
    const range = parseCidr(item);
    if (!range) throw new ConfigError(name, `must be a comma-separated list of address ranges such as 10.1.2.0/24 or fd00::/8 (got "${item}")`);
    return range;
  });
}

function secretKey(source: Source): Buffer | null {
  const value = text(source, 'OTKLIK_SECRET_KEY');
  if (value === undefined) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new ConfigError('OTKLIK_SECRET_KEY', 'must be 32 bytes, as 64 hex digits or base64 (the value is not shown)');
  return key;
}

function fileSource(env: Source): Source {
  const file = text(env, 'OTKLIK_CONFIG_FILE');
  if (file === undefined) return {};
  if (!existsSync(file)) throw new ConfigError('OTKLIK_CONFIG_FILE', `no file at ${file}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('OTKLIK_CONFIG_FILE', `${file} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('OTKLIK_CONFIG_FILE', `${file} must hold a JSON object of SETTING: value`);
  }
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, value === null ? undefined : String(value)]));
}

export function loadConfig(env: Source = process.env): OtklikConfig {
  const source = { ...fileSource(env), ...env };
  const dataDir = text(source, 'OTKLIK_DATA_DIR') ?? '.otklik';
  const prefix = text(source, 'OTKLIK_QUEUE_PREFIX') ?? 'otklik';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(prefix)) throw new ConfigError('OTKLIK_QUEUE_PREFIX', 'may hold only letters, digits, _ and - (1-64)');
  const workerQueues = (text(source, 'OTKLIK_WORKER_QUEUES') ?? '')
    .split(',')
    .map((queue) => queue.trim())
    .filter(Boolean);
  const sweepIntervalMs = integer(source, 'OTKLIK_SWEEP_INTERVAL_MS', 5_000, 100, 3_600_000);
  return {
    databaseUrl: url(source, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(source, 'REDIS_URL', ['redis:', 'rediss:']),
    queueBackend: oneOf(source, 'OTKLIK_QUEUE_BACKEND', ['auto', 'redis', 'postgres'] as const, 'auto'),
    queuePrefix: prefix,
    port: integer(source, 'PORT', 3000, 0, 65535),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(repoRoot(), dataDir),
    secretKey: secretKey(source),
    role: oneOf(source, 'OTKLIK_ROLE', ['all', 'api', 'worker'] as const, 'all'),
    workerQueues,
    workerConcurrency: integer(source, 'OTKLIK_WORKER_CONCURRENCY', 4, 1, 256),
    readPoolSize: integer(source, 'OTKLIK_READ_POOL_SIZE', 4, 1, 100),
    batchSize: integer(source, 'OTKLIK_BATCH_SIZE', 500, 1, 10_000),
    sweepIntervalMs,
    sweepAfterMs: integer(source, 'OTKLIK_SWEEP_AFTER_MS', Math.max(15_000, sweepIntervalMs * 3), 100, 86_400_000),
    demo: bool(source, 'OTKLIK_DEMO', false),
    logLevel: oneOf(source, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    outboundAllow: cidrList(source, OUTBOUND_ALLOW_SETTING),
  };
}
