/**
 * One subscription to the inbox event bus per api process, fanned out to every open SSE stream (a Redis
 * subscriber or a LISTEN connection per browser tab would not scale).
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { INBOX_EVENT_BUS, type InboxEvent, type InboxEventBus } from '@otklik/queues';

type Listener = (event: InboxEvent) => void;

@Injectable()
export class EventsHub implements OnModuleDestroy {
  private readonly logger = new Logger('events');
  private readonly listeners = new Set<Listener>();
  private subscription: Promise<() => Promise<void>> | null = null;

  constructor(@Inject(INBOX_EVENT_BUS) private readonly bus: InboxEventBus) {}

  /** Resolves once the bus subscription is live, so events published after it are delivered. */
  async add(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
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
    for (const listener of this.listeners) {
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
    this.listeners.clear();
    if (subscription) await (await subscription.catch(() => async () => undefined))();
  }
}
