import { SingleFlight } from './single-flight';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('runs identical keys in flight once and shares the result', async () => {
    const flights = new SingleFlight<number[]>();
    const gate = deferred<number[]>();
    const start = jest.fn(() => gate.promise);
    const first = flights.run('a', start);
    const second = flights.run('a', start);
    const other = flights.run('b', () => Promise.resolve([2]));
    expect(start).toHaveBeenCalledTimes(1);
    gate.resolve([1]);
    await expect(first).resolves.toEqual([1]);
    expect(await second).toBe(await first);
    await expect(other).resolves.toEqual([2]);
  });

  it('keeps nothing once settled: the next call runs again, also after a failure', async () => {
    const flights = new SingleFlight<string>();
    const failing = deferred<string>();
    const shared = [flights.run('k', () => failing.promise), flights.run('k', () => Promise.resolve('unused'))];
    failing.reject(new Error('connection lost'));
    for (const call of shared) await expect(call).rejects.toThrow('connection lost');
    expect(flights.size).toBe(0);
    await expect(flights.run('k', () => Promise.resolve('fresh'))).resolves.toBe('fresh');
  });
});
