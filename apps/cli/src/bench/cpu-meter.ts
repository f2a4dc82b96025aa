/**
 * Where a benchmark scenario's CPU went: this process (the app under test: the benchmark drives it from a forked
 * load generator), the database's backends for the benchmark database (read from /proc, so only when
 * PostgreSQL runs on this machine), and how busy the whole machine was. Per request, these say which side to
 * work on; the machine's share says whether the figure was limited by the cores at all.
 */
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuSnapshot {
  appMs: number;
  /** Backend pid → its CPU so far (ms); null when /proc does not show the backends (a remote database). */
  backends: Map<number, number> | null;
  machine: { busy: number; total: number } | null;
}

export interface CpuUse {
  appMs: number;
  dbMs: number | null;
  /** Share of all cores' time not idle, 0–1; null off Linux. */
  machineBusy: number | null;
}

function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export class CpuMeter {
  constructor(private readonly client: Client) {}

  async snapshot(): Promise<CpuSnapshot> {
    const usage = process.cpuUsage();
    return { appMs: (usage.user + usage.system) / 1000, backends: await this.backends(), machine: machineTicks() };
  }

  /** CPU used since `before`; backends that started since count from zero. */
  async since(before: CpuSnapshot): Promise<CpuUse> {
    const after = await this.snapshot();
    let dbMs: number | null = null;
    if (before.backends && after.backends) {
      dbMs = 0;
      for (const [pid, ms] of after.backends) dbMs += ms - (before.backends.get(pid) ?? 0);
    }
    const machineBusy =
      before.machine && after.machine && after.machine.total > before.machine.total
        ? (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total)
        : null;
    return { appMs: after.appMs - before.appMs, dbMs, machineBusy };
  }

  private async backends(): Promise<Map<number, number> | null> {
    const rows = (await this.client.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).rows as { pid: number }[];
    const found = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms === null) return null; // not on this machine (or not readable): no database figure rather than a partial one
      found.set(pid, ms);
    }
    return found;
  }
}

/** "cpu per request: app 0.45 ms, database 0.63 ms; machine 91% busy" (parts that could not be read are left out). */
export function describeCpu(use: CpuUse, requests: number): string {
  if (requests === 0) return '';
  const parts = [`app ${(use.appMs / requests).toFixed(2)} ms`];
  if (use.dbMs !== null) parts.push(`database ${(use.dbMs / requests).toFixed(2)} ms`);
  const busy = use.machineBusy !== null ? `; machine ${(use.machineBusy * 100).toFixed(0)}% busy` : '';
  return `cpu per request: ${parts.join(', ')}${busy}`;
}
