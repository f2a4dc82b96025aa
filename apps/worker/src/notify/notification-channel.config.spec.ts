import { alertLevelRank, channelWantsAlert, ChannelConfigError, publicChannelConfig, validateChannelConfig, validateRoutes } from './notification-channel.config';

describe('notification channel settings', () => {
  it('validates per kind, naming the field', () => {
    expect(validateChannelConfig('slack', { url: 'https://hooks.slack.com/services/T/B/X' })).toEqual({ url: 'https://hooks.slack.com/services/T/B/X' });
    expect(() => validateChannelConfig('slack', { url: 'ftp://x' })).toThrow('config.url: must be an http:// or https:// URL');
    expect(() => validateChannelConfig('telegram', { chatId: '1' })).toThrow('config.botToken: is required');
    expect(() => validateChannelConfig('webhook', { url: 'https://x.example', secret: 's', colour: 'red' })).toThrow(/config.colour: is not a setting of a webhook channel/);
    expect(() => validateChannelConfig('email', { host: 'smtp', from: 'a@example.com', to: ['b@example.com', 'nope'] })).toThrow('config.to: "nope" is not an e-mail address');
    expect(() => validateChannelConfig('email', { host: 'smtp', from: 'a@example.com', to: 'b@example.com', port: 70000 })).toThrow(/port number/);
  });

  it('normalises values to strings for the cipher and keeps secrets an update leaves out', () => {
    const stored = validateChannelConfig('email', { host: 'smtp.example.com', port: 587, secure: false, user: 'bot', password: 'pw', from: 'Otklik <alerts@example.com>', to: ['a@example.com', 'b@example.com'] });
    expect(stored).toEqual({ host: 'smtp.example.com', port: '587', secure: 'false', user: 'bot', password: 'pw', from: 'Otklik <alerts@example.com>', to: 'a@example.com,b@example.com' });
    const updated = validateChannelConfig('email', { port: 2525, user: null }, stored);
    expect(updated.password).toBe('pw');
    expect(updated.port).toBe('2525');
    expect(updated.user).toBeUndefined();
  });

  it('shows settings without secrets, and which secrets are set', () => {
    expect(publicChannelConfig('telegram', { botToken: '123:abc', chatId: '-100' })).toEqual({ settings: { chatId: '-100' }, secrets: { botToken: true } });
    expect(publicChannelConfig('email', { host: 'h', port: '25', secure: 'true', from: 'a@example.com', to: 'x@example.com,y@example.com' })).toEqual({
      settings: { host: 'h', port: 25, secure: true, from: 'a@example.com', to: ['x@example.com', 'y@example.com'] },
      secrets: { password: false },
    });
  });

  it('routes by alert kind and minimum level', () => {
    expect(channelWantsAlert({}, { kind: 'escalation', level: 'watch' })).toBe(true);
    expect(channelWantsAlert({ kinds: ['incident'] }, { kind: 'escalation', level: 'critical' })).toBe(false);
    expect(channelWantsAlert({ minLevel: 'warning' }, { kind: 'escalation', level: 'watch' })).toBe(false);
    expect(channelWantsAlert({ minLevel: 'warning' }, { kind: 'sla_breach', level: 'critical' })).toBe(true);
    expect(alertLevelRank('unknown')).toBe(alertLevelRank('warning'));
    expect(() => validateRoutes({ kinds: ['gossip'] })).toThrow(ChannelConfigError);
    expect(() => validateRoutes({ minLevel: 'loud' })).toThrow('routes.minLevel: must be one of watch, warning, critical');
    expect(validateRoutes({ kinds: ['incident', 'incident'], minLevel: 'critical' })).toEqual({ kinds: ['incident'], minLevel: 'critical' });
  });
});
