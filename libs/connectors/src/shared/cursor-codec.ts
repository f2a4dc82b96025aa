import { ConnectorError } from '../connector-error';

/**
 * Cursors are JSON objects serialised to a string: opaque to the pipeline, readable in the database when
 * debugging, and stable across restarts and deploys (a version field lets a connector change its shape).
 */
export function encodeCursor(state: object): string {
  return JSON.stringify(state);
}

/**
 * Reads a stored cursor. A cursor that is not the expected shape is a bad request, not a silent restart
 * from scratch: re-reading a whole history (or skipping one) is the operator's decision.
 */
export function decodeCursor<T>(channel: string, raw: string | null, read: (value: Record<string, unknown>) => T | null): T | null {
  if (raw === null || raw === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConnectorError('bad_request', `${channel}: stored cursor is not JSON`);
  }
  const state = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? read(parsed as Record<string, unknown>) : null;
  if (state === null) throw new ConnectorError('bad_request', `${channel}: stored cursor has an unknown shape`);
  return state;
}
