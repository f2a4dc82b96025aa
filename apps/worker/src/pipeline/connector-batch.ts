/**
 * Stores what a connector returned (a poll page or a verified push) and the two things `ingestBatch` does
 * not know about: how many search hits the brand filter dropped (the source's off-topic counter) and where
 * each kept mention came from (`origin`). Polls and webhook deliveries both go through here.
 *
 * The two follow-up writes run after the ingest transaction: a crash between them loses a counter bump or
 * an origin tag, never a mention, and re-ingesting the same items cannot count them twice (the cursor has
 * moved, and the origin update only fills empty cells).
 */
import type { DataSource } from 'typeorm';
import type { NormalisedMention, RejectedItem } from '@otklik/connectors';
import { ingestBatch, type CursorAdvance, type IngestResult, type IngestTarget } from '@otklik/persistence';

export interface ConnectorBatch {
  mentions: NormalisedMention[];
  rejected: RejectedItem[];
  offTopic?: number;
}

export interface ConnectorBatchResult extends IngestResult {
  offTopic: number;
}

export async function ingestConnectorBatch(dataSource: DataSource, target: IngestTarget, batch: ConnectorBatch, cursor?: CursorAdvance): Promise<ConnectorBatchResult> {
  const outcome = await ingestBatch(dataSource, target, batch.mentions, batch.rejected, cursor);
  const offTopic = Math.max(0, Math.round(batch.offTopic ?? 0));
  if (!outcome.applied) return { ...outcome, offTopic: 0 };
  if (offTopic > 0 && target.sourceId) {
    await dataSource.query('UPDATE source SET mentions_off_topic = mentions_off_topic + $2 WHERE id = $1', [target.sourceId, offTopic]);
  }
  const tagged = batch.mentions.filter((mention) => mention.origin === 'owned' || mention.origin === 'search');
  if (tagged.length > 0) {
    await dataSource.query(
      `UPDATE mention m SET origin = v.origin
         FROM unnest($2::text[], $3::text[], $4::text[]) AS v(channel, external_id, origin)
        WHERE m.workspace_id = $1 AND m.channel = v.channel AND m.external_id = v.external_id AND m.origin IS NULL`,
      [target.workspaceId, tagged.map((mention) => mention.channel), tagged.map((mention) => mention.externalId), tagged.map((mention) => mention.origin)],
    );
  }
  return { ...outcome, offTopic };
}
