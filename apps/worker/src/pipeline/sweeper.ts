/**
 * The safety net under the queues. Every few seconds, in every worker process (it is idempotent):
 * - makes sure each enabled source has its poll scheduler (a flushed or fresh Redis loses them);
 * - re-wakes every workspace whose mentions have sat in a stage longer than `sweepAfterMs` (a job lost
 *   with Redis, a process killed mid-batch);
 * - re-dispatches outbox rows not yet done.
 * Redis losing its data therefore costs re-processing time, never a mention.
 */
import type { DataSource } from 'typeorm';
import type { QueueProducer } from '@otklik/queues';

export interface SweepReport {
  schedulersCreated: number;
  schedulersRemoved: number;
  wokenClassify: number;
  wokenRoute: number;
}

export async function sweep(dataSource: DataSource, producer: QueueProducer, sweepAfterMs: number): Promise<SweepReport> {
  const report: SweepReport = { schedulersCreated: 0, schedulersRemoved: 0, wokenClassify: 0, wokenRoute: 0 };
  const sources: { id: string; poll_interval_ms: number }[] = await dataSource.query(`SELECT id, poll_interval_ms FROM source WHERE enabled`);
  const existing = await producer.poll.getJobSchedulers(0, -1);
  const byId = new Map(existing.map((scheduler) => [scheduler.key, scheduler]));
  const wanted = new Set<string>();
  for (const source of sources) {
    const id = producer.schedulerId(source.id);
    wanted.add(id);
    const current = byId.get(id);
    if (!current || Number(current.every) !== source.poll_interval_ms) {
      await producer.schedulePolls(source.id, source.poll_interval_ms);
      report.schedulersCreated += 1;
    }
  }
  for (const scheduler of existing) {
    if (scheduler.key.startsWith('poll-') && !wanted.has(scheduler.key)) {
      await producer.poll.removeJobScheduler(scheduler.key);
      report.schedulersRemoved += 1;
    }
  }
  const stale: { workspace_id: string; stage: string }[] = await dataSource.query(
    `SELECT DISTINCT workspace_id, stage FROM mention WHERE stage IN ('ingested', 'classified') AND stage_at < now() - make_interval(secs => $1)`,
    [sweepAfterMs / 1000],
  );
  for (const row of stale) {
    if (row.stage === 'ingested') {
      await producer.wakeClassify(row.workspace_id);
      report.wokenClassify += 1;
    } else {
      await producer.wakeRoute(row.workspace_id);
      report.wokenRoute += 1;
    }
  }
  return report;
}
