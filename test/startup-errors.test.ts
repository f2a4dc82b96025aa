/** A bad DATABASE_URL or REDIS_URL stops the start with one line naming the setting (and no password). */
import { exited, startBuilt } from './support/test-env';

async function failedStart(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const run = startBuilt('api', { OTKLIK_ROLE: 'all', PORT: '0', OTKLIK_DATA_DIR: '/tmp/otklik-startup-errors', ...env });
  const code = await exited(run.child);
  return { code, lines: run.output().trim().split('\n').filter((line) => line.startsWith('otklik: cannot start')) };
}

describe('start-up configuration errors', () => {
  it.each([
    [{ DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/otklik' }, /^otklik: cannot start: DATABASE_URL: cannot connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/otklik/],
    [{ DATABASE_URL: 'mysql://root@localhost/otklik' }, /^otklik: cannot start: configuration error: DATABASE_URL: must start with postgres:\/\//],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', REDIS_URL: 'redis://127.0.0.1:1' }, /^otklik: cannot start: REDIS_URL: cannot reach redis:\/\/127\.0\.0\.1:1/],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, /^otklik: cannot start: configuration error: REDIS_URL: must start with redis:\/\//],
  ])('%j', async (env, expected) => {
    const { code, lines } = await failedStart(env);
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(lines[0]).not.toContain('hunter2');
  }, 30_000);
});
