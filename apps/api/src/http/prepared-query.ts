/**
 * Hot read paths (the inbox list, the mention detail) as prepared statements, on a small pool of their own whose
 * sessions use generic plans. Planning the list's UNION of index scans cost more than running it (≈1.7 ms per
 * request under load, seen with pg_stat_statements.track_planning): left to itself PostgreSQL keeps re-planning
 * each call because every custom plan looks cheaper than the generic one. The statements are written so that
 * their index choice does not depend on the values. Only this pool: elsewhere (the pipeline, text search,
 * facets) plans must see the values, and `plan_cache_mode` also governs unnamed statements. Each distinct SQL
 * text is one prepared statement per connection; values stay parameters.
 *
 * The driver here is postgres.js rather than node-postgres (which TypeORM uses for everything else), for two
 * reasons measured on the detail (32 clients, 2 cores): it describes a prepared statement once instead of on
 * every execution, so the client parses no column list per query (≈ 30% less client CPU per detail, the
 * database ≈ 5–10% less); and it pipelines — a connection's next query is already queued on the server while
 * the API's one thread is busy answering, so the database is not left idle waiting for it (the machine was
 * ≈ 20% idle with node-postgres at full load). Rows come back the same (same keys and order, int8 as strings,
 * timestamps as Dates, json parsed; compared over the list and detail statements).
 */
import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { types } from 'pg';
import postgres from 'postgres';
import { DataSource } from 'typeorm';
import { sessionOptions } from '@otklik/persistence';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { SingleFlight } from './single-flight';

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

const keys = new Map<string, string>();

/** A short, stable stand-in for a statement's text in SingleFlight keys (hashing the ~6 KB text per request costs). */
function statementKey(sql: string): string {
  let key = keys.get(sql);
  if (!key) {
    key = createHash('sha1').update(sql).digest('hex').slice(0, 24);
    if (keys.size > 5_000) keys.clear();
    keys.set(sql, key);
  }
  return key;
}

@Injectable()
export class HotReadPool implements OnModuleDestroy {
  private sql: postgres.Sql | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  private readonly flights = new SingleFlight<unknown[]>();

  /** The rows of a prepared statement; identical reads in flight share one execution (see SingleFlight: read-only rows). */
  query<T>(sql: string, values: unknown[]): Promise<T[]> {
    return this.flights.run(`${statementKey(sql)}\u0000${JSON.stringify(values)}`, () =>
      this.connections().unsafe(sql, values as postgres.ParameterOrJSON<never>[], { prepare: true }),
    ) as Promise<T[]>;
  }

  async onModuleDestroy(): Promise<void> {
    const sql = this.sql;
    this.sql = null;
    await sql?.end({ timeout: 5 });
  }

  /**
   * Opened on first use, with the main pool's address and OTKLIK_READ_POOL_SIZE connections (4). Few on purpose:
   * with 32 clients reading details on 2 cores, 3–4 connections served 9–15% more requests than 8 did, in every
   * paired run, because fewer backends compete with the API for the cores.
   */
  private connections(): postgres.Sql {
    if (!this.sql) {
      const url = (this.dataSource.options as { url?: string }).url;
      if (!url) throw new Error('the hot-read pool needs the data source url');
      this.sql = postgres(url, {
        max: this.runtime.config.readPoolSize,
        connect_timeout: 5,
        onnotice: () => undefined,
        // UTC sessions: timestamps come back in the one shape parseUtcTimestamp reads (and as UTC inside JSON).
        types: {
          timestamptz: {
            to: TIMESTAMPTZ_OID,
            from: [TIMESTAMPTZ_OID],
            // A string goes as it is: a keyset cursor carries microseconds, which a Date would drop.
            serialize: (value: Date | string) => (value instanceof Date ? value.toISOString() : String(value)),
            parse: parseUtcTimestamp,
          },
        },
        connection: {
          application_name: 'otklik-api-reads',
          ...sessionOptions(url, '-c plan_cache_mode=force_generic_plan -c TimeZone=UTC'),
        },
      });
    }
    return this.sql;
  }
}
