/**
 * Shared set-up for the connector integration tests: a workspace with a brand, sources with encrypted
 * credentials, a BullMQ producer for the send queue in the test's key prefix (a Queue, never a Worker, in
 * the jest process), and the environment of a built worker.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { NormalisedMention, RejectedItem } from '@otklik/connectors';
import { CredentialCipher } from '@otklik/persistence';
import { bullmqOptions, DEFAULT_JOB_OPTIONS, JobName, postgresQueueSchema, QueueName } from '@otklik/queues';
import { ingestConnectorBatch } from '../../../apps/worker/src/pipeline/connector-batch';
import { queueEnv, REDIS_URL, uniqueName, type TestDatabase } from '../../support/test-env';

export const SECRET_KEY = Buffer.alloc(32, 11);
export const cipher = new CredentialCipher(SECRET_KEY);

export interface Workspace {
  workspaceId: string;
  brandId: string;
}

export async function createWorkspace(dataSource: DataSource, brand = 'Acme', aliases: string[] = [], exclusions: string[] = []): Promise<Workspace> {
  const [workspace] = await dataSource.query(`INSERT INTO workspace (name, slug) VALUES ('Connectors', $1) RETURNING id`, [uniqueName('ws')]);
  const [row] = await dataSource.query(`INSERT INTO brand (workspace_id, name, aliases, exclusions) VALUES ($1, $2, $3, $4) RETURNING id`, [
    workspace.id,
    brand,
    aliases,
    exclusions,
  ]);
  return { workspaceId: workspace.id, brandId: row.id };
}

export interface SourceSpec {
  channel: string;
  name?: string;
  options?: Record<string, unknown>;
  credentials?: Record<string, string>;
  enabled?: boolean;
  pollIntervalMs?: number;
}

export async function insertSource(dataSource: DataSource, workspace: Workspace, spec: SourceSpec): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO source (workspace_id, brand_id, channel, name, options, credentials_encrypted, enabled, poll_interval_ms)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING id`,
    [
      workspace.workspaceId,
      workspace.brandId,
      spec.channel,
      spec.name ?? spec.channel,
      JSON.stringify(spec.options ?? {}),
      spec.credentials ? cipher.encrypt(spec.credentials) : null,
      spec.enabled ?? true,
      spec.pollIntervalMs ?? 500,
    ],
  );
  return row.id;
}

/** Stores mentions the way a poll or a webhook does (ingest + off-topic counter + origin). */
export async function ingest(
  dataSource: DataSource,
  workspace: Workspace,
  sourceId: string,
  batch: { mentions: NormalisedMention[]; rejected?: RejectedItem[]; offTopic?: number },
): Promise<void> {
  await ingestConnectorBatch(dataSource, { workspaceId: workspace.workspaceId, sourceId, brandId: workspace.brandId }, { rejected: [], ...batch });
}

export async function mentionId(dataSource: DataSource, workspace: Workspace, externalId: string): Promise<string> {
  const [row] = await dataSource.query('SELECT id::text AS id FROM mention WHERE workspace_id = $1 AND external_id = $2', [workspace.workspaceId, externalId]);
  if (!row) throw new Error(`no mention ${externalId}`);
  return row.id;
}

export async function insertReply(dataSource: DataSource, workspace: Workspace, mention: string, visibility: 'public' | 'private', body: string): Promise<{ id: string; key: string }> {
  const key = uniqueName('reply');
  const [row] = await dataSource.query(
    `INSERT INTO reply (workspace_id, mention_id, visibility, body, status, idempotency_key) VALUES ($1, $2, $3, $4, 'queued', $5) RETURNING id`,
    [workspace.workspaceId, mention, visibility, body, key],
  );
  return { id: row.id, key };
}

export interface ReplyState {
  status: string;
  failure_reason: string | null;
  platform_id: string | null;
  platform_url: string | null;
  attempts: number;
  outcome_unknown: boolean;
  sent_at: Date | null;
}

export async function replyState(dataSource: DataSource, replyId: string): Promise<ReplyState> {
  const [row] = await dataSource.query(
    'SELECT status, failure_reason, platform_id, platform_url, attempts, outcome_unknown, sent_at FROM reply WHERE id = $1',
    [replyId],
  );
  return row;
}

/** The environment of a built worker (or api) process on this test's database and a key prefix of its own. */
export function workerEnv(
  database: TestDatabase,
  extra: Record<string, string> = {},
  backend: QueueBackendKind = 'redis',
): Record<string, string> & { OTKLIK_QUEUE_PREFIX: string } {
  return {
    ...queueEnv(backend),
    DATABASE_URL: database.url,
    OTKLIK_DATA_DIR: mkdtempSync(join(tmpdir(), 'otklik-connectors-')),
    OTKLIK_SWEEP_INTERVAL_MS: '300',
    OTKLIK_SWEEP_AFTER_MS: '2000',
    OTKLIK_BATCH_SIZE: '200',
    OTKLIK_SECRET_KEY: SECRET_KEY.toString('base64'),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export type QueueBackendKind = 'redis' | 'postgres';

/** A producer on the send queue, as QueueProducer.sendReply enqueues (same job id and options), on either backend. */
export function sendQueue(
  prefix: string,
  backend: QueueBackendKind = 'redis',
  databaseUrl = '',
): { enqueue(replyId: string): Promise<void>; close(): Promise<void> } {
  const options =
    backend === 'redis'
      ? bullmqOptions({ kind: 'redis', url: REDIS_URL, prefix })
      : bullmqOptions({ kind: 'postgres', databaseUrl, schema: postgresQueueSchema(prefix), prefix });
  const queue = new Queue(QueueName.Send, options);
  return {
    enqueue: async (replyId) => {
      await queue.add(JobName.SendReply, { replyId }, { ...DEFAULT_JOB_OPTIONS, jobId: `send-${replyId}` });
    },
    close: () => queue.close(),
  };
}
