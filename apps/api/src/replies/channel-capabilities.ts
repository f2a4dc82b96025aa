import { listCapabilities, ReplayConnector, type ConnectorCapabilities } from '@otklik/connectors';

/** Channels with no registered connector (review sites, news) are read-only for us: nothing can be sent there. */
const READ_ONLY: ConnectorCapabilities = { poll: false, push: false, publicReply: false, privateMessage: false, replyMaxLength: null };

let table: Map<string, ConnectorCapabilities> | null = null;

/** What a channel lets us send, from the connectors' declared capabilities (the demo replay channel allows DMs). */
export function capabilitiesOf(channel: string): ConnectorCapabilities {
  if (!table) {
    table = new Map(listCapabilities().map(({ channel: name, capabilities }) => [name, capabilities]));
    table.set('demo', new ReplayConnector().capabilities);
  }
  return table.get(channel) ?? READ_ONLY;
}
