import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's postgres driver returns `[rows, rowCount]` for UPDATE/DELETE ... RETURNING and plain rows for
 * everything else; this gives rows either way.
 */
export async function queryRows<T>(runner: DataSource | EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result: unknown = await runner.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
