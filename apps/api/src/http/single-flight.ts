/**
 * Identical reads in flight share one execution: a request that arrives while the same statement with the same
 * values is running waits for that result instead of queueing another. Nothing is kept once it settles, so an
 * answer is never older than a query started a moment earlier (no cache, no staleness to tune). Every open inbox
 * of a team refreshes the same views on the same live events; this is what keeps those bursts to one query each.
 * Callers share the result: they must not modify it.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, start: () => Promise<T>): Promise<T> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = start().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Executions in flight (for tests and diagnostics). */
  get size(): number {
    return this.inFlight.size;
  }
}
