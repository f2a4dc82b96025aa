/**
 * Classifier labels as stored on mention rows: the columns a batch of labels writes (a part of one batch
 * UPDATE: the classify stage writes them together with the routing, mention-routes.ts), and `otklik
 * reclassify`'s write, which stores only what differs so that a second run changes nothing.
 */
import type { EntityManager } from 'typeorm';
import type { MentionLabels } from '@otklik/domain';
import { updateMentionBatch, type BatchPart } from './mention-batch-update';

export interface LabelledMention {
  id: string;
  /** Null: the labeler gave none (stored as no labels and no classifier version). */
  labels: MentionLabels | null;
}

/** Every label column of a mention as stored (column name → value). */
export interface StoredLabels {
  intent: string | null;
  cause: string | null;
  severity: string | null;
  sentiment: string | null;
  pii: string[] | null;
  pii_spans: unknown;
  critical_data: boolean | null;
  confidence: unknown;
  explain: unknown;
  incident_key: string | null;
  campaign_key: string | null;
  classifier_version: string | null;
}

/** The one mapping of classifier labels to the mention's label columns; `version` is the classifier's. */
export function storedLabelsOf(labels: MentionLabels, version: string | null): StoredLabels {
  return {
    intent: labels.intent,
    cause: labels.cause,
    severity: labels.severity,
    sentiment: labels.sentiment,
    pii: labels.pii,
    pii_spans: labels.piiSpans,
    critical_data: labels.criticalData,
    confidence: labels.confidence,
    explain: labels.explain,
    incident_key: labels.incident,
    campaign_key: labels.campaign,
    classifier_version: version,
  };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The label columns of a batch UPDATE, for `rows` in order; `version` is the classifier's. */
export function labelsPart(version: string | null, rows: LabelledMention[]): BatchPart {
  const stored = rows.map((row) => (row.labels === null ? null : storedLabelsOf(row.labels, version)));
  return {
    inputs: [
      { name: 'has_labels', type: 'boolean', values: stored.map((label) => label !== null) },
      { name: 'intent', type: 'text', values: stored.map((label) => label?.intent ?? null) },
      { name: 'cause', type: 'text', values: stored.map((label) => label?.cause ?? null) },
      { name: 'severity', type: 'text', values: stored.map((label) => label?.severity ?? null) },
      { name: 'sentiment', type: 'text', values: stored.map((label) => label?.sentiment ?? null) },
      { name: 'pii', type: 'text', values: stored.map((label) => json(label?.pii ?? [])) },
      { name: 'pii_spans', type: 'text', values: stored.map((label) => json(label?.pii_spans)) },
      { name: 'critical_data', type: 'boolean', values: stored.map((label) => label?.critical_data ?? null) },
      { name: 'confidence', type: 'text', values: stored.map((label) => json(label?.confidence)) },
      { name: 'explain', type: 'text', values: stored.map((label) => json(label?.explain)) },
      { name: 'incident_key', type: 'text', values: stored.map((label) => label?.incident_key ?? null) },
      { name: 'campaign_key', type: 'text', values: stored.map((label) => label?.campaign_key ?? null) },
      { name: 'classifier_version', type: 'text', values: stored.map((label) => label?.classifier_version ?? null) },
    ],
    sets: [
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
      ['classifier_version', 'v.classifier_version'],
    ],
  };
}

/** Stores labels where the stored labels or classifier version differ, stage untouched. Returns the ids written. */
export async function writeMentionLabels(
  manager: Pick<EntityManager, 'query'>,
  version: string | null,
  rows: LabelledMention[],
): Promise<string[]> {
  return updateMentionBatch(
    manager,
    rows.map((row) => row.id),
    [labelsPart(version, rows)],
    { onlyChanged: true },
  );
}
