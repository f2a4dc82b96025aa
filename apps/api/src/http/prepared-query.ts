/**
 * Hot read paths (the inbox list, the mention detail) as named prepared statements, on a small pool of their
 * own whose sessions use generic plans. Planning the list's UNION of index scans cost more than running it
 * (≈1.7 ms per request under load, seen with pg_stat_statements.track_planning): left to itself PostgreSQL
 * keeps re-planning each call because every custom plan looks cheaper than the generic one. The statements are
 * written so that their index choice does not depend on the values. Only this pool: elsewhere (the pipeline,
 * text search, facets) plans must see the values, and `plan_cache_mode` also governs unnamed statements.
 * The name is a hash of the SQL text, so each filter combination gets its own statement; values stay parameters.
 */
import { createHash } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { sessionOptions } from '@otklik/persistence';

const names = new Map<string, string>();

function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `otk_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size > 5_000) names.clear();
    names.set(sql, name);
  }
  return name;
}

@Injectable()
export class HotReadPool implements OnModuleDestroy {
  private pool: Pool | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async query<T>(sql: string, values: unknown[]): Promise<T[]> {
    const result = await this.connections().query({ name: statementName(sql), text: sql, values });
    return result.rows as T[];
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }

  /** Opened on first use, with the main pool's address and at most 8 connections. */
  private connections(): Pool {
    if (!this.pool) {
      const url = (this.dataSource.options as { url?: string }).url;
      if (!url) throw new Error('the hot-read pool needs the data source url');
      this.pool = new Pool({
        connectionString: url,
        max: 8,
        application_name: 'otklik-api-reads',
        connectionTimeoutMillis: 5_000,
        ...sessionOptions(url, '-c plan_cache_mode=force_generic_plan'),
      });
      this.pool.on('error', () => undefined); // an idle connection dropped by the server: the pool replaces it
    }
    return this.pool;
  }
}
