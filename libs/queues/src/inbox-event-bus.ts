import { Redis } from 'ioredis';
import { Client } from 'pg';
import type { QueueBackend } from './queue-backend';
import type { InboxEvent, InboxEventBus } from './inbox-events';

class RedisInboxEventBus implements InboxEventBus {
  private readonly publisher: Redis;
  private readonly channel: string;

  constructor(private readonly url: string, prefix: string) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 3 });
    this.publisher.on('error', () => undefined);
    this.channel = `${prefix}:inbox-events`;
  }

  async publish(event: InboxEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  async subscribe(listener: (event: InboxEvent) => void): Promise<() => Promise<void>> {
    const subscriber = new Redis(this.url, { maxRetriesPerRequest: null });
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel, message: string) => listener(JSON.parse(message) as InboxEvent));
    await subscriber.subscribe(this.channel);
    return async () => {
      subscriber.disconnect();
    };
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
  }
}

/** NOTIFY refuses payloads of 8000 bytes or more ("payload string too long"). */
export const NOTIFY_PAYLOAD_LIMIT_BYTES = 7_999;

/**
 * An event as NOTIFY payloads under the limit: the ids are packed greedily by their encoded size (300 mention ids
 * fit, 300 alert UUIDs do not: ≈ 11.7 kB). An event without ids is one payload.
 */
export function notifyPayloads(event: InboxEvent, limitBytes = NOTIFY_PAYLOAD_LIMIT_BYTES): string[] {
  const envelope = Buffer.byteLength(JSON.stringify({ ...event, ids: [] }));
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = envelope;
  for (const id of event.ids) {
    const idBytes = Buffer.byteLength(JSON.stringify(id));
    if (chunk.length > 0 && size + 1 + idBytes > limitBytes) {
      payloads.push(JSON.stringify({ ...event, ids: chunk }));
      chunk = [];
      size = envelope;
    }
    size += (chunk.length > 0 ? 1 : 0) + idBytes;
    chunk.push(id);
  }
  if (chunk.length > 0 || payloads.length === 0) payloads.push(JSON.stringify({ ...event, ids: chunk }));
  return payloads;
}

/** LISTEN/NOTIFY for the PostgreSQL queue backend: events carry ids only, split under NOTIFY's size limit. */
class PostgresInboxEventBus implements InboxEventBus {
  private publisher: Client | null = null;
  private readonly channel: string;

  constructor(private readonly databaseUrl: string, prefix: string) {
    this.channel = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_inbox_events`;
  }

  private async client(): Promise<Client> {
    if (!this.publisher) {
      const client = new Client({ connectionString: this.databaseUrl });
      client.on('error', () => {
        this.publisher = null;
      });
      await client.connect();
      this.publisher = client;
    }
    return this.publisher;
  }

  async publish(event: InboxEvent): Promise<void> {
    const client = await this.client();
    for (const payload of notifyPayloads(event)) await client.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  async subscribe(listener: (event: InboxEvent) => void): Promise<() => Promise<void>> {
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    client.on('notification', (message) => {
      if (message.payload) listener(JSON.parse(message.payload) as InboxEvent);
    });
    await client.query(`LISTEN ${this.channel}`);
    return async () => {
      await client.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await this.publisher?.end().catch(() => undefined);
    this.publisher = null;
  }
}

export function createInboxEventBus(backend: QueueBackend): InboxEventBus {
  return backend.kind === 'redis' ? new RedisInboxEventBus(backend.url, backend.prefix) : new PostgresInboxEventBus(backend.databaseUrl, backend.prefix);
}
