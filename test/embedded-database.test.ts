/**
 * The embedded default (no DATABASE_URL): a run that is killed leaves its PostgreSQL running on the data
 * directory. The next start must use that server rather than fail (a second server cannot open the same files; it
 * used to end in "cannot start: undefined"), and must leave it running, since another otklik process may be
 * using it. Runs the BUILT api (`npm run build` first), with its own data directory.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, queueEnv, startBuilt, waitFor } from './support/test-env';

jest.setTimeout(180_000);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('embedded PostgreSQL across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-embedded-'));
  // Run as root, PostgreSQL runs as its own user, which must be able to enter the directory (mkdtemp makes it 0700).
  chmodSync(dataDir, 0o755);
  const env = { OTKLIK_ROLE: 'all', OTKLIK_DATA_DIR: dataDir, ...queueEnv('redis') };
  let serverPid: number | null = null;

  afterAll(async () => {
    if (serverPid !== null && alive(serverPid)) {
      process.kill(serverPid, 'SIGTERM');
      await waitFor('the embedded PostgreSQL to stop', async () => !alive(serverPid!), 30_000);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses the server a killed run left behind, and leaves it running', async () => {
    const first = startBuilt('api', { ...env, PORT: String(await freePort()) });
    await waitFor('the first run to listen', async () => first.output().includes('listening on') || first.child.exitCode !== null, 120_000);
    expect(first.output()).not.toContain('cannot start');
    const lockFile = join(dataDir, 'postgres', 'data', 'postmaster.pid');
    serverPid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
    const port = Number(readFileSync(lockFile, 'utf8').split('\n')[3]);
    // Killed outright: nothing stops its PostgreSQL.
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(alive(serverPid)).toBe(true);

    const apiPort = await freePort();
    const second = startBuilt('api', { ...env, PORT: String(apiPort) });
    try {
      await waitFor('the second run to listen', async () => second.output().includes('listening on') || second.child.exitCode !== null, 120_000);
      expect(second.output()).not.toContain('cannot start');
      expect(second.output()).toContain(`embedded PostgreSQL already running on 127.0.0.1:${port} (pid ${serverPid}`);
      const health = await fetch(`http://127.0.0.1:${apiPort}/api/health/ready`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { checks: { database: { ok: boolean } } }).checks.database.ok).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
    // Not this run's server to stop: still there for whoever else uses it.
    expect(alive(serverPid)).toBe(true);
  });
});
