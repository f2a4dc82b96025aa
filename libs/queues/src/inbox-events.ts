/**
 * Live inbox events for SSE clients: Redis pub/sub on the Redis queue backend, LISTEN/NOTIFY on the
 * PostgreSQL one. Events are small (ids, not bodies): clients fetch what they show, scoped by workspace.
 */
export interface InboxEvent {
  type: 'mention.new' | 'mention.updated' | 'mention.claimed' | 'mention.replied' | 'alert.new';
  workspaceId: string;
  ids: string[];
  at: string;
  actor?: string | null;
}

export interface InboxEventBus {
  publish(event: InboxEvent): Promise<void>;
  subscribe(listener: (event: InboxEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const INBOX_EVENT_BUS = Symbol('INBOX_EVENT_BUS');
