/**
 * Sources: channel connections of a workspace. Credentials are encrypted before they touch the database and
 * never leave it again (views list which fields are set); brand keywords live in the brand table; every
 * change is audited; poll schedulers follow the enabled flag (the worker's sweeper also reconciles them, so
 * a lost Redis or a failed call here heals by itself).
 */
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { repoRoot } from '@otklik/config';
import { ConnectorError, listCapabilities, type Connector, type ConnectorCapabilities } from '@otklik/connectors';
import { CredentialCipher } from '@otklik/persistence';
import { QueueProducer } from '@otklik/queues';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { CONNECTOR_RESOLVER, ConnectorResolver, sourceSettings } from '../../../worker/src/pipeline/connector-resolver';
import { AuditService, type AuthUser } from '../auth';
import { badRequest, conflict, notFound, ProblemException, queryRows, type FieldError } from '../http';
import { checkSourceConfig, deliveryOf, demoPathProblems, outboundProblems, polls, receivesPushes, sourceFields, withoutSecrets } from './channel-requirements';
import type { BrandInputDto, ChannelCapabilitiesView, CreateSourceDto, DeadLetterPage, DeadLetterQueryDto, SourceView, TestResultView, UpdateSourceDto } from './source.dto';

interface SourceRow {
  id: string;
  workspace_id: string;
  brand_id: string | null;
  channel: string;
  name: string;
  options: Record<string, unknown>;
  credentials_encrypted: string | null;
  cursor: string | null;
  enabled: boolean;
  poll_interval_ms: number;
  health: string;
  last_error: string | null;
  last_poll_at: Date | null;
  paused_until: Date | null;
  mentions_ingested: string;
  mentions_off_topic: string;
  created_at: Date;
  brand_name: string | null;
  aliases: string[] | null;
  exclusions: string[] | null;
  dead_letters: number;
}

const SOURCE_SELECT = `
  SELECT s.*, b.name AS brand_name, b.aliases, b.exclusions,
         (SELECT count(*)::int FROM dead_letter d WHERE d.source_id = s.id) AS dead_letters
    FROM source s LEFT JOIN brand b ON b.id = s.brand_id`;

/** Postgres unique_violation. */
const UNIQUE_VIOLATION = '23505';

@Injectable()
export class SourcesService {
  private readonly logger = new Logger('sources');
  private readonly cipher: CredentialCipher;
  /** Where demo replay sources may read timelines and write their sandbox outbox. */
  private readonly demoRoots: string[];
  private readonly outbound: Runtime['outbound'];

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    private readonly audit: AuditService,
    @Inject(RUNTIME) runtime: Runtime,
    @Inject(CONNECTOR_RESOLVER) private readonly connectors: ConnectorResolver,
  ) {
    this.cipher = new CredentialCipher(runtime.secretKey);
    this.demoRoots = [runtime.config.dataDir, join(repoRoot(), 'data')];
    this.outbound = runtime.outbound;
  }

  capabilities(): ChannelCapabilitiesView[] {
    const demo = this.connectors.get('demo');
    const channels = [...(demo ? [{ channel: demo.channel, capabilities: demo.capabilities }] : []), ...listCapabilities()];
    return channels.map((entry) => ({ ...entry, fields: sourceFields(entry.channel, entry.capabilities) }));
  }

  async list(workspaceId: string): Promise<SourceView[]> {
    const rows: SourceRow[] = await this.dataSource.query(`${SOURCE_SELECT} WHERE s.workspace_id = $1 ORDER BY s.created_at, s.id`, [workspaceId]);
    return rows.map((row) => this.view(row));
  }

  async get(workspaceId: string, id: string): Promise<SourceView> {
    return this.view(await this.row(this.dataSource.manager, workspaceId, id));
  }

  async create(user: AuthUser, input: CreateSourceDto): Promise<SourceView> {
    const connector = this.connectorFor(input.channel);
    const options = input.options ?? {};
    const credentials = input.credentials ?? {};
    this.check(input.channel, connector.capabilities, options, credentials);
    await this.checkOutbound(options);
    if (input.brandId && input.brand) throw badRequest('brand', 'give brandId or brand, not both');
    if (!input.brandId && !input.brand && input.channel !== 'demo') {
      throw badRequest('brandId', 'a source watches a brand: give brandId, or brand to create one (its keywords filter search hits)');
    }
    const pushOnly = !polls(deliveryOf(options, connector.capabilities));
    const row = await this.transaction(async (manager) => {
      const brandId = input.brand ? await this.upsertBrand(manager, user, input.brand) : input.brandId ? await this.ownBrand(manager, user.workspaceId, input.brandId) : null;
      const [created]: { id: string }[] = await manager.query(
        `INSERT INTO source (workspace_id, brand_id, channel, name, options, credentials_encrypted, enabled, poll_interval_ms)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING id`,
        [
          user.workspaceId,
          brandId,
          input.channel,
          input.name,
          JSON.stringify(options),
          Object.keys(credentials).length > 0 ? this.cipher.encrypt(credentials) : null,
          input.enabled ?? true,
          // Push-only sources are never polled; their (harmless) scheduler ticks rarely.
          input.pollIntervalMs ?? (pushOnly ? 3_600_000 : 60_000),
        ],
      );
      await this.audit.record(user.workspaceId, user.userId, 'source.created', { type: 'source', id: created.id }, {
        channel: input.channel,
        name: input.name,
        brandId,
        options,
        credentialsSet: Object.keys(credentials).sort(),
      }, manager);
      return this.row(manager, user.workspaceId, created.id);
    });
    await this.syncSchedule(row);
    return this.view(row);
  }

  async update(user: AuthUser, id: string, input: UpdateSourceDto): Promise<SourceView> {
    if (input.brandId && input.brand) throw badRequest('brand', 'give brandId or brand, not both');
    // Before the transaction: resolving a host name must not hold the row lock.
    if (input.options) await this.checkOutbound(input.options);
    const row = await this.transaction(async (manager) => {
      const current = await this.row(manager, user.workspaceId, id, true);
      const connector = this.connectorFor(current.channel);
      const options = input.options ?? current.options;
      const stored = input.credentials && !input.keepCredentials?.length ? {} : this.cipher.decrypt(current.credentials_encrypted);
      const kept = Object.fromEntries(Object.entries(stored).filter(([name]) => input.keepCredentials?.includes(name)));
      const replacement = input.credentials ? { ...kept, ...input.credentials } : undefined;
      const credentials = replacement ?? stored;
      if (input.keepCredentials && !input.credentials) throw badRequest('keepCredentials', 'only goes with credentials (without them every stored credential is kept)');
      if (input.options || input.credentials) this.check(current.channel, connector.capabilities, options, credentials);
      const brandId = input.brand ? await this.upsertBrand(manager, user, input.brand) : input.brandId ? await this.ownBrand(manager, user.workspaceId, input.brandId) : current.brand_id;
      await manager.query(
        `UPDATE source SET name = $2, brand_id = $3, options = $4::jsonb, credentials_encrypted = $5, poll_interval_ms = $6,
                cursor = CASE WHEN $7 THEN NULL ELSE cursor END
          WHERE id = $1`,
        [
          id,
          input.name ?? current.name,
          brandId,
          JSON.stringify(options),
          replacement ? (Object.keys(replacement).length > 0 ? this.cipher.encrypt(replacement) : null) : current.credentials_encrypted,
          input.pollIntervalMs ?? current.poll_interval_ms,
          input.resetCursor === true,
        ],
      );
      const changed = Object.keys(input).filter((key) => (input as Record<string, unknown>)[key] !== undefined);
      await this.audit.record(user.workspaceId, user.userId, 'source.updated', { type: 'source', id }, {
        changed,
        ...(input.options ? { options } : {}),
        ...(replacement ? { credentialsSet: Object.keys(replacement).sort() } : {}),
        ...(brandId !== current.brand_id ? { brandId } : {}),
      }, manager);
      return this.row(manager, user.workspaceId, id);
    });
    await this.syncSchedule(row);
    return this.view(row);
  }

  async setEnabled(user: AuthUser, id: string, enabled: boolean): Promise<SourceView> {
    const row = await this.transaction(async (manager) => {
      await this.row(manager, user.workspaceId, id, true);
      await manager.query('UPDATE source SET enabled = $2 WHERE id = $1', [id, enabled]);
      await this.audit.record(user.workspaceId, user.userId, enabled ? 'source.enabled' : 'source.disabled', { type: 'source', id }, {}, manager);
      return this.row(manager, user.workspaceId, id);
    });
    await this.syncSchedule(row);
    return this.view(row);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.transaction(async (manager) => {
      const current = await this.row(manager, user.workspaceId, id, true);
      // Mentions stay (source_id becomes null): they are the workspace's history.
      await manager.query('DELETE FROM source WHERE id = $1', [id]);
      await this.audit.record(user.workspaceId, user.userId, 'source.deleted', { type: 'source', id }, { channel: current.channel, name: current.name }, manager);
    });
    await this.producer.unschedulePolls(id).catch((error: Error) => this.logger.warn(`source ${id}: scheduler not removed (${error.message}); the sweeper removes it`));
  }

  /** A cheap authenticated call (or a one-item fetch); a success puts a failing source back in service. */
  async test(user: AuthUser, id: string): Promise<TestResultView> {
    const row = await this.row(this.dataSource.manager, user.workspaceId, id);
    const connector = this.connectorFor(row.channel, row.options);
    let credentials: Record<string, string> = {};
    let result: { ok: boolean; kind?: string; message: string };
    try {
      const settings = sourceSettings(row, this.cipher);
      credentials = settings.credentials;
      result = { ok: true, message: await this.probe(connector, settings, row) };
    } catch (error) {
      const kind = error instanceof ConnectorError ? error.kind : 'error';
      result = { ok: false, kind, message: withoutSecrets((error as Error).message, credentials) };
    }
    let health = row.health;
    if (result.ok && row.health === 'failing') {
      await this.dataSource.query(`UPDATE source SET health = 'ok', last_error = NULL WHERE id = $1 AND health = 'failing'`, [id]);
      health = 'ok';
    }
    await this.audit.record(user.workspaceId, user.userId, 'source.tested', { type: 'source', id }, { ok: result.ok, kind: result.kind ?? null, healthBefore: row.health, health });
    return { ...result, health };
  }

  async deadLetters(workspaceId: string, query: DeadLetterQueryDto): Promise<DeadLetterPage> {
    const limit = query.limit ?? 50;
    const rows: { id: string; source_id: string | null; source_name: string | null; stage: string; external_id: string | null; reason: string; payload: unknown; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT d.id::text AS id, d.source_id, s.name AS source_name, d.stage, d.external_id, d.reason, d.payload, d.created_at
           FROM dead_letter d LEFT JOIN source s ON s.id = d.source_id
          WHERE d.workspace_id = $1 AND ($2::uuid IS NULL OR d.source_id = $2) AND ($3::bigint IS NULL OR d.id < $3)
          ORDER BY d.id DESC LIMIT $4`,
        [workspaceId, query.sourceId ?? null, query.beforeId ?? null, limit + 1],
      );
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        sourceId: row.source_id,
        sourceName: row.source_name,
        stage: row.stage,
        externalId: row.external_id,
        reason: row.reason,
        payload: row.payload,
        createdAt: new Date(row.created_at).toISOString(),
      })),
      nextBeforeId: rows.length > limit ? Number(page[page.length - 1]!.id) : null,
    };
  }

  private async probe(connector: Connector, settings: ReturnType<typeof sourceSettings>, row: SourceRow): Promise<string> {
    if (connector.testConnection) return (await connector.testConnection(settings)).detail;
    if (connector.fetch && polls(deliveryOf(row.options, connector.capabilities))) {
      const page = await connector.fetch({ source: settings, cursor: null, limit: 1 });
      return `fetched ${page.mentions.length} mention(s) and ${page.rejected.length} unreadable item(s)`;
    }
    // Push only: nothing to call; deliveries are verified against the stored secret as they arrive.
    return `push only: POST deliveries to /api/webhooks/${row.id}; each one is verified with the stored secret`;
  }

  private connectorFor(channel: string, options?: Record<string, unknown>): Connector {
    const connector = this.connectors.get(channel, options);
    if (!connector) throw badRequest('channel', `no connector "${channel}" (known: ${this.connectors.channels().join(', ')})`);
    return connector;
  }

  private check(channel: string, capabilities: ConnectorCapabilities, options: Record<string, unknown>, credentials: Record<string, unknown>): void {
    this.refuse([...checkSourceConfig(channel, capabilities, options, credentials), ...(channel === 'demo' ? demoPathProblems(options, this.demoRoots) : [])]);
  }

  /** URL options pointing into the deployment's own network are refused on save too (the guard also refuses them at request time). */
  private async checkOutbound(options: Record<string, unknown>): Promise<void> {
    this.refuse(await outboundProblems(options, this.outbound));
  }

  private refuse(problems: FieldError[]): void {
    if (problems.length > 0) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation', problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '), { errors: problems });
    }
  }

  private async syncSchedule(row: SourceRow): Promise<void> {
    const connector = this.connectors.get(row.channel, row.options);
    const wanted = row.enabled && connector !== null && connector.capabilities.poll && polls(deliveryOf(row.options, connector.capabilities));
    try {
      if (wanted) await this.producer.schedulePolls(row.id, row.poll_interval_ms);
      else await this.producer.unschedulePolls(row.id);
    } catch (error) {
      // The row is the truth and the sweeper reconciles schedulers from it; the queue being down is not the admin's problem.
      this.logger.warn(`source ${row.id}: poll scheduler not updated (${(error as Error).message}); the sweeper will`);
    }
  }

  private async row(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<SourceRow> {
    if (lock) await manager.query('SELECT id FROM source WHERE id = $1 AND workspace_id = $2 FOR UPDATE', [id, workspaceId]);
    const [row]: SourceRow[] = await manager.query(`${SOURCE_SELECT} WHERE s.id = $1 AND s.workspace_id = $2`, [id, workspaceId]);
    if (!row) throw notFound('source', id);
    return row;
  }

  private async ownBrand(manager: EntityManager, workspaceId: string, brandId: string): Promise<string> {
    const [row] = await manager.query('SELECT id FROM brand WHERE id = $1 AND workspace_id = $2', [brandId, workspaceId]);
    if (!row) throw badRequest('brandId', 'no such brand in this workspace');
    return row.id;
  }

  /** The brand of this name (created if new); its aliases and exclusions replaced when given. */
  private async upsertBrand(manager: EntityManager, user: AuthUser, input: BrandInputDto): Promise<string> {
    const name = input.name.trim();
    if (name === '') throw badRequest('brand.name', 'must not be blank');
    const words = (list: string[] | undefined) => (list ? [...new Set(list.map((word) => word.trim()).filter((word) => word !== '' && word !== name))] : undefined);
    const aliases = input.aliases || input.keywords ? words([...(input.aliases ?? []), ...(input.keywords ?? [])]) : undefined;
    const exclusions = words(input.exclusions);
    const rows = await queryRows<{ id: string; inserted: boolean }>(
      manager,
      `INSERT INTO brand (workspace_id, name, aliases, exclusions) VALUES ($1, $2, COALESCE($3::text[], '{}'), COALESCE($4::text[], '{}'))
       ON CONFLICT (workspace_id, name) DO UPDATE SET aliases = COALESCE($3::text[], brand.aliases), exclusions = COALESCE($4::text[], brand.exclusions)
       RETURNING id, (xmax = 0) AS inserted`,
      [user.workspaceId, name, aliases ?? null, exclusions ?? null],
    );
    const brand = rows[0]!;
    if (brand.inserted || aliases || exclusions) {
      await this.audit.record(user.workspaceId, user.userId, brand.inserted ? 'brand.created' : 'brand.updated', { type: 'brand', id: brand.id }, {
        name,
        ...(aliases ? { aliases } : {}),
        ...(exclusions ? { exclusions } : {}),
      }, manager);
    }
    return brand.id;
  }

  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw conflict('conflict', 'a concurrent change got there first; try again');
      throw error;
    }
  }

  private view(row: SourceRow): SourceView {
    const connector = this.connectors.get(row.channel, row.options);
    const capabilities: ConnectorCapabilities = connector?.capabilities ?? { poll: false, push: false, publicReply: false, privateMessage: false, replyMaxLength: null };
    let credentials: Record<string, string> = {};
    let credentialsError: string | null = null;
    try {
      credentials = this.cipher.decrypt(row.credentials_encrypted);
    } catch (error) {
      credentialsError = (error as Error).message;
    }
    const delivery = deliveryOf(row.options, capabilities);
    return {
      id: row.id,
      channel: row.channel,
      name: row.name,
      brand: row.brand_id ? { id: row.brand_id, name: row.brand_name ?? '', aliases: row.aliases ?? [], exclusions: row.exclusions ?? [] } : null,
      options: row.options,
      credentialsSet: Object.keys(credentials).sort(),
      delivery,
      webhookPath: capabilities.push && receivesPushes(delivery) ? `/api/webhooks/${row.id}` : null,
      capabilities,
      enabled: row.enabled,
      pollIntervalMs: row.poll_interval_ms,
      health: row.health,
      lastError: credentialsError ?? (row.last_error ? withoutSecrets(row.last_error, credentials) : null),
      lastPollAt: row.last_poll_at ? new Date(row.last_poll_at).toISOString() : null,
      pausedUntil: row.paused_until ? new Date(row.paused_until).toISOString() : null,
      cursor: row.cursor,
      mentionsIngested: Number(row.mentions_ingested),
      mentionsOffTopic: Number(row.mentions_off_topic),
      deadLetters: row.dead_letters,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
