/**
 * The SSE inbox stream (GET /api/events?access_token=…; EventSource cannot send an Authorization header).
 * EventSource reconnects by itself with the same URL, whose token expires in 15 minutes, so on an error we
 * close it and reopen with a fresh token after a back-off. Listeners get every parsed event.
 */
import type { ApiClient } from '../api/api-client';
import type { InboxEvent } from '../api/contract.types';

export type LiveState = 'connecting' | 'open' | 'closed';
type Listener = (event: InboxEvent) => void;

const EVENT_TYPES = ['mention.new', 'mention.updated', 'mention.claimed', 'mention.replied', 'alert.new', 'incident.updated', 'message'];

export class LiveEvents {
  private source: EventSource | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly stateListeners = new Set<(state: LiveState) => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = true;
  state: LiveState = 'closed';

  constructor(
    private readonly api: ApiClient,
    private readonly url = '/api/events',
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
    this.setState('closed');
  }

  /** Reopen with a new token (after a workspace switch the stream must follow the new workspace). */
  restart(): void {
    this.stop();
    this.start();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: (state: LiveState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Delivers an event as if it came from the stream (tests, and optimistic local echoes). */
  dispatch(event: InboxEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private setState(state: LiveState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private async connect(): Promise<void> {
    if (this.stopped || typeof EventSource === 'undefined') return;
    this.setState('connecting');
    const token = await this.api.freshAccessToken().catch(() => null);
    if (this.stopped) return;
    if (!token) {
      this.scheduleRetry();
      return;
    }
    const source = new EventSource(`${this.url}?access_token=${encodeURIComponent(token)}`);
    this.source = source;
    const handle = (message: MessageEvent<string>) => {
      try {
        const parsed = JSON.parse(message.data) as Partial<InboxEvent>;
        const type = parsed.type ?? (message.type !== 'message' ? message.type : 'message');
        this.dispatch({
          type,
          ids: (parsed.ids ?? []).map(String),
          at: parsed.at ?? new Date().toISOString(),
          actor: parsed.actor ?? null,
        });
      } catch {
        // Comments and keep-alives carry no JSON.
      }
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, handle as EventListener);
    source.onopen = () => {
      this.attempt = 0;
      this.setState('open');
    };
    source.onerror = () => {
      source.close();
      if (this.source === source) this.source = null;
      this.scheduleRetry();
    };
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.setState('connecting');
    this.attempt += 1;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.attempt - 1, 5));
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
