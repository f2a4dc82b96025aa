import { ReplayConnector, type Connector } from '@otklik/connectors';

/** Channel → connector. The demo replay source is built in; platform connectors register through the connectors lib. */
export class ConnectorResolver {
  private readonly connectors = new Map<string, Connector>();

  constructor(extra: Connector[] = []) {
    for (const connector of [new ReplayConnector(), ...extra]) this.connectors.set(connector.channel, connector);
  }

  get(channel: string): Connector | null {
    return this.connectors.get(channel) ?? null;
  }
}

export const CONNECTOR_RESOLVER = Symbol('CONNECTOR_RESOLVER');
