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
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Pool, types, type CustomTypesConfig } from 'pg';
import { DataSource } from 'typeorm';
import { sessionOptions } from '@otklik/persistence';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { SingleFlight } from './single-flight';

const names = new Map<string, string>();

const TIMESTAMPTZ_OID = 1184;
const parseTimestamp = types.getTypeParser(TIMESTAMPTZ_OID);

/**
 * timestamptz as a UTC session writes it (`2026-10-30 23:01:25.379123+00`) → Date, by the engine's own ISO parser
 * (the generic one runs a regular expression per value: a tenth of a list request's CPU). Anything else
 * (infinity, BC, another offset) goes to the generic parser. Both keep milliseconds, dropping the rest.
 */
export function parseUtcTimestamp(text: string): Date {
  if (text.length >= 22 && text.charCodeAt(10) === 32 && text.endsWith('+00') && text.charCodeAt(0) !== 45) {
    const date = new Date(`${text.slice(0, 10)}T${text.slice(11, -3)}Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return parseTimestamp(text) as Date;
}

const HOT_READ_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ_OID && format !== 'binary' ? parseUtcTimestamp : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

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

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  private readonly flights = new SingleFlight<unknown[]>();

  /** The rows of a named statement; identical reads in flight share one execution (see SingleFlight: read-only rows). */
  query<T>(sql: string, values: unknown[]): Promise<T[]> {
    const name = statementName(sql);
    return this.flights.run(`${name}\u0000${JSON.stringify(values)}`, async () => {
      const result = await this.connections().query({ name, text: sql, values });
      return result.rows;
    }) as Promise<T[]>;
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }

  /**
   * Opened on first use, with the main pool's address and OTKLIK_READ_POOL_SIZE connections (4). Few on purpose:
   * with 32 clients reading details on 2 cores, 3–4 connections served 9–15% more requests than 8 did, in every
   * paired run, because fewer backends compete with the API for the cores.
   */
  private connections(): Pool {
    if (!this.pool) {
      const url = (this.dataSource.options as { url?: string }).url;
      if (!url) throw new Error('the hot-read pool needs the data source url');
      this.pool = new Pool({
        connectionString: url,
        max: this.runtime.config.readPoolSize,
        application_name: 'otklik-api-reads',
        connectionTimeoutMillis: 5_000,
        types: HOT_READ_TYPES,
        // UTC sessions: timestamps come back in the one shape parseUtcTimestamp reads (and as UTC inside JSON).
        ...sessionOptions(url, '-c plan_cache_mode=force_generic_plan -c TimeZone=UTC'),
      });
      this.pool.on('error', () => undefined); // an idle connection dropped by the server: the pool replaces it
    }
    return this.pool;
  }
}
