import {
  createConnector,
  DEFAULT_TIMEOUT_MS,
  registeredChannels,
  ReplayConnector,
  type Connector,
  type ConnectorDeps,
  type SourceSettings,
} from '@otklik/connectors';
import type { FactoryProvider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CredentialCipher } from '@otklik/persistence';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { PgSourceCredentialStore } from './source-credential-store';

/** The demo replay source's channel: built in, never wrapped in the brand filter (its timeline names its brands). */
export const DEMO_CHANNEL = 'demo';

/** Per-source request timeout bounds (`options.requestTimeoutMs`): a slow self-hosted instance may need more than the default. */
export const MIN_REQUEST_TIMEOUT_MS = 500;
export const MAX_REQUEST_TIMEOUT_MS = 120_000;

/** The columns of a source (joined with its brand) that a connector call needs. */
export interface SourceConnectionRow {
  id: string;
  channel: string;
  options: Record<string, unknown>;
  credentials_encrypted: string | null;
  brand_name: string | null;
  aliases: string[] | null;
  exclusions: string[] | null;
}

/** SELECT list giving a `SourceConnectionRow` from `source s LEFT JOIN brand b ON b.id = s.brand_id`. */
export const SOURCE_CONNECTION_COLUMNS = 's.id, s.channel, s.options, s.credentials_encrypted, b.name AS brand_name, b.aliases, b.exclusions';

/**
 * What a connector sees of a source: the brand query (the brand's name, its aliases as keywords, its
 * exclusions), the options and the decrypted credentials. One function, so polls, pushes, sends and the
 * "test connection" button all hand a connector the same thing.
 */
export function sourceSettings(row: SourceConnectionRow, cipher: CredentialCipher): SourceSettings {
  return {
    sourceId: row.id,
    query: {
      brand: row.brand_name ?? '',
      keywords: [row.brand_name, ...(row.aliases ?? [])].filter((word): word is string => Boolean(word)),
      exclusions: row.exclusions ?? [],
    },
    options: row.options ?? {},
    credentials: cipher.decrypt(row.credentials_encrypted),
  };
}

/** The source's `requestTimeoutMs` option when it is a usable number, else null (the registry's default). */
export function requestTimeoutOf(options: Record<string, unknown> | null | undefined): number | null {
  const value = options?.['requestTimeoutMs'];
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.min(MAX_REQUEST_TIMEOUT_MS, Math.max(MIN_REQUEST_TIMEOUT_MS, Math.round(value)));
}

/**
 * Channel → connector: the demo replay source built in, every platform registered in @otklik/connectors
 * through `createConnector` (which wraps it in the brand filter). Connectors are built once per channel and
 * request timeout and then reused: VK's request limiter and Reddit's token cache live in the instance.
 */
export class ConnectorResolver {
  private readonly builtIn = new Map<string, Connector>();
  private readonly built = new Map<string, Connector>();

  constructor(
    private readonly deps: ConnectorDeps = {},
    extra: Connector[] = [],
  ) {
    for (const connector of [new ReplayConnector(), ...extra]) this.builtIn.set(connector.channel, connector);
  }

  /** Every channel a source may name. */
  channels(): string[] {
    return [...new Set([...this.builtIn.keys(), ...registeredChannels()])];
  }

  has(channel: string): boolean {
    return this.builtIn.has(channel) || registeredChannels().includes(channel);
  }

  /** The connector for a channel (null when this build has none), honouring the source's `requestTimeoutMs`. */
  get(channel: string, options?: Record<string, unknown> | null): Connector | null {
    const own = this.builtIn.get(channel);
    if (own) return own;
    if (!registeredChannels().includes(channel)) return null;
    const timeoutMs = requestTimeoutOf(options) ?? this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const key = `${channel}\u0000${timeoutMs}`;
    let connector = this.built.get(key);
    if (!connector) {
      connector = createConnector(channel, { ...this.deps, timeoutMs });
      this.built.set(key, connector);
    }
    return connector;
  }
}

export const CONNECTOR_RESOLVER = Symbol('CONNECTOR_RESOLVER');

/**
 * The resolver of a process (worker, api): its connectors call out through the runtime's outbound guard and
 * store credentials a platform rotates (X's refresh tokens) into the source's row (source-credential-store.ts).
 */
export const connectorResolverProvider: FactoryProvider<ConnectorResolver> = {
  provide: CONNECTOR_RESOLVER,
  useFactory: (runtime: Runtime, dataSource: DataSource) =>
    new ConnectorResolver({ fetch: runtime.outbound.fetch, credentialStore: new PgSourceCredentialStore(dataSource, new CredentialCipher(runtime.secretKey)) }),
  inject: [RUNTIME, DataSource],
};
