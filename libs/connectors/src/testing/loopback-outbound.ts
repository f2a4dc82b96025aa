/**
 * Connector dependencies for contract tests against the local fake server (127.0.0.1): the production
 * outbound guard with loopback allowed explicitly, as a deployment would with OTKLIK_OUTBOUND_ALLOW. The
 * registry's default guard refuses loopback. Test support only; never imported by connectors.
 */
import type { CidrRange } from '@otklik/config';
import type { ConnectorDeps } from '../connector-registry';
import { OutboundGuard } from '../shared/outbound-guard';

export const LOOPBACK_RANGES: readonly CidrRange[] = [
  { address: '127.0.0.0', family: 4, prefix: 8 },
  { address: '::1', family: 6, prefix: 128 },
];

/** The guard itself, for callers that take more than its fetch (notification channels: SMTP too). */
export const loopbackOutbound = new OutboundGuard(LOOPBACK_RANGES);

export const loopbackFetch = loopbackOutbound.fetch;

export const loopbackAllowed: ConnectorDeps = { fetch: loopbackFetch };
