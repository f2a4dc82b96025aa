import { randomUUID } from 'node:crypto';
import { NOTIFY_PAYLOAD_LIMIT_BYTES, notifyPayloads } from './inbox-event-bus';
import type { InboxEvent } from './inbox-events';

const event = (ids: string[]): InboxEvent => ({ type: 'alert.new', workspaceId: randomUUID(), ids, at: '2026-11-23T03:30:00.000Z', actor: null });

describe('notifyPayloads', () => {
  it('splits 300 alert UUIDs (≈ 11.7 kB) into payloads NOTIFY accepts, keeping every id once and in order', () => {
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const payloads = notifyPayloads(event(ids));
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(NOTIFY_PAYLOAD_LIMIT_BYTES);
    expect(payloads.flatMap((payload) => (JSON.parse(payload) as InboxEvent).ids)).toEqual(ids);
  });

  it('fills each payload close to the limit and keeps the rest of the event in every part', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => String(1_000_000 + i));
    const source = event(ids);
    const payloads = notifyPayloads(source, 1_000);
    for (const payload of payloads.slice(0, -1)) expect(Buffer.byteLength(payload)).toBeGreaterThan(1_000 - 12);
    for (const payload of payloads) expect(JSON.parse(payload)).toMatchObject({ type: source.type, workspaceId: source.workspaceId, at: source.at });
  });

  it('sends an event without ids as one payload', () => {
    expect(notifyPayloads(event([])).map((payload) => JSON.parse(payload))).toEqual([expect.objectContaining({ ids: [] })]);
  });
});
