/**
 * The API built in-process (OTKLIK_ROLE=api: no BullMQ workers in the jest process) on a database of its
 * own, plus SQL seeding of workspaces, users and routed mentions, and a login helper.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { hashPassword } from '@otklik/persistence';
import { startRuntime, type Runtime } from '@otklik/runtime';
import { createApp } from '../../../apps/api/src/main';
import { createTestDatabase, queueEnv, testConfig, uniqueName, type TestDatabase } from '../../support/test-env';

export interface ApiHarness {
  db: TestDatabase;
  runtime: Runtime;
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  queuePrefix: string;
  close(): Promise<void>;
}

/** `overrides`: settings of this API beyond the test defaults (e.g. OTKLIK_OUTBOUND_ALLOW: '' for the production default). */
export async function startApiHarness(overrides: Record<string, string> = {}): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const queue = queueEnv('redis');
  const runtime = await startRuntime(testConfig({ ...queue, DATABASE_URL: db.url, OTKLIK_ROLE: 'api', ...overrides }), () => undefined);
  const app = await createApp(runtime);
  await app.init();
  // Fastify adds its routes and plugins when it is ready; supertest (and the tests that listen themselves)
  // use the Node server directly.
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  return {
    db,
    runtime,
    app,
    http: request(server),
    queuePrefix: queue.OTKLIK_QUEUE_PREFIX,
    close: async () => {
      await app.close();
      await runtime.stop();
      await db.drop();
    },
  };
}

export interface SeededUser {
  id: string;
  email: string;
  password: string;
  handle: string;
}

// One scrypt hash shared by all seeded users: hashing is deliberately slow (~100 ms each).
let sharedHash: Promise<string> | null = null;
export const SEED_PASSWORD = 'Seeded-password-42';

export async function seedWorkspace(
  harness: ApiHarness,
  roles: Record<string, 'agent' | 'lead' | 'pr' | 'admin'>,
): Promise<{ workspaceId: string; users: Record<string, SeededUser> }> {
  sharedHash ??= hashPassword(SEED_PASSWORD);
  const hash = await sharedHash;
  const ds = harness.db.dataSource;
  const [workspace] = await ds.query(`INSERT INTO workspace (name, slug) VALUES ($1, $2) RETURNING id`, ['Workspace', uniqueName('ws')]);
  const users: Record<string, SeededUser> = {};
  for (const [handle, role] of Object.entries(roles)) {
    const email = `${handle}.${uniqueName('u').toLowerCase()}@example.com`;
    const [user] = await ds.query(
      `INSERT INTO app_user (email, display_name, password_hash, locale) VALUES ($1, $2, $3, 'en') RETURNING id`,
      [email, handle, hash],
    );
    await ds.query(`INSERT INTO membership (user_id, workspace_id, role) VALUES ($1, $2, $3)`, [user.id, workspace.id, role]);
    users[handle] = { id: user.id, email, password: SEED_PASSWORD, handle };
  }
  return { workspaceId: workspace.id, users };
}

export async function login(
  harness: ApiHarness,
  user: SeededUser,
  workspaceId?: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await harness.http
    .post('/api/auth/login')
    .send({ email: user.email, password: user.password, ...(workspaceId ? { workspaceId } : {}) });
  if (response.status !== 200) throw new Error(`login of ${user.email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { accessToken: response.body.accessToken, refreshToken: response.body.refreshToken };
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
