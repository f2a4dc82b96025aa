import type { Connector, OutboundMessage, SentMessage } from './connector';
import { ConnectorError } from './connector-error';

/**
 * How the send queue posts a reply so that a retry never posts twice. When the previous attempt's outcome
 * is unknown (it timed out or the connection dropped after the request left), the platform may have
 * posted it: look it up with `findSent` first and only post when nothing is there. A platform that cannot
 * look up its own recent posts (`findSent` absent) is not retried blindly: the reply is failed with a reason
 * so a person checks the thread.
 */
export async function deliverReply(
  connector: Connector,
  message: OutboundMessage,
  attempt: { previousOutcomeUnknown: boolean },
): Promise<SentMessage> {
  if (attempt.previousOutcomeUnknown) {
    if (!connector.findSent) {
      throw new ConnectorError(
        'bad_request',
        `${connector.channel}: an earlier attempt may have posted this reply and the platform offers no way to check; not resending`,
      );
    }
    const earlier = await connector.findSent(message);
    if (earlier) return earlier;
  }
  if (message.visibility === 'private') {
    if (!connector.sendPrivate || !connector.capabilities.privateMessage) {
      throw new ConnectorError('not_permitted', `${connector.channel}: direct messages are not possible on this platform`);
    }
    return connector.sendPrivate(message);
  }
  if (!connector.replyPublic || !connector.capabilities.publicReply) {
    throw new ConnectorError('not_permitted', `${connector.channel}: public replies are not possible on this platform`);
  }
  return connector.replyPublic(message);
}

/** True for failures after which the platform may or may not have acted (the request may have arrived). */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof ConnectorError && error.kind === 'transient';
}
