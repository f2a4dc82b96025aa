import { createConnector, listCapabilities, registeredChannels } from './connector-registry';
import { CHANNELS } from '@otklik/domain';

describe('connector registry', () => {
  it('lists every connector with its declared capabilities', () => {
    expect(registeredChannels().sort()).toEqual(['appstore', 'googleplay', 'mastodon', 'reddit', 'rss', 'telegram', 'vk', 'webhook', 'x', 'youtube']);
    const byChannel = Object.fromEntries(listCapabilities().map((entry) => [entry.channel, entry.capabilities]));
    expect(byChannel['youtube']).toMatchObject({ publicReply: true, privateMessage: false });
    expect(byChannel['googleplay']).toMatchObject({ replyMaxLength: 350, privateMessage: false });
    expect(byChannel['webhook']).toEqual({ poll: false, push: true, publicReply: false, privateMessage: false, replyMaxLength: null });
  });

  it.each(registeredChannels())('%s: capabilities match the methods it has, and the channel is a domain channel', (channel) => {
    const connector = createConnector(channel);
    expect(connector.channel).toBe(channel);
    expect((CHANNELS as readonly string[]).includes(channel)).toBe(true);
    const { capabilities } = connector;
    expect(typeof connector.fetch === 'function').toBe(capabilities.poll);
    expect(typeof connector.receive === 'function').toBe(capabilities.push);
    expect(typeof connector.replyPublic === 'function').toBe(capabilities.publicReply);
    expect(typeof connector.sendPrivate === 'function').toBe(capabilities.privateMessage);
  });

  it('refuses an unknown channel by name', () => {
    expect(() => createConnector('myspace')).toThrow('no connector for channel "myspace"');
  });
});
