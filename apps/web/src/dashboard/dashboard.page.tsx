/**
 * The lead's dashboard: volume by cause, severity and channel over time; first-response and resolution
 * times; SLA compliance; the share of staff inattention (GUIDE §2: the cause a team can fix itself);
 * the open backlog (from the inbox facets); and a CSV export of what is on screen.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Facets, Stats, StatsBucket } from '../api/contract.types';
import { useOpenFacets, useStats } from '../api/queries';
import { useFormat, type Formatter } from '../i18n/format';

type Dimension = 'cause' | 'severity' | 'channel';

const RANGES = {
  day: { hours: 24, bucket: 'hour' },
  week: { hours: 24 * 7, bucket: 'day' },
  month: { hours: 24 * 30, bucket: 'day' },
} as const;
type RangeId = keyof typeof RANGES;

/** Colour-blind-safe palette (Okabe–Ito), in a fixed order per key so a cause keeps its colour. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const FIXED: Record<string, string> = {
  critical: '#b42318',
  high: '#D55E00',
  medium: '#E69F00',
  low: '#56B4E9',
  product_defect: '#0072B2',
  staff_inattention: '#D55E00',
  piling_on: '#CC79A7',
  black_pr: '#000000',
  // Not labelled (no cause, not yet rated): neutral grey, never a colour a real value uses.
  none: '#98a2b3',
};

function keysOf(buckets: StatsBucket[], dimension: Dimension): string[] {
  return [...new Set(buckets.flatMap((bucket) => Object.keys(bucket[dimension])))].sort();
}

export function backlogOf(facets: Facets | undefined): { total: number | null; bySeverity: Record<string, number> } {
  const status = facets?.status;
  if (!status) return { total: null, bySeverity: {} };
  // Facets count under the default statuses (new, open, pending): that is the backlog.
  const total = ['new', 'open', 'pending'].reduce((sum, key) => sum + (status[key] ?? 0), 0);
  return { total, bySeverity: facets?.severity ?? {} };
}

export function statsToCsv(stats: Stats, backlog: number | null): string {
  const rows: string[][] = [['series', 'bucket', 'key', 'count']];
  for (const dimension of ['cause', 'severity', 'channel', 'intent'] as const) {
    for (const bucket of stats.series)
      for (const [key, count] of Object.entries(bucket[dimension])) rows.push([dimension, bucket.at, key, String(count)]);
  }
  const metric = (name: string, value: number | null) => rows.push(['metric', '', name, value === null ? '' : String(value)]);
  metric('mentions', stats.totals.mentions);
  metric('answered', stats.totals.answered);
  metric('resolved', stats.totals.resolved);
  metric('first_response_median_seconds', stats.firstResponse.medianSeconds);
  metric('first_response_p90_seconds', stats.firstResponse.p90Seconds);
  metric('resolution_median_seconds', stats.resolution.medianSeconds);
  metric('resolution_p90_seconds', stats.resolution.p90Seconds);
  metric('sla_compliance', stats.slaCompliance);
  metric('staff_inattention_share', stats.staffInattentionShare);
  metric('backlog', backlog);
  // Quote every cell: keys come from data (channel names) and must not break the format.
  return rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n');
}

function VolumeChart({
  title,
  buckets,
  dimension,
  format,
  bucket,
}: {
  title: string;
  buckets: StatsBucket[];
  dimension: Dimension;
  format: Formatter;
  bucket: string;
}) {
  const { t } = useTranslation();
  const keys = keysOf(buckets, dimension);
  const data = buckets.map((row) => ({ label: bucket === 'hour' ? format.time(row.at) : format.date(row.at), ...row[dimension] }));
  const total = buckets.reduce((sum, row) => sum + Object.values(row[dimension]).reduce((a, b) => a + b, 0), 0);
  return (
    <section className="card" aria-label={title}>
      <h2 className="section-title">{title}</h2>
      {buckets.length === 0 ? (
        <p className="hint">{t('dashboard.noData')}</p>
      ) : (
        <div className="chart" role="img" aria-label={t('dashboard.chartLabel', { title, total: format.number(total) })}>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={data}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d5dd" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={36} />
              <Tooltip />
              {/* Series colours are for the swatches; the names stay in the text colour for contrast. */}
              <Legend formatter={(value: string) => <span className="legend-label">{value}</span>} />
              {keys.map((key, index) => (
                <Bar
                  key={key}
                  dataKey={key}
                  name={key === 'none' ? t('dashboard.unlabelled') : t(`${dimension}.${key}`, { defaultValue: key })}
                  stackId="a"
                  fill={FIXED[key] ?? PALETTE[index % PALETTE.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [rangeId, setRangeId] = useState<RangeId>('week');
  // Whole minutes keep the query key stable across renders.
  const range = useMemo(() => {
    const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const from = new Date(to.getTime() - RANGES[rangeId].hours * 3_600_000);
    return { from: from.toISOString(), to: to.toISOString(), bucket: RANGES[rangeId].bucket };
  }, [rangeId]);
  const stats = useStats(range);
  const backlog = backlogOf(useOpenFacets().data);
  const seconds = (value: number | null) => (value === null ? '—' : format.duration(value * 1000));

  const exportCsv = () => {
    if (!stats.data) return;
    const blob = new Blob([`\ufeff${statsToCsv(stats.data, backlog.total)}`], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `otklik-stats-${range.from.slice(0, 10)}-${range.to.slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section className="page dashboard" aria-labelledby="dashboard-title">
      <div className="page-head">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        <div className="segmented" role="group" aria-label={t('dashboard.range')}>
          {(Object.keys(RANGES) as RangeId[]).map((id) => (
            <button
              key={id}
              type="button"
              className={`segment${rangeId === id ? ' is-active' : ''}`}
              aria-pressed={rangeId === id}
              onClick={() => setRangeId(id)}
            >
              {t(`dashboard.ranges.${id}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button button-secondary" onClick={exportCsv} disabled={!stats.data}>
          {t('dashboard.exportCsv')}
        </button>
      </div>
      {stats.isLoading ? <p className="hint">{t('common.loading')}</p> : null}
      {stats.isError ? (
        <p className="error" role="alert">
          {t('dashboard.loadFailed')} {(stats.error as Error).message}
        </p>
      ) : null}
      {stats.data ? (
        <>
          <dl className="kpis">
            <div>
              <dt>{t('dashboard.firstResponse')}</dt>
              <dd>
                {seconds(stats.data.firstResponse.medianSeconds)}
                <span className="hint"> · p90 {seconds(stats.data.firstResponse.p90Seconds)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.resolution')}</dt>
              <dd>
                {seconds(stats.data.resolution.medianSeconds)}
                <span className="hint"> · p90 {seconds(stats.data.resolution.p90Seconds)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.slaCompliance')}</dt>
              <dd>
                {stats.data.slaCompliance === null ? '—' : format.percent(stats.data.slaCompliance)}
                <span className="hint">
                  {' '}
                  · {t('dashboard.slaOf', { met: format.number(stats.data.slaMet), due: format.number(stats.data.slaDue) })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.staffInattention')}</dt>
              <dd>
                {stats.data.staffInattentionShare === null ? '—' : format.percent(stats.data.staffInattentionShare)}
                <span className="hint"> · {format.number(stats.data.staffInattentionCount)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.mentions')}</dt>
              <dd>
                {format.number(stats.data.totals.mentions)}
                <span className="hint">
                  {' '}
                  ·{' '}
                  {t('dashboard.answeredResolved', {
                    answered: format.number(stats.data.totals.answered),
                    resolved: format.number(stats.data.totals.resolved),
                  })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.backlog')}</dt>
              <dd>
                {backlog.total === null ? '—' : format.number(backlog.total)}
                {Object.keys(backlog.bySeverity).length ? (
                  <span className="hint">
                    {' '}
                    ·{' '}
                    {Object.entries(backlog.bySeverity)
                      .map(([severity, count]) => `${t(`severity.${severity}`, { defaultValue: severity })} ${format.number(count)}`)
                      .join(', ')}
                  </span>
                ) : null}
              </dd>
            </div>
          </dl>
          <div className="chart-grid">
            <VolumeChart
              title={t('dashboard.byCause')}
              buckets={stats.data.series}
              dimension="cause"
              format={format}
              bucket={range.bucket}
            />
            <VolumeChart
              title={t('dashboard.bySeverity')}
              buckets={stats.data.series}
              dimension="severity"
              format={format}
              bucket={range.bucket}
            />
            <VolumeChart
              title={t('dashboard.byChannel')}
              buckets={stats.data.series}
              dimension="channel"
              format={format}
              bucket={range.bucket}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
