/**
 * One throwaway database and one Redis key prefix per test run, so runs never collide with each other or with
 * a developer's own data. Migrations (never `synchronize`) build the schema, exactly as in production.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `otklik_test_${runId}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  process.env.TEST_DATABASE_NAME = database;
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.OTKLIK_QUEUE_PREFIX = `otklik-test-${runId}`;
  process.env.OTKLIK_SECRET_KEY = process.env.OTKLIK_SECRET_KEY ?? randomBytes(32).toString('base64');
}
