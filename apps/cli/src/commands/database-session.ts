import type { DataSource } from 'typeorm';
import { loadConfig } from '@otklik/config';
import { createDataSource } from '@otklik/persistence';
import { startRuntime, type Runtime } from '@otklik/runtime';

/** Runs `work` with a connected data source on the configured (or embedded) database, then cleans up. */
export async function withDatabase<T>(work: (dataSource: DataSource, runtime: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const runtime = await startRuntime({ ...config, queueBackend: 'postgres' }, (line) => process.stderr.write(`otklik: ${line}\n`));
  const dataSource = createDataSource(runtime.databaseUrl, { poolSize: 2, applicationName: 'otklik-cli' });
  try {
    await dataSource.initialize();
    return await work(dataSource, runtime);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await runtime.stop();
  }
}
