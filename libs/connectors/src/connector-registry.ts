import { withBrandFilter } from './brand-filter.connector';
import type { Connector, ConnectorCapabilities, SourceCredentialStore } from './connector';
import { systemClock } from './shared/clock';
import type { HttpContext } from './shared/http-client';
import { OutboundGuard } from './shared/outbound-guard';
import { AppstoreConnector } from './appstore/appstore.connector';
import { GoogleplayConnector } from './googleplay/googleplay.connector';
import { MastodonConnector } from './mastodon/mastodon.connector';
import { RedditConnector } from './reddit/reddit.connector';
import { RssConnector } from './rss/rss.connector';
import { TelegramConnector } from './telegram/telegram.connector';
import { VkConnector } from './vk/vk.connector';
import { WebhookConnector } from './webhook/webhook.connector';
import { XConnector } from './x/x.connector';
import { YoutubeConnector } from './youtube/youtube.connector';

/** What a factory needs; every field has a production default. */
export interface ConnectorDeps {
  /** Default: an outbound guard with no allow-list (only public addresses); processes pass the configured one. */
  fetch?: typeof fetch;
  clock?: HttpContext['clock'];
  /** Per-request timeout in milliseconds (default 15 s). */
  timeoutMs?: number;
  /**
   * Where a connector stores credentials the platform rotated (X's refresh tokens). The worker and the api
   * pass the database's; without one, such sources are refused rather than left to die at their next restart.
   */
  credentialStore?: SourceCredentialStore;
}

/** What a factory gets besides the transport: the ports a connector may hand things back through. */
export interface ConnectorPorts {
  credentialStore: SourceCredentialStore | null;
}

export type ConnectorFactory = (http: HttpContext, ports: ConnectorPorts) => Connector;

/** Channel name → factory. A connector is listed here once; the brand filter is applied to all of them here. */
const FACTORIES: Readonly<Record<string, ConnectorFactory>> = {
  vk: (http) => new VkConnector(http),
  telegram: (http) => new TelegramConnector(http),
  webhook: (http) => new WebhookConnector(http),
  rss: (http) => new RssConnector(http),
  mastodon: (http) => new MastodonConnector(http),
  reddit: (http) => new RedditConnector(http),
  x: (http, ports) => new XConnector(http, ports.credentialStore),
  youtube: (http) => new YoutubeConnector(http),
  appstore: (http) => new AppstoreConnector(http),
  googleplay: (http) => new GoogleplayConnector(http),
};

export const DEFAULT_TIMEOUT_MS = 15_000;

let strictGuard: OutboundGuard | undefined;

export function registeredChannels(): string[] {
  return Object.keys(FACTORIES);
}

/**
 * The connector for a channel, wrapped in the brand filter. Throws for an unknown channel (a source row
 * naming a connector this build does not have is a configuration error, not something to skip).
 */
export function createConnector(channel: string, deps: ConnectorDeps = {}): Connector {
  const factory = FACTORIES[channel];
  if (!factory) throw new Error(`no connector for channel "${channel}" (known: ${registeredChannels().join(', ')})`);
  const http: HttpContext = {
    fetch: deps.fetch ?? (strictGuard ??= new OutboundGuard()).fetch,
    clock: deps.clock ?? systemClock,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return withBrandFilter(factory(http, { credentialStore: deps.credentialStore ?? null }));
}

/** Declared capabilities of every registered connector, for the sources screen and the reply composer. */
export function listCapabilities(): Array<{ channel: string; capabilities: ConnectorCapabilities }> {
  return registeredChannels().map((channel) => {
    const connector = createConnector(channel);
    return { channel, capabilities: connector.capabilities };
  });
}
