/** What every notification channel sender gets: the message, a machine payload, and a stable delivery id. */
import type { AlertMessage } from '../alert-message';

export interface OutgoingAlert {
  message: AlertMessage;
  /** The alert as data, for machine receivers (the generic webhook). */
  payload: Record<string, unknown>;
  /** Stable across retries of one alert to one channel: receivers can drop a repeat by it. */
  deliveryId: string;
  /** Extra e-mail recipients (an overdue mention's assignee, the leads), when the channel asks for them. */
  extraRecipients: string[];
}

export interface SendReceipt {
  /** What the receiver said, for the delivery row (never a secret). */
  detail: string;
}

/**
 * The runtime's outbound guard (libs/connectors outbound-guard.ts): HTTP senders post only through its `fetch`,
 * the e-mail sender connects only to an address it gave (`address`), so no channel reaches a private network.
 */
export interface Outbound {
  fetch: typeof globalThis.fetch;
  address(host: string): Promise<string>;
}

export type ChannelSender = (config: Record<string, string>, alert: OutgoingAlert, outbound: Outbound) => Promise<SendReceipt>;
