/**
 * One subscription to the inbox event bus per api process, fanned out to every open SSE stream (a Redis
 * subscriber or a LISTEN connection per browser tab would not scale). At shutdown every stream is ended
 * first: an open stream would keep the HTTP server from closing.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { INBOX_EVENT_BUS, type InboxEvent, type InboxEventBus } from '@otklik/queues';

type Listener = (event: InboxEvent) => void;

@Injectable()
export class EventsHub implements OnModuleDestroy {
  private readonly logger = new Logger('events');
  /** Each stream's listener, with what ends the stream at shutdown. */
  private readonly listeners = new Map<Listener, () => void>();
  private subscription: Promise<() => Promise<void>> | null = null;

  constructor(@Inject(INBOX_EVENT_BUS) private readonly bus: InboxEventBus) {}

  /**
   * Resolves once the bus subscription is live, so events published after it are delivered, with the function
   * that removes the listener. `end` is called if the api shuts down while the listener is registered.
   */
  async add(listener: Listener, end: () => void = () => {}): Promise<() => void> {
    this.listeners.set(listener, end);
    this.subscription ??= this.bus.subscribe((event) => this.dispatch(event));
    try {
      await this.subscription;
    } catch (error) {
      this.subscription = null;
      this.listeners.delete(listener);
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  private dispatch(event: InboxEvent): void {
    for (const listener of this.listeners.keys()) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn(`an event listener failed: ${(error as Error).message}`);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    const ends = [...this.listeners.values()];
    this.listeners.clear();
    for (const end of ends) {
      try {
        end();
      } catch (error) {
        this.logger.warn(`a stream did not end cleanly: ${(error as Error).message}`);
      }
    }
    if (subscription) await (await subscription.catch(() => async () => undefined))();
  }
}
