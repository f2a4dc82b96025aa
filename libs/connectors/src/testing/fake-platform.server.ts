/**
 * A local HTTP server standing in for a platform in contract tests: it records every request and answers
 * through a handler the test writes (real recorded payloads, pagination, errors, a slow first answer).
 * Test support only; never imported by connectors.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: URL;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** The body read as a form (VK, Reddit). */
  form: URLSearchParams;
  json(): unknown;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** An object or array is sent as JSON; a string or Buffer as is. */
  body?: unknown;
  /** Answer only after this long (the request is recorded at once), to make a client time out. */
  delayMs?: number;
}

export type FakeHandler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakePlatformServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeServer(handler: FakeHandler): Promise<FakePlatformServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = body.toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url,
        path: url.pathname,
        headers: req.headers,
        body,
        text,
        form: new URLSearchParams(text),
        json: () => JSON.parse(text) as unknown,
      };
      requests.push(recorded);
      Promise.resolve()
        .then(() => handler(recorded))
        .then((answer) => {
          const send = (): void => {
            const isRaw = typeof answer.body === 'string' || Buffer.isBuffer(answer.body);
            const payload = answer.body === undefined ? '' : isRaw ? (answer.body as string | Buffer) : JSON.stringify(answer.body);
            // Recorded headers describe the recorded transfer (gzip, its length); this answer is sent afresh.
            const headers: Record<string, string> = Object.fromEntries(
              Object.entries(answer.headers ?? {}).filter(([name]) => !/^(content-length|content-encoding|transfer-encoding|connection)$/i.test(name)),
            );
            if (!isRaw && answer.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
              headers['content-type'] = 'application/json; charset=utf-8';
            }
            if (res.destroyed) return;
            res.writeHead(answer.status ?? 200, headers);
            res.end(payload);
          };
          if (answer.delayMs) {
            const timer = setTimeout(() => {
              timers.delete(timer);
              send();
            }, answer.delayMs);
            timers.add(timer);
          } else {
            send();
          }
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`fake server handler failed: ${String(error)}`);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
