import { Inject, Injectable, Logger } from '@nestjs/common';
import { INBOX_EVENT_BUS, type InboxEvent, type InboxEventBus } from '@otklik/queues';

/**
 * Publishes inbox events after a change has committed. A lost event only delays a client's refresh (the
 * database is the truth), so a bus failure is logged, never turned into a failed request.
 */
@Injectable()
export class InboxEventPublisher {
  private readonly logger = new Logger('inbox-events');

  constructor(@Inject(INBOX_EVENT_BUS) private readonly bus: InboxEventBus) {}

  async publish(
    type: InboxEvent['type'],
    workspaceId: string,
    ids: string[],
    actor: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (ids.length === 0) return;
    // Extra members (e.g. who a note names) ride along in the JSON; the bus carries the event as-is.
    const event: InboxEvent = Object.assign({ type, workspaceId, ids, at: new Date().toISOString(), actor }, extra);
    try {
      await this.bus.publish(event);
    } catch (error) {
      this.logger.warn(`could not publish ${type} for ${ids.length} mention(s): ${(error as Error).message}`);
    }
  }
}
