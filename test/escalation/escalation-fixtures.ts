/**
 * Shared set-up for the escalation tests: corpus threads as mentions in a test database, the pipeline's
 * classify and route stages run in-process as plain functions (no BullMQ workers in jest), local receivers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { parseCorpusThread, type CorpusThread, type CorpusThreadPost } from '@otklik/domain';
import { ingestBatch } from '@otklik/persistence';
import type { InboxEvent, InboxEventBus } from '@otklik/queues';
import { corpusDevDir } from '@otklik/config';
import { runClassifyStage } from '../../apps/worker/src/pipeline/classify-stage';
import type { MentionLabeler } from '../../apps/worker/src/pipeline/labeler';
import { runRouteStage } from '../../apps/worker/src/pipeline/route-stage';
import type { RouteFollowUp } from '../../apps/worker/src/escalation/route-follow-up';
import { routeFollowUpStep } from '../../apps/worker/src/escalation/route-escalation';
import { runEscalationStages } from '../../apps/worker/src/escalation/escalation-stage';
import { uniqueName } from '../support/test-env';

export const THREADS_FILE = join(corpusDevDir(), 'threads.jsonl');

export function corpusThreads(file = THREADS_FILE): CorpusThread[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => parseCorpusThread(JSON.parse(line)));
}

/** Every post of the given threads in published_at order (file order for ties), as the replay sees them. */
export function timeline(threads: CorpusThread[]): CorpusThreadPost[] {
  return threads
    .flatMap((thread) => thread.posts)
    .map((post, index) => ({ post, index, at: Date.parse(post.publishedAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((item) => item.post);
}

export async function createWorkspace(dataSource: DataSource, settings: Record<string, unknown> = {}, name = 'Test'): Promise<string> {
  const [workspace] = await dataSource.query(`INSERT INTO workspace (name, slug, settings) VALUES ($1, $2, $3::jsonb) RETURNING id`, [name, uniqueName('ws'), JSON.stringify(settings)]);
  return workspace.id;
}

export async function ingestPosts(dataSource: DataSource, workspaceId: string, posts: CorpusThreadPost[]): Promise<number> {
  const result = await ingestBatch(dataSource, { workspaceId, sourceId: null, brandId: null }, posts.map((post) => ({ ...post, raw: null })), []);
  return result.inserted;
}

export class RecordingEventBus implements InboxEventBus {
  readonly events: InboxEvent[] = [];
  async publish(event: InboxEvent): Promise<void> {
    this.events.push(event);
  }
  async subscribe(): Promise<() => Promise<void>> {
    return async () => undefined;
  }
  async close(): Promise<void> {}
}

/** The route stage's follow-up without the after-commit dispatch (which needs queues): run the escalation stage yourself. */
export const alertsOnly: RouteFollowUp = {
  async onRouted(manager, workspaceId, batch) {
    await routeFollowUpStep(manager, workspaceId, batch);
    return null;
  },
};

/** The escalation stage over every partition, in-process. */
export async function escalate(dataSource: DataSource, workspaceId: string, batchSize = 500): Promise<number> {
  return runEscalationStages(dataSource, workspaceId, { batchSize });
}

/** Leaves labels empty: the replay reads the tone itself too, so both see the same input. */
export const noLabels: MentionLabeler = { version: null, label: async (_workspaceId, batch) => batch.map(() => null) };

/** Classifies (no labels: the replay has none either) and routes everything pending, in batches of `batchSize`. */
export async function classifyAndRoute(dataSource: DataSource, workspaceId: string, batchSize: number, followUp: RouteFollowUp = alertsOnly, events = new RecordingEventBus()): Promise<number> {
  const classified = await runClassifyStage(dataSource, noLabels, workspaceId, { batchSize, events, followUp, wakeRoute: async () => undefined });
  // Whatever was left waiting in 'classified' (none in normal running: the classify stage routes its batches).
  const routed = await runRouteStage(dataSource, events, workspaceId, batchSize, undefined, followUp);
  await escalate(dataSource, workspaceId, batchSize);
  return classified + routed;
}

export interface AlertRow {
  id: string;
  kind: string;
  level: string;
  score: number | null;
  reasons: string[];
  alerted_at: Date;
  thread_external_id: string | null;
  mention_external_id: string | null;
}

export async function alertRows(dataSource: DataSource, workspaceId: string): Promise<AlertRow[]> {
  return dataSource.query(
    `SELECT a.id, a.kind, a.level, a.score, a.reasons, a.alerted_at, t.external_id AS thread_external_id, m.external_id AS mention_external_id
       FROM alert a LEFT JOIN thread t ON t.id = a.thread_id LEFT JOIN mention m ON m.id = a.mention_id
      WHERE a.workspace_id = $1 ORDER BY a.alerted_at, t.external_id, a.level`,
    [workspaceId],
  );
}

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  status: number;
}

/**
 * A local HTTP receiver: `answer` picks the status and body per request (e.g. 500 first, then 200), and
 * every request is recorded with its raw body for signature checks.
 */
export async function startReceiver(answer: (request: ReceivedRequest, count: number) => { status: number; body?: string; headers?: Record<string, string> }) {
  const { createServer } = await import('node:http');
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status: 0 };
      const count = requests.filter((item) => item.path === request.path).length;
      const reply = answer(request, count);
      request.status = reply.status;
      requests.push(request);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
