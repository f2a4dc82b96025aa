/**
 * Team metrics over mentions published in [from, to): volume per bucket and label, how long customers
 * waited for a first answer and for resolution (median and p90 via percentile_cont), SLA compliance, and
 * how much of the anger is staff inattention (GUIDE §2: typically the largest cause).
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest } from '../http/problem';
import { SettingsService } from '../settings/settings.service';

const MAX_BUCKETS = 2_000;

export interface Percentiles {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface Stats {
  from: string;
  to: string;
  bucket: 'hour' | 'day';
  timeZone: string;
  totals: { mentions: number; answered: number; resolved: number };
  series: Array<{
    bucket: string;
    total: number;
    cause: Record<string, number>;
    intent: Record<string, number>;
    severity: Record<string, number>;
    channel: Record<string, number>;
  }>;
  firstResponse: Percentiles;
  resolution: Percentiles;
  sla: {
    firstResponse: { due: number; met: number; compliance: number | null };
    cases: { acknowledgementDue: number; acknowledgementMet: number; resolutionDue: number; resolutionMet: number };
  };
  staffInattention: { count: number; withCause: number; share: number | null };
}

@Injectable()
export class StatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async compute(workspaceId: string, query: { from?: string; to?: string; bucket?: 'hour' | 'day' }): Promise<Stats> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * 24 * 3600_000);
    const bucket = query.bucket ?? 'day';
    if (from.getTime() >= to.getTime()) throw badRequest('from', 'must be before to');
    const buckets = (to.getTime() - from.getTime()) / (bucket === 'hour' ? 3600_000 : 24 * 3600_000);
    if (buckets > MAX_BUCKETS)
      throw badRequest(
        'from',
        `the range holds ${Math.ceil(buckets)} ${bucket} buckets; at most ${MAX_BUCKETS}: narrow it or use bucket=day`,
      );
    const { timeZone } = await this.settings.get(workspaceId);
    const params = [workspaceId, from, to];
    const [volume, [times], [cases]] = await Promise.all([
      this.dataSource.query(
        `SELECT to_char(date_trunc($4, m.published_at AT TIME ZONE $5), 'YYYY-MM-DD"T"HH24:MI:SS') AS bucket,
                GROUPING(m.cause) AS g_cause, GROUPING(m.intent) AS g_intent, GROUPING(m.severity) AS g_severity, GROUPING(m.channel) AS g_channel,
                m.cause, m.intent, m.severity, m.channel, count(*)::int AS n
           FROM mention m WHERE m.workspace_id = $1 AND m.stage = 'routed' AND m.published_at >= $2 AND m.published_at < $3
          GROUP BY GROUPING SETS ((1), (1, m.cause), (1, m.intent), (1, m.severity), (1, m.channel))
          ORDER BY 1`,
        [...params, bucket, timeZone],
      ) as Promise<
        Array<{
          bucket: string;
          g_cause: number;
          g_intent: number;
          g_severity: number;
          g_channel: number;
          cause: string | null;
          intent: string | null;
          severity: string | null;
          channel: string;
          n: number;
        }>
      >,
      this.dataSource.query(
        `SELECT count(*)::int AS mentions,
                count(*) FILTER (WHERE first_response_at IS NOT NULL)::int AS answered,
                count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - published_at)) FILTER (WHERE first_response_at IS NOT NULL) AS fr_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - published_at)) FILTER (WHERE first_response_at IS NOT NULL) AS fr_p90,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - published_at)) FILTER (WHERE resolved_at IS NOT NULL) AS res_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - published_at)) FILTER (WHERE resolved_at IS NOT NULL) AS res_p90,
                -- A clock counts once it has ended: answered, or unanswered past due while still open.
                count(*) FILTER (WHERE sla_due_at IS NOT NULL AND (first_response_at IS NOT NULL OR (sla_due_at < now() AND status IN ('new', 'open', 'pending'))))::int AS sla_due,
                count(*) FILTER (WHERE first_response_at <= sla_due_at)::int AS sla_met,
                count(*) FILTER (WHERE cause IS NOT NULL)::int AS with_cause,
                count(*) FILTER (WHERE cause = 'staff_inattention')::int AS staff_inattention
           FROM mention WHERE workspace_id = $1 AND stage = 'routed' AND published_at >= $2 AND published_at < $3`,
        params,
      ) as Promise<Array<Record<string, number | null>>>,
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE ack_due_at IS NOT NULL AND (acknowledged_at IS NOT NULL OR ack_due_at < now()))::int AS ack_due,
                count(*) FILTER (WHERE acknowledged_at <= ack_due_at)::int AS ack_met,
                count(*) FILTER (WHERE resolution_due_at IS NOT NULL AND (resolved_at IS NOT NULL OR resolution_due_at < now()))::int AS res_due,
                count(*) FILTER (WHERE resolved_at <= resolution_due_at)::int AS res_met
           FROM "case" WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3`,
        params,
      ) as Promise<Array<Record<string, number>>>,
    ]);
    const series = new Map<string, Stats['series'][number]>();
    for (const row of volume) {
      const entry = series.get(row.bucket) ?? { bucket: row.bucket, total: 0, cause: {}, intent: {}, severity: {}, channel: {} };
      series.set(row.bucket, entry);
      if (row.g_cause && row.g_intent && row.g_severity && row.g_channel) entry.total = row.n;
      else if (!row.g_cause) entry.cause[row.cause ?? 'none'] = row.n;
      else if (!row.g_intent) entry.intent[row.intent ?? 'unclassified'] = row.n;
      else if (!row.g_severity) entry.severity[row.severity ?? 'unclassified'] = row.n;
      else entry.channel[row.channel] = row.n;
    }
    const seconds = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value)));
    const t = times ?? {};
    const slaDue = Number(t.sla_due ?? 0);
    const withCause = Number(t.with_cause ?? 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      bucket,
      timeZone,
      totals: { mentions: Number(t.mentions ?? 0), answered: Number(t.answered ?? 0), resolved: Number(t.resolved ?? 0) },
      series: [...series.values()],
      firstResponse: { count: Number(t.answered ?? 0), medianSeconds: seconds(t.fr_p50), p90Seconds: seconds(t.fr_p90) },
      resolution: { count: Number(t.resolved ?? 0), medianSeconds: seconds(t.res_p50), p90Seconds: seconds(t.res_p90) },
      sla: {
        firstResponse: { due: slaDue, met: Number(t.sla_met ?? 0), compliance: slaDue > 0 ? Number(t.sla_met ?? 0) / slaDue : null },
        cases: {
          acknowledgementDue: cases?.ack_due ?? 0,
          acknowledgementMet: cases?.ack_met ?? 0,
          resolutionDue: cases?.res_due ?? 0,
          resolutionMet: cases?.res_met ?? 0,
        },
      },
      staffInattention: {
        count: Number(t.staff_inattention ?? 0),
        withCause,
        share: withCause > 0 ? Number(t.staff_inattention ?? 0) / withCause : null,
      },
    };
  }
}
