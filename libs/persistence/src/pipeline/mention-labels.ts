/**
 * Stores a batch of classifier labels on their mentions in one statement: the classify stage's write (which
 * also moves the mentions on to 'classified') and `otklik reclassify`'s (which writes only what differs, so a
 * second run changes nothing).
 */
import type { EntityManager } from 'typeorm';
import type { MentionLabels } from '@otklik/domain';

export interface LabelledMention {
  id: string;
  /** Null: the labeler gave none (stored as no labels and no classifier version). */
  labels: MentionLabels | null;
}

/** Column ← value over `v`, the unnested batch; `$2` is the classifier version. */
const LABEL_COLUMNS: [column: string, value: string][] = [
  ['intent', 'v.intent'],
  ['cause', 'v.cause'],
  ['severity', 'v.severity'],
  ['sentiment', 'v.sentiment'],
  ['pii', 'CASE WHEN v.has_labels THEN ARRAY(SELECT jsonb_array_elements_text(v.pii::jsonb)) ELSE NULL END'],
  ['pii_spans', 'v.pii_spans::jsonb'],
  ['critical_data', 'v.critical_data'],
  ['confidence', 'v.confidence::jsonb'],
  ['explain', 'v.explain::jsonb'],
  ['incident_key', 'v.incident_key'],
  ['campaign_key', 'v.campaign_key'],
  ['classifier_version', 'CASE WHEN v.has_labels THEN $2::text ELSE NULL END'],
];

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * `advanceStage`: every row is written and moved on to 'classified' (the classify stage). Otherwise only rows
 * whose stored labels or classifier version differ are written, stage untouched. Returns the ids written.
 */
export async function writeMentionLabels(
  manager: Pick<EntityManager, 'query'>,
  version: string | null,
  rows: LabelledMention[],
  options: { advanceStage: boolean },
): Promise<string[]> {
  if (rows.length === 0) return [];
  const sets = LABEL_COLUMNS.map(([column, value]) => `${column} = ${value}`);
  const differs = `(${LABEL_COLUMNS.map(([column]) => `m.${column}`).join(', ')}) IS DISTINCT FROM (${LABEL_COLUMNS.map(([, value]) => value).join(', ')})`;
  // An UPDATE answers [rows, count] through TypeORM.
  const [written]: [{ id: string }[], number] = await manager.query(
    `UPDATE mention m SET ${sets.join(', ')}${options.advanceStage ? ", stage = 'classified', stage_at = now()" : ''}
       FROM unnest($1::bigint[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[],
                   $11::text[], $12::text[], $13::text[], $14::text[])
         AS v(id, has_labels, intent, cause, severity, sentiment, pii, pii_spans, critical_data, confidence, explain, incident_key, campaign_key)
      WHERE m.id = v.id${options.advanceStage ? '' : ` AND ${differs}`}
      RETURNING m.id::text AS id`,
    [
      rows.map((row) => row.id),
      version,
      rows.map((row) => row.labels !== null),
      rows.map((row) => row.labels?.intent ?? null),
      rows.map((row) => row.labels?.cause ?? null),
      rows.map((row) => row.labels?.severity ?? null),
      rows.map((row) => row.labels?.sentiment ?? null),
      rows.map((row) => json(row.labels?.pii ?? [])),
      rows.map((row) => json(row.labels?.piiSpans)),
      rows.map((row) => row.labels?.criticalData ?? null),
      rows.map((row) => json(row.labels?.confidence)),
      rows.map((row) => json(row.labels?.explain)),
      rows.map((row) => row.labels?.incident ?? null),
      rows.map((row) => row.labels?.campaign ?? null),
    ],
  );
  return written.map((row) => row.id);
}
