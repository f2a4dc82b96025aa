import { randomBytes } from 'node:crypto';
import { listCapabilities, registeredChannels, signWebhook } from '@otklik/connectors';
import { CredentialCipher } from '@otklik/persistence';
import { ConnectorResolver, DEMO_CHANNEL, requestTimeoutOf, sourceSettings } from './connector-resolver';

describe('ConnectorResolver', () => {
  it('resolves the demo replay source and every registered platform, and nothing else', () => {
    const resolver = new ConnectorResolver();
    expect(resolver.get(DEMO_CHANNEL)?.channel).toBe('demo');
    for (const channel of registeredChannels()) expect(resolver.get(channel)?.channel).toBe(channel);
    expect(resolver.get('myspace')).toBeNull();
    expect(resolver.has('myspace')).toBe(false);
    expect(resolver.channels()).toEqual(expect.arrayContaining(['demo', 'vk', 'telegram', 'webhook', 'mastodon']));
  });

  it('keeps each connector\'s declared capabilities (the brand filter wraps, it does not add methods)', () => {
    const resolver = new ConnectorResolver();
    for (const { channel, capabilities } of listCapabilities()) {
      const connector = resolver.get(channel)!;
      expect(connector.capabilities).toEqual(capabilities);
      expect(Boolean(connector.fetch)).toBe(capabilities.poll);
      expect(Boolean(connector.receive)).toBe(capabilities.push);
      expect(Boolean(connector.replyPublic)).toBe(capabilities.publicReply);
    }
  });

  it('wraps platform connectors in the brand filter: a search hit that does not name the brand is counted off-topic', async () => {
    const resolver = new ConnectorResolver();
    const webhook = resolver.get('webhook')!;
    const body = Buffer.from(JSON.stringify([
      { id: 'a', text: 'Acme support is slow', published_at: '2026-03-02T10:15:00Z', author: { id: 'u1' } },
      { id: 'b', text: 'nothing about it', published_at: '2026-03-02T10:16:00Z', author: { id: 'u2' } },
    ]));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const result = await webhook.receive!({
      source: { sourceId: 's1', query: { brand: 'Acme', keywords: ['Acme'], exclusions: [] }, options: {}, credentials: { signingSecret: 'k' } },
      headers: { 'x-otklik-timestamp': timestamp, 'x-otklik-signature': signWebhook('k', timestamp, body) },
      rawBody: body,
    });
    expect(result.mentions.map((mention) => mention.externalId)).toEqual(['s1:a']);
    expect(result.offTopic).toBe(1);
  });

  it('builds one connector per channel and request timeout, and reuses it', () => {
    const resolver = new ConnectorResolver();
    expect(resolver.get('vk', {})).toBe(resolver.get('vk', { groupId: 1 }));
    expect(resolver.get('vk', { requestTimeoutMs: 2_000 })).not.toBe(resolver.get('vk', {}));
    expect(resolver.get('vk', { requestTimeoutMs: 2_000 })).toBe(resolver.get('vk', { requestTimeoutMs: 2_000 }));
  });

  it('bounds the per-source request timeout and ignores values that are not numbers', () => {
    expect(requestTimeoutOf({ requestTimeoutMs: 5 })).toBe(500);
    expect(requestTimeoutOf({ requestTimeoutMs: 10_000_000 })).toBe(120_000);
    expect(requestTimeoutOf({ requestTimeoutMs: '3000' })).toBeNull();
    expect(requestTimeoutOf(null)).toBeNull();
  });
});

describe('sourceSettings', () => {
  it('gives the brand name and aliases as keywords, the exclusions, and the decrypted credentials', () => {
    const cipher = new CredentialCipher(randomBytes(32));
    const settings = sourceSettings(
      { id: 's1', channel: 'vk', options: { groupId: 5 }, credentials_encrypted: cipher.encrypt({ accessToken: 't' }), brand_name: 'Acme', aliases: ['Акме'], exclusions: ['acme corp'] },
      cipher,
    );
    expect(settings).toEqual({
      sourceId: 's1',
      query: { brand: 'Acme', keywords: ['Acme', 'Акме'], exclusions: ['acme corp'] },
      options: { groupId: 5 },
      credentials: { accessToken: 't' },
    });
  });

  it('a source without brand or credentials gets empty ones, not a crash', () => {
    const cipher = new CredentialCipher(randomBytes(32));
    const settings = sourceSettings({ id: 's2', channel: 'rss', options: {}, credentials_encrypted: null, brand_name: null, aliases: null, exclusions: null }, cipher);
    expect(settings.query).toEqual({ brand: '', keywords: [], exclusions: [] });
    expect(settings.credentials).toEqual({});
  });
});
