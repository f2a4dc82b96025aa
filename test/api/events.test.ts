/**
 * The event stream's lifecycle: a client that goes away is unsubscribed at once, and shutting the api down
 * ends the streams still open (else the HTTP server would wait for every browser tab before closing).
 */
import { get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventsHub } from '../../apps/api/src/events/events-hub.service';
import { login, seedWorkspace, startApiHarness, type ApiHarness } from './support/api-app';

jest.setTimeout(60_000);

interface OpenStream {
  response: IncomingMessage;
  destroy(): void;
  ended: Promise<void>;
}

function openStream(port: number, token: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path: `/api/events?access_token=${encodeURIComponent(token)}` }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`SSE status ${response.statusCode}`));
      const ended = new Promise<void>((done) => response.once('end', () => done()));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (chunk.includes(': connected')) resolve({ response, destroy: () => request.destroy(), ended });
      });
    });
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}

async function until(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('event stream lifecycle', () => {
  let harness: ApiHarness | undefined;
  let port: number;
  let token: string;

  beforeAll(async () => {
    harness = await startApiHarness();
    const { workspaceId, users } = await seedWorkspace(harness, { ann: 'agent' });
    token = (await login(harness, users.ann!, workspaceId)).accessToken;
    const server = harness.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('unsubscribes a client that disconnects', async () => {
    const hub = harness!.app.get(EventsHub);
    const before = hub.size;
    const stream = await openStream(port, token);
    expect(hub.size).toBe(before + 1);
    stream.destroy();
    await until('the listener to be removed', () => hub.size === before);
  });

  it('ends open streams when the api shuts down, and the shutdown completes', async () => {
    const streams = [await openStream(port, token), await openStream(port, token)];
    const running = harness!;
    harness = undefined;
    const closed = running.close().then(() => 'closed');
    const timeout = new Promise((resolve) => setTimeout(() => resolve('still closing after 10 s'), 10_000).unref());
    expect(await Promise.race([closed, timeout])).toBe('closed');
    await Promise.all(streams.map((stream) => stream.ended));
  });
});
