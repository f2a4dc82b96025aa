import { ConnectorError } from '../connector-error';

/**
 * Refuses a reply longer than the platform accepts before anything is sent, so the agent gets a clear
 * reason instead of a platform 400 (or, worse, a silently truncated answer). Counted in code points, as
 * the composer shows them.
 */
export function assertReplyLength(channel: string, body: string, limit: number | null): void {
  if (body.trim() === '') throw new ConnectorError('bad_request', `${channel}: reply body is empty`);
  if (limit === null) return;
  const length = [...body].length;
  if (length > limit) throw new ConnectorError('bad_request', `${channel}: reply is ${length} characters, the platform accepts at most ${limit}`);
}
