/**
 * A `SourceCredentialStore` in memory for connector tests: the stored credentials of each source, every
 * write in order, a switch to make writes fail, and a switch to drop the cross-process lock (to replay the
 * race the lock prevents). Several connector instances sharing one store stand for several processes sharing
 * one database. Test support only; the processes use the PostgreSQL store.
 */
import type { CredentialRenewal, SourceCredentialStore } from '../connector';

export class MemoryCredentialStore implements SourceCredentialStore {
  readonly credentials = new Map<string, Record<string, string>>();
  /** Every write, in order. */
  readonly writes: Array<{ sourceId: string; fields: Record<string, string> }> = [];
  /** Reads of stored credentials (one per renewal). */
  reads = 0;
  /** When set, writes fail with this message (the database is down). */
  failWrites: string | null = null;
  /** False: renewals of one source run side by side, as two processes would without the store's lock. */
  serialise = true;
  /** Called after `renew` ran and before its result is written (a test may edit the credentials here). */
  beforeWrite: ((sourceId: string) => void) | null = null;
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(initial: Record<string, Record<string, string>> = {}) {
    for (const [sourceId, credentials] of Object.entries(initial)) this.credentials.set(sourceId, { ...credentials });
  }

  async renew<T>(sourceId: string, renew: (stored: Record<string, string>) => Promise<CredentialRenewal<T>>): Promise<{ result: T; stored: boolean }> {
    if (!this.serialise) return this.renewNow(sourceId, renew);
    const previous = this.locks.get(sourceId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.renewNow(sourceId, renew));
    this.locks.set(sourceId, run);
    return run;
  }

  private async renewNow<T>(sourceId: string, renew: (stored: Record<string, string>) => Promise<CredentialRenewal<T>>): Promise<{ result: T; stored: boolean }> {
    const before = this.credentials.get(sourceId);
    if (!before) throw new Error(`source ${sourceId} does not exist`);
    this.reads += 1;
    const { store, result } = await renew({ ...before });
    if (!store) return { result, stored: true };
    this.beforeWrite?.(sourceId);
    if (this.failWrites) throw new Error(this.failWrites);
    // An edit made meanwhile (a new object in the map) wins, as the PostgreSQL store's comparison does.
    if (this.credentials.get(sourceId) !== before) return { result, stored: false };
    this.credentials.set(sourceId, { ...before, ...store });
    this.writes.push({ sourceId, fields: { ...store } });
    return { result, stored: true };
  }
}
