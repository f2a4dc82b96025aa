/**
 * The TypeORM data source: entities and migrations are listed as classes (globs do not survive a build).
 * `synchronize` is never on: the schema comes from migrations only.
 */
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AlertEntity, NotificationChannelEntity, SlaAlertedMentionEntity } from './entities/alert.entity';
import { AlertDeliveryEntity } from './entities/alert-delivery.entity';
import { AuditLogEntity } from './entities/audit-log.entity';
import { AuthorEntity } from './entities/author.entity';
import { BrandEntity } from './entities/brand.entity';
import { CaseEntity } from './entities/case.entity';
import { CampaignEntity, IncidentEntity } from './entities/incident.entity';
import { MentionEntity } from './entities/mention.entity';
import { NoteEntity } from './entities/note.entity';
import { DeadLetterEntity, OutboxEntity } from './entities/outbox.entity';
import { ReplyEntity } from './entities/reply.entity';
import { SourceEntity } from './entities/source.entity';
import { ThreadEntity } from './entities/thread.entity';
import { MembershipEntity, UserEntity } from './entities/user.entity';
import { WorkspaceEntity } from './entities/workspace.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { AlertingIncidents1764200000000 } from './migrations/1764200000000-alerting-incidents';
import { EscalationPending1764200000100 } from './migrations/1764200000100-escalation-pending';
import { HotTableAutovacuum1764300000000 } from './migrations/1764300000000-hot-table-autovacuum';
import { ConnectorWiring1763900100000 } from './migrations/1763900100000-connector-wiring';
import { AuthTokens1764000000000 } from './migrations/1764000000000-auth-tokens';
import { InboxSearch1764100000000 } from './migrations/1764100000000-inbox-search';
import { InboxKeyset1764100100000 } from './migrations/1764100100000-inbox-keyset';
import { ApiKeyEntity } from './entities/api-key.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { ClassifierState1763800001000 } from './migrations/1763800001000-classifier-state';
import { Reclassify1764300000200 } from './migrations/1764300000200-reclassify';
import { InboxFacetsIndex1764300000300 } from './migrations/1764300000300-inbox-facets-index';
import { SlaAlertDigest1764300000400 } from './migrations/1764300000400-sla-alert-digest';
import { InboxCoveringIndexes1764300000600 } from './migrations/1764300000600-inbox-covering-indexes';
import { InboxSeverityIndex1764300000700 } from './migrations/1764300000700-inbox-severity-index';

export const ENTITIES = [
  WorkspaceEntity,
  BrandEntity,
  UserEntity,
  MembershipEntity,
  SourceEntity,
  AuthorEntity,
  ThreadEntity,
  MentionEntity,
  CaseEntity,
  NoteEntity,
  ReplyEntity,
  IncidentEntity,
  CampaignEntity,
  AlertEntity,
  SlaAlertedMentionEntity,
  NotificationChannelEntity,
  AlertDeliveryEntity,
  AuditLogEntity,
  OutboxEntity,
  DeadLetterEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
];

export const MIGRATIONS = [
  InitialSchema1763800000000,
  ClassifierState1763800001000,
  ConnectorWiring1763900100000,
  AuthTokens1764000000000,
  InboxSearch1764100000000,
  InboxKeyset1764100100000,
  AlertingIncidents1764200000000,
  EscalationPending1764200000100,
  HotTableAutovacuum1764300000000,
  Reclassify1764300000200,
  InboxFacetsIndex1764300000300,
  SlaAlertDigest1764300000400,
  InboxCoveringIndexes1764300000600,
  InboxSeverityIndex1764300000700,
];

export function dataSourceOptions(databaseUrl: string, extra: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: extra.poolSize ?? 10,
      application_name: extra.applicationName ?? 'otklik',
      connectionTimeoutMillis: 5_000,
      ...sessionOptions(databaseUrl),
    },
  };
}

/**
 * JIT off for the product's sessions: the pipeline's batch queries are estimated above `jit_above_cost` (a
 * LATERAL per author of 500 mentions) and PostgreSQL then spends 0.3–1.6 s compiling a plan that runs in 13 ms
 * (seen with auto_explain). `extraOptions` adds settings (the api's hot-read pool asks for generic plans). An
 * `options` parameter in DATABASE_URL wins, so an operator can decide otherwise.
 */
export function sessionOptions(databaseUrl: string, extraOptions = ''): { options?: string } {
  try {
    if (new URL(databaseUrl).searchParams.has('options')) return {};
  } catch {
    return {}; // not a URL: the driver reports it
  }
  return { options: `-c jit=off${extraOptions ? ` ${extraOptions}` : ''}` };
}

export function createDataSource(databaseUrl: string, extra?: { poolSize?: number; applicationName?: string }): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, extra));
}

/** Arbitrary but fixed: serialises migrations across processes (two migrating at once failed ~1 in 4). */
const MIGRATION_LOCK = 7_410_523_001;

/** Runs pending migrations under an advisory lock, so several processes starting together migrate once. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
