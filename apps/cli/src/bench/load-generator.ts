/**
 * The inbox benchmark's HTTP load, in a process of its own (forked by inbox.bench.ts): a load generator in the
 * server's own event loop would steal the CPU it measures. Receives one LoadRequest over IPC, runs autocannon
 * and answers with every response time.
 */
import { createRequire } from 'node:module';

export interface LoadRequest {
  url: string;
  token: string;
  paths: string[];
  connections: number;
  durationS: number;
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

export function runLoad(request: LoadRequest): Promise<LoadResult> {
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

if (require.main === module && process.send) {
  process.once('message', (request: LoadRequest) => {
    runLoad(request).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`load generator: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  });
}
