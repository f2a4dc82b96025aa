/**
 * Stores what a connector returned (a poll page or a verified push): the mentions with their origin, the
 * rejected items (dead-lettered) and the count of search hits the brand filter dropped, all in the ingest
 * transaction. Polls and webhook deliveries both go through here.
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
  const offTopic = Math.max(0, Math.round(batch.offTopic ?? 0));
  const outcome = await ingestBatch(dataSource, { ...target, offTopic }, batch.mentions, batch.rejected, cursor);
  return { ...outcome, offTopic: outcome.applied ? offTopic : 0 };
}
