/**
 * Stage 1: ask a source's connector for what is new since its cursor and store it durably together with
 * the advanced cursor (ingest.ts). Connector errors become source states here, in one place:
 * auth revoked → failing + alert; rate limited → paused until the platform's time; bad request → failing;
 * transient → rethrown for the queue's exponential backoff.
 */
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { ConnectorError } from '@otklik/connectors';
import { CredentialCipher } from '@otklik/persistence';
import { ingestConnectorBatch } from './connector-batch';
import { sourceSettings, type ConnectorResolver } from './connector-resolver';

interface SourceRow {
  id: string;
  workspace_id: string;
  brand_id: string | null;
  channel: string;
  options: Record<string, unknown>;
  credentials_encrypted: string | null;
  cursor: string | null;
  enabled: boolean;
  health: string;
  paused_until: Date | null;
  brand_name: string | null;
  aliases: string[] | null;
  exclusions: string[] | null;
}

export interface PollOutcome {
  inserted: number;
  hasMore: boolean;
  workspaceId: string | null;
  skipped?: string;
}

export async function pollSource(
  dataSource: DataSource,
  connectors: ConnectorResolver,
  cipher: CredentialCipher,
  sourceId: string,
  batchSize: number,
): Promise<PollOutcome> {
  const [source]: SourceRow[] = await dataSource.query(
    `SELECT s.*, b.name AS brand_name, b.aliases, b.exclusions FROM source s LEFT JOIN brand b ON b.id = s.brand_id WHERE s.id = $1`,
    [sourceId],
  );
  if (!source) return { inserted: 0, hasMore: false, workspaceId: null, skipped: 'source deleted' };
  if (!source.enabled) return { inserted: 0, hasMore: false, workspaceId: source.workspace_id, skipped: 'disabled' };
  if (source.health === 'failing') return { inserted: 0, hasMore: false, workspaceId: source.workspace_id, skipped: 'failing: fix the source, then test it' };
  if (source.paused_until && source.paused_until.getTime() > Date.now()) {
    return { inserted: 0, hasMore: false, workspaceId: source.workspace_id, skipped: `paused until ${source.paused_until.toISOString()}` };
  }
  const connector = connectors.get(source.channel, source.options);
  // Push-only channels (and sources set to receive pushes only, e.g. a Telegram bot on a webhook, where
  // getUpdates would conflict) have nothing to poll: not a failure.
  if (connector && (!connector.fetch || source.options?.['delivery'] === 'push')) {
    return { inserted: 0, hasMore: false, workspaceId: source.workspace_id, skipped: 'push delivery' };
  }
  if (!connector?.fetch) {
    await markSource(dataSource, source, 'failing', `no polling connector for channel "${source.channel}"`);
    return { inserted: 0, hasMore: false, workspaceId: source.workspace_id, skipped: 'no connector' };
  }
  const settings = sourceSettings(source, cipher);
  let result;
  try {
    result = await connector.fetch({ source: settings, cursor: source.cursor, limit: batchSize });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    switch (error.kind) {
      case 'transient':
        throw error;
      case 'rate_limited': {
        const until = error.details.resumeAt ? new Date(error.details.resumeAt) : new Date(Date.now() + (error.details.retryAfterMs ?? 60_000));
        await dataSource.query(`UPDATE source SET health = 'paused', paused_until = $2, last_error = $3 WHERE id = $1`, [source.id, until, error.message]);
        return { inserted: 0, hasMore: false, workspaceId: source.workspace_id, skipped: `rate limited until ${until.toISOString()}` };
      }
      case 'auth_revoked':
      case 'bad_request':
      case 'not_permitted':
        await markSource(dataSource, source, 'failing', `${error.kind}: ${error.message}`);
        await raiseSourceAlert(dataSource, source, error);
        throw new UnrecoverableError(`${error.kind}: ${error.message}`);
    }
  }
  const outcome = await ingestConnectorBatch(
    dataSource,
    { workspaceId: source.workspace_id, sourceId: source.id, brandId: source.brand_id },
    result,
    { expected: source.cursor, next: result.cursor },
  );
  if (source.health === 'paused') await dataSource.query(`UPDATE source SET health = 'ok', paused_until = NULL WHERE id = $1 AND health = 'paused'`, [source.id]);
  return { inserted: outcome.inserted, hasMore: outcome.applied && result.hasMore, workspaceId: source.workspace_id };
}

async function markSource(dataSource: DataSource, source: SourceRow, health: string, reason: string): Promise<void> {
  await dataSource.query('UPDATE source SET health = $2, last_error = $3, last_poll_at = now() WHERE id = $1', [source.id, health, reason.slice(0, 1_000)]);
}

/** One `source_failing` alert per source, error kind and day (the escalation side delivers it). */
export async function raiseSourceAlert(dataSource: DataSource, source: Pick<SourceRow, 'id' | 'workspace_id' | 'channel'>, error: ConnectorError): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  await dataSource.query(
    `INSERT INTO alert (workspace_id, kind, level, reasons, source_id, dedupe_key, alerted_at)
     VALUES ($1, 'source_failing', 'warning', $2::jsonb, $3, $4, now()) ON CONFLICT (dedupe_key) DO NOTHING`,
    [source.workspace_id, JSON.stringify([`${source.channel} source: ${error.kind}`, error.message]), source.id, `source:${source.id}:${error.kind}:${day}`],
  );
}
