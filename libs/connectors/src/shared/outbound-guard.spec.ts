import type { LookupAddress } from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { parseCidr, type CidrRange } from '@otklik/config';
import { startFakeServer, type FakePlatformServer } from '../testing/fake-platform.server';
import { LOOPBACK_RANGES } from '../testing/loopback-outbound';
import { OutboundGuard, OutboundRefusedError, type Resolver } from './outbound-guard';

const ranges = (list: string): CidrRange[] => list.split(',').map((item) => parseCidr(item)!);

/** A DNS stand-in: each name answers its addresses (or the next answer in turn, for a name that changes). */
function fakeDns(names: Record<string, string[] | string[][]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const entry = names[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const answers = Array.isArray(entry[0]) ? (entry as string[][]) : [entry as string[]];
    const answer = answers[Math.min(calls.filter((name) => name === hostname).length - 1, answers.length - 1)]!;
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolver, { calls });
}

describe('outbound guard', () => {
  describe('addresses and the allow-list', () => {
    it('refuses non-public addresses with the range, the address and the setting to change', () => {
      const guard = new OutboundGuard();
      expect(guard.refusal('10.0.0.5')).toBe('a private address (10.0.0.5); allow it with OTKLIK_OUTBOUND_ALLOW');
      expect(guard.refusal('169.254.169.254')).toBe('a link-local address (169.254.169.254); allow it with OTKLIK_OUTBOUND_ALLOW');
      expect(guard.refusal('::ffff:127.0.0.1')).toMatch(/^a loopback address/);
      expect(guard.refusal('93.184.216.34')).toBeNull();
    });

    it('lets through exactly the allowed ranges, IPv4-mapped forms included', () => {
      const guard = new OutboundGuard(ranges('127.0.0.1/32,10.1.2.0/24,fd00:1::/32'));
      expect(guard.refusal('127.0.0.1')).toBeNull();
      expect(guard.refusal('::ffff:127.0.0.1')).toBeNull();
      expect(guard.refusal('127.0.0.2')).toMatch(/loopback/);
      expect(guard.refusal('::1')).toMatch(/loopback/);
      expect(guard.refusal('10.1.2.200')).toBeNull();
      expect(guard.refusal('::ffff:10.1.2.7')).toBeNull();
      expect(guard.refusal('10.1.3.1')).toMatch(/private/);
      expect(guard.refusal('fd00:1:ffff::9')).toBeNull();
      expect(guard.refusal('fd00:2::9')).toMatch(/unique-local/);
      expect(guard.refusal('169.254.169.254')).toMatch(/link-local/);
    });

    it('takes a range given with host bits set as its network', () => {
      expect(new OutboundGuard(ranges('10.1.2.77/24')).refusal('10.1.2.1')).toBeNull();
    });
  });

  describe('save-time check', () => {
    const dns = fakeDns({
      'intranet.example': ['10.0.0.5'],
      'mixed.example': ['93.184.216.34', '10.0.0.5'],
      'public.example': ['93.184.216.34', '2606:4700::1111'],
    });
    const guard = new OutboundGuard([], dns);

    it.each([
      ['http://127.0.0.1:6379/', 'is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW'],
      ['http://[::1]:5432/', 'is a loopback address (::1); allow it with OTKLIK_OUTBOUND_ALLOW'],
      ['http://169.254.169.254/latest/meta-data/', 'is a link-local address (169.254.169.254); allow it with OTKLIK_OUTBOUND_ALLOW'],
      ['http://[::ffff:a9fe:a9fe]/', 'is a link-local address (::ffff:a9fe:a9fe); allow it with OTKLIK_OUTBOUND_ALLOW'],
      // The URL parser normalises the odd spellings of an IPv4 address before the guard sees them.
      ['http://2130706433/', 'is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW'],
      ['http://0x7f.1/', 'is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW'],
      ['https://intranet.example/feed', 'resolves to a private address (10.0.0.5); allow it with OTKLIK_OUTBOUND_ALLOW'],
      ['https://mixed.example/feed', 'resolves to a private address (10.0.0.5); allow it with OTKLIK_OUTBOUND_ALLOW'],
      ['ftp://public.example/', 'must be an http:// or https:// URL'],
      ['file:///etc/passwd', 'must be an http:// or https:// URL'],
      ['not a url', 'is not a URL'],
    ])('%s %s', async (url, reason) => {
      expect(await guard.check(url)).toBe(reason);
    });

    it('passes public hosts, and names that do not resolve now (the request-time check decides later)', async () => {
      expect(await guard.check('https://public.example/api')).toBeNull();
      expect(await guard.check('https://93.184.216.34/')).toBeNull();
      expect(await guard.check('https://nowhere.example/')).toBeNull();
    });
  });

  describe('addresses for connections that are not HTTP (SMTP)', () => {
    const dns = fakeDns({
      'smtp.intranet.example': ['10.0.0.25'],
      'smtp.mixed.example': ['93.184.216.34', '192.168.1.25'],
      'smtp.public.example': ['93.184.216.34', '2606:4700::1111'],
    });
    const guard = new OutboundGuard([], dns);

    it('gives one checked address of a public host, and a public literal as it is', async () => {
      expect(await guard.address('smtp.public.example')).toBe('93.184.216.34');
      expect(await guard.address('93.184.216.34')).toBe('93.184.216.34');
      expect(await guard.address('[2606:4700::1111]')).toBe('2606:4700::1111');
    });

    it('refuses private literals and names with any private address, naming the host and the setting', async () => {
      await expect(guard.address('127.0.0.1')).rejects.toThrow(new OutboundRefusedError('127.0.0.1', 'is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW'));
      await expect(guard.address('smtp.intranet.example')).rejects.toBeInstanceOf(OutboundRefusedError);
      await expect(guard.address('smtp.mixed.example')).rejects.toThrow(/resolves to a private address \(192\.168\.1\.25\)/);
      await expect(guard.address('nowhere.example')).rejects.toThrow(/ENOTFOUND/);
    });

    it('lets an allowed range through', async () => {
      const allowing = new OutboundGuard(ranges('10.0.0.0/8'), dns);
      expect(await allowing.address('smtp.intranet.example')).toBe('10.0.0.25');
      expect(await allowing.address('10.1.2.3')).toBe('10.1.2.3');
    });

    it('checks a bare host on save as check() does a URL', async () => {
      expect(await guard.checkHost('smtp.intranet.example')).toBe('resolves to a private address (10.0.0.25); allow it with OTKLIK_OUTBOUND_ALLOW');
      expect(await guard.checkHost('169.254.169.254')).toBe('is a link-local address (169.254.169.254); allow it with OTKLIK_OUTBOUND_ALLOW');
      expect(await guard.checkHost('smtp.public.example')).toBeNull();
      expect(await guard.checkHost('nowhere.example')).toBeNull();
    });
  });

  describe('requests', () => {
    let server: FakePlatformServer;
    let target: FakePlatformServer;

    beforeAll(async () => {
      target = await startFakeServer(() => ({ body: { reached: true } }));
      server = await startFakeServer((request) => {
        const location = request.url.searchParams.get('to');
        if (location) return { status: Number(request.url.searchParams.get('status') ?? 302), headers: { location }, body: '' };
        return { body: { method: request.method, body: request.text, authorization: request.headers['authorization'] ?? null } };
      });
    });

    afterAll(async () => {
      await server.close();
      await target.close();
    });

    const port = (fake: FakePlatformServer) => new URL(fake.baseUrl).port;

    it('refuses a loopback server by default, before connecting', async () => {
      const before = server.requests.length;
      const error = await new OutboundGuard().fetch(`${server.baseUrl}/x`).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OutboundRefusedError);
      expect((error as OutboundRefusedError).message).toBe(
        'request to 127.0.0.1 refused: is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW',
      );
      expect(server.requests.length).toBe(before);
    });

    it('reaches it when allowed, as fetch would: method, body, headers, status', async () => {
      const response = await new OutboundGuard(LOOPBACK_RANGES).fetch(`${server.baseUrl}/echo`, {
        method: 'POST',
        body: 'a=1',
        headers: { authorization: 'Bearer t', 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ method: 'POST', body: 'a=1', authorization: 'Bearer t' });
    });

    it('decodes a compressed body', async () => {
      // The fake platform server drops content-encoding (it replays recorded transfers): a bare server here.
      const gzipping = createServer((_request, response) =>
        response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"packed":true}')),
      );
      await new Promise<void>((resolve) => gzipping.listen(0, '127.0.0.1', resolve));
      try {
        const response = await new OutboundGuard(LOOPBACK_RANGES).fetch(`http://127.0.0.1:${(gzipping.address() as AddressInfo).port}/`);
        expect(await response.json()).toEqual({ packed: true });
      } finally {
        await new Promise((resolve) => gzipping.close(resolve));
      }
    });

    it('resolves names itself and connects to the address it checked', async () => {
      // "fake.test" exists only in this resolver: the connection can only have used the guard's own answer.
      const dns = fakeDns({ 'fake.test': ['127.0.0.1'] });
      const response = await new OutboundGuard(LOOPBACK_RANGES, dns).fetch(`http://fake.test:${port(server)}/named`);
      expect(response.status).toBe(200);
      expect(dns.calls).toEqual(['fake.test']);
    });

    it('refuses a name with one private address among public ones', async () => {
      const dns = fakeDns({ 'mixed.test': ['93.184.216.34', '10.0.0.5'] });
      await expect(new OutboundGuard([], dns).fetch('http://mixed.test/')).rejects.toThrow(
        'request to mixed.test refused: resolves to a private address (10.0.0.5)',
      );
    });

    it('checks DNS at connect time: a name that turns private after a public first answer is refused (rebinding)', async () => {
      const dns = fakeDns({ 'rebind.test': [['93.184.216.34'], ['127.0.0.1']] });
      const guard = new OutboundGuard([], dns);
      expect(await guard.check('http://rebind.test/')).toBeNull();
      await expect(guard.fetch(`http://rebind.test:${port(server)}/`)).rejects.toThrow('resolves to a loopback address (127.0.0.1)');
    });

    it('follows redirects between allowed addresses', async () => {
      const guard = new OutboundGuard(LOOPBACK_RANGES);
      const response = await guard.fetch(`${server.baseUrl}/go?to=${encodeURIComponent(`${target.baseUrl}/landed`)}`);
      expect(await response.json()).toEqual({ reached: true });
    });

    it.each([
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', 'is a link-local address (169.254.169.254)'],
      ['a private address', 'http://10.0.0.5/admin', 'is a private address (10.0.0.5)'],
      ['a loopback address outside the allow-list', 'http://[::1]:6379/', 'is a loopback address (::1)'],
      ['a name resolving to a private address', 'http://intranet.test/', 'resolves to a private address (192.168.1.10)'],
    ])('refuses a redirect to %s', async (_name, location, reason) => {
      const guard = new OutboundGuard(ranges('127.0.0.1/32'), fakeDns({ 'intranet.test': ['192.168.1.10'] }));
      await expect(guard.fetch(`${server.baseUrl}/go?to=${encodeURIComponent(location)}`)).rejects.toThrow(reason);
    });

    it('turns a POST into a GET on 303 and keeps credentials on their origin', async () => {
      const guard = new OutboundGuard(LOOPBACK_RANGES);
      const elsewhere = `http://localhost:${port(server)}/echo`;
      const response = await guard.fetch(`${server.baseUrl}/go?status=303&to=${encodeURIComponent(elsewhere)}`, {
        method: 'POST',
        body: 'secret=1',
        headers: { authorization: 'Bearer t' },
      });
      expect(await response.json()).toEqual({ method: 'GET', body: '', authorization: null });
    });

    it('answers a redirect as it is with redirect "manual" and fails with redirect "error"', async () => {
      const guard = new OutboundGuard(LOOPBACK_RANGES);
      const url = `${server.baseUrl}/go?to=${encodeURIComponent('http://10.0.0.5/')}`;
      expect((await guard.fetch(url, { redirect: 'manual' })).status).toBe(302);
      await expect(guard.fetch(url, { redirect: 'error' })).rejects.toThrow('fetch failed');
    });

    it('reports a network failure as fetch does', async () => {
      const closed = await startFakeServer(() => ({}));
      await closed.close();
      const error = await new OutboundGuard(LOOPBACK_RANGES).fetch(`${closed.baseUrl}/`).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError & { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
    });

    it("honours the caller's signal", async () => {
      const slow = await startFakeServer(() => ({ delayMs: 2_000, body: 'late' }));
      try {
        const error = await new OutboundGuard(LOOPBACK_RANGES)
          .fetch(`${slow.baseUrl}/`, { signal: AbortSignal.timeout(100) })
          .catch((caught: unknown) => caught);
        expect((error as Error).name).toBe('TimeoutError');
      } finally {
        await slow.close();
      }
    });
  });
});
