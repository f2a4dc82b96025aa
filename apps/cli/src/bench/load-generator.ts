/**
 * The inbox benchmark's HTTP load, in a process of its own (forked by inbox.bench.ts): a load generator in the
 * server's own event loop would steal the CPU it measures. Receives one LoadRequest over IPC, runs autocannon
 * (first for `warmupS` unmeasured seconds, then for `durationS`) and answers with every response time of the
 * measured run.
 */
import { createRequire } from 'node:module';

export interface LoadRequest {
  url: string;
  token: string;
  paths: string[];
  connections: number;
  durationS: number;
  /**
   * Seconds of the same load before measuring, discarded: the steady state is what users meet. A cold start
   * mostly measures preparing statements (each of the 504 unshared list views is planned once per connection of the
   * hot-read pool, which a long-running api has long done).
   */
  warmupS?: number;
}

export interface LoadResult {
  latencies: number[];
  seconds: number;
  non2xx: number;
  errors: number;
}

interface AutocannonResult {
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}
type Autocannon = (options: Record<string, unknown>, callback: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

// autocannon ships CommonJS without type declarations.
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

/** The measured run's response times; `onMeasuring` is called when the warm-up is over and measuring starts. */
export async function runLoad(request: LoadRequest, onMeasuring: () => void | Promise<void> = () => undefined): Promise<LoadResult> {
  if (request.warmupS) await load({ ...request, durationS: request.warmupS });
  await onMeasuring();
  return load(request);
}

function load(request: LoadRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = Date.now();
  return new Promise<LoadResult>((resolve, reject) => {
    let next = 0;
    const instance = autocannon(
      {
        url: request.url,
        connections: request.connections,
        duration: request.durationS,
        headers: { authorization: `Bearer ${request.token}` },
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              const path = request.paths[next % request.paths.length]!;
              next += 1;
              return { ...req, method: 'GET', path };
            },
          },
        ],
      },
      (error, output) =>
        error ? reject(error) : resolve({ latencies, seconds: (Date.now() - started) / 1000, non2xx: output.non2xx, errors: output.errors + output.timeouts }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * Messages to the parent: `warm` once the warm-up is over (the parent answers `go` when its CPU meter has its
 * starting snapshot), then `result`.
 */
export type LoadMessage = { kind: 'warm' } | { kind: 'result'; result: LoadResult };

if (require.main === module && process.send) {
  const send = (message: LoadMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
  const go = () => new Promise<void>((resolve) => process.once('message', () => resolve()));
  process.once('message', (request: LoadRequest) => {
    runLoad(request, () => Promise.all([go(), send({ kind: 'warm' })]).then(() => undefined)).then(
      (result) => send({ kind: 'result', result }).then(() => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`load generator: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  });
}
