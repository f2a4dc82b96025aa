/**
 * The built web inbox and the API answers, compressed: the precompressed copy the client accepts (brotli
 * first, then gzip, else the file itself) with Content-Encoding, Vary and the right caching; API JSON over
 * 1 KB gzipped on the fly; the event stream never compressed. Needs `npm run build` (it builds the web).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { repoRoot } from '@otklik/config';
import { login, seedWorkspace, startApiHarness, type ApiHarness } from './support/api-app';

jest.setTimeout(60_000);

const DIST = join(repoRoot(), 'apps', 'web', 'dist');

interface RawAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  /** The bytes as sent, not decoded (supertest would gunzip them itself and hide what was sent). */
  body: Buffer;
}

function raw(port: number, path: string, headers: Record<string, string>, body?: unknown): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: payload ? 'POST' : 'GET',
        headers: { ...headers, ...(payload ? { 'Content-Type': 'application/json' } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('compressed web and API answers', () => {
  let harness: ApiHarness;
  let script: string;
  let port: number;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html')))
      throw new Error('apps/web/dist is missing: run `npm run build` (it builds the web too) first');
    const main = readdirSync(join(DIST, 'assets')).find((name) => /^index-.*\.js$/.test(name));
    if (!main) throw new Error('the web build has no index-*.js');
    script = main;
    harness = await startApiHarness();
    const server = harness.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await harness?.close();
  });

  const asset = async (encoding: string) => {
    const answer = await raw(port, `/assets/${script}`, { 'Accept-Encoding': encoding });
    expect(answer.status).toBe(200);
    return answer;
  };

  it('sends the brotli copy of a hashed asset when accepted, cached for good, and it decodes to the file', async () => {
    const original = readFileSync(join(DIST, 'assets', script));
    const response = await asset('gzip, deflate, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const body = response.body;
    expect(body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(body).equals(original)).toBe(true);
  });

  it('falls back to gzip, then to the file itself', async () => {
    const original = readFileSync(join(DIST, 'assets', script));
    const gzip = await asset('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);

    const refused = await asset('br;q=0, gzip;q=0, identity');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(refused.body.equals(original)).toBe(true);

    // A request for a compressed copy by name, or outside the assets folder, finds nothing.
    for (const path of [`/assets/${script}.br`, '/assets/..%2Findex.html', '/assets/no-such-file.js'])
      expect((await raw(port, path, {})).status).toBe(404);
  });

  it('serves index.html for client routes, compressed and revalidated on every load', async () => {
    const original = readFileSync(join(DIST, 'index.html'));
    const response = await raw(port, '/inbox/4711', { Accept: 'text/html', 'Accept-Encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(response.body).equals(original)).toBe(true);
  });

  it('gzips API JSON over 1 KB, leaves small answers as they are', async () => {
    const big = await raw(port, '/api/docs-json', { 'Accept-Encoding': 'gzip' });
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    const document = JSON.parse(gunzipSync(big.body).toString('utf8')) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/api/mentions/bulk');

    const small = await raw(port, '/api/auth/login', { 'Accept-Encoding': 'gzip' }, { email: 'nobody@example.com', password: 'x' });
    expect(small.status).toBeGreaterThanOrEqual(400);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toMatchObject({ status: small.status });
  });

  it('never compresses the event stream: the first event arrives as plain text at once', async () => {
    const { workspaceId, users } = await seedWorkspace(harness, { ann: 'agent' });
    const { accessToken } = await login(harness, users.ann!, workspaceId);
    const { headers, first } = await new Promise<{ headers: IncomingMessage['headers']; first: string }>((resolve, reject) => {
      const request = get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/events?access_token=${encodeURIComponent(accessToken)}`,
          headers: { 'Accept-Encoding': 'gzip, br' },
        },
        (response) => {
          response.once('data', (chunk: Buffer) => {
            resolve({ headers: response.headers, first: chunk.toString('utf8') });
            request.destroy();
          });
        },
      );
      request.on('error', reject);
      request.setTimeout(5000, () => reject(new Error('no event within 5 s: the stream is buffered')));
    });
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['content-encoding']).toBeUndefined();
    expect(first).toMatch(/connected to workspace/);
  });
});
