import { listCapabilities } from '@otklik/connectors';
import { checkSourceConfig, deliveryOf, demoPathProblems, sourceFields, withoutSecrets } from './channel-requirements';

const caps = Object.fromEntries(listCapabilities().map((entry) => [entry.channel, entry.capabilities]));
const demo = { poll: true, push: false, publicReply: true, privateMessage: true, replyMaxLength: null };

describe('checkSourceConfig', () => {
  it('accepts a complete configuration of every channel', () => {
    const complete: Record<string, [Record<string, unknown>, Record<string, string>]> = {
      vk: [{ groupId: 1 }, { groupToken: 't' }],
      telegram: [{}, { botToken: '1:a' }],
      webhook: [{}, { signingSecret: 's' }],
      rss: [{ feedUrl: 'https://example.com/feed' }, {}],
      mastodon: [{ baseUrl: 'https://mastodon.social', hashtags: ['acme'] }, { accessToken: 't' }],
      reddit: [{}, { clientId: 'id', clientSecret: 'secret' }],
      x: [{}, { bearerToken: 't' }],
      youtube: [{ channelId: 'UC1' }, { apiKey: 'k' }],
      appstore: [{ appId: '123' }, {}],
      googleplay: [{ packageName: 'com.acme' }, { accessToken: 't' }],
    };
    const alternatives: Array<[string, Record<string, unknown>, Record<string, string>]> = [
      ['googleplay', { packageName: 'com.acme', tokenUrl: 'https://oauth2.googleapis.com/token' }, { serviceAccountKey: '{"type":"service_account"}' }],
      ['youtube', { videoIds: ['v1'] }, { refreshToken: '1//r', clientId: 'c.apps.googleusercontent.com', clientSecret: 's' }],
      ['youtube', { channelId: 'UC1' }, { accessToken: 't' }],
      // X's refresh form: a public client (id only) or a confidential one (id and secret), beside the app bearer or alone.
      ['x', { mentionsUserId: '1' }, { refreshToken: 'r', clientId: 'c' }],
      ['x', { tokenUrl: 'https://api.x.com/2/oauth2/token' }, { bearerToken: 't', refreshToken: 'r', clientId: 'c', clientSecret: 's' }],
      ['x', {}, { userAccessToken: 'u' }],
    ];
    for (const [channel, options, credentials] of alternatives) expect([channel, checkSourceConfig(channel, caps[channel]!, options, credentials)]).toEqual([channel, []]);
    for (const [channel, [options, credentials]] of Object.entries(complete)) expect([channel, checkSourceConfig(channel, caps[channel]!, options, credentials)]).toEqual([channel, []]);
    expect(checkSourceConfig('demo', demo, { file: '/tmp/t.jsonl' }, {})).toEqual([]);
  });

  it('names each missing or wrong field', () => {
    expect(checkSourceConfig('mastodon', caps['mastodon']!, { baseUrl: 'mastodon.social' }, {})).toEqual([
      { field: 'credentials.accessToken', reason: 'mastodon sources need credentials.accessToken' },
      { field: 'options.baseUrl', reason: 'must be an http(s) URL' },
    ]);
    expect(checkSourceConfig('reddit', caps['reddit']!, {}, { clientId: 'id' })).toEqual([{ field: 'credentials.clientSecret', reason: 'is needed with credentials.clientId' }]);
    expect(checkSourceConfig('googleplay', caps['googleplay']!, { packageName: 'com.acme' }, {})).toEqual([
      { field: 'credentials.serviceAccountKey', reason: 'googleplay sources need credentials.serviceAccountKey or credentials.accessToken' },
    ]);
    expect(checkSourceConfig('googleplay', caps['googleplay']!, { packageName: 'com.acme', tokenUrl: 'oauth2.googleapis.com' }, { serviceAccountKey: '{}' })).toEqual([
      { field: 'options.tokenUrl', reason: 'must be an http(s) URL' },
    ]);
    // The refresh token and its OAuth client come together, whichever of them is given.
    expect(checkSourceConfig('youtube', caps['youtube']!, { channelId: 'UC1' }, { refreshToken: 'r' })).toEqual([
      { field: 'credentials.clientId', reason: 'is needed with credentials.refreshToken' },
      { field: 'credentials.clientSecret', reason: 'is needed with credentials.refreshToken' },
    ]);
    expect(checkSourceConfig('youtube', caps['youtube']!, { channelId: 'UC1' }, { apiKey: 'k', clientId: 'c' })).toEqual([
      { field: 'credentials.refreshToken', reason: 'is needed with credentials.clientId' },
      { field: 'credentials.clientSecret', reason: 'is needed with credentials.clientId' },
    ]);
    expect(checkSourceConfig('youtube', caps['youtube']!, { channelId: 'UC1' }, { clientSecret: 's' }).map((problem) => problem.field)).toEqual([
      'credentials.apiKey',
      'credentials.refreshToken',
      'credentials.clientId',
    ]);
    expect(checkSourceConfig('x', caps['x']!, {}, { bearerToken: '' })).toEqual([
      { field: 'credentials.bearerToken', reason: 'must be a non-empty string' },
      { field: 'credentials.bearerToken', reason: 'x sources need credentials.bearerToken or credentials.userAccessToken or credentials.refreshToken' },
    ]);
    // X's refresh token and its client id come together; a client secret needs both (a public client has none).
    expect(checkSourceConfig('x', caps['x']!, {}, { refreshToken: 'r' })).toEqual([{ field: 'credentials.clientId', reason: 'is needed with credentials.refreshToken' }]);
    expect(checkSourceConfig('x', caps['x']!, {}, { bearerToken: 't', clientId: 'c' })).toEqual([{ field: 'credentials.refreshToken', reason: 'is needed with credentials.clientId' }]);
    expect(checkSourceConfig('x', caps['x']!, {}, { bearerToken: 't', clientSecret: 's' })).toEqual([
      { field: 'credentials.refreshToken', reason: 'is needed with credentials.clientSecret' },
      { field: 'credentials.clientId', reason: 'is needed with credentials.clientSecret' },
    ]);
    expect(checkSourceConfig('x', caps['x']!, {}, { userAccessToken: 'u', clientSecret: 's', clientId: 'c' })).toEqual([
      { field: 'credentials.refreshToken', reason: 'is needed with credentials.clientId' },
    ]);
    expect(checkSourceConfig('appstore', caps['appstore']!, { appId: '1' }, { token: 'x' })).toEqual([
      { field: 'credentials.token', reason: 'is not a credential of appstore sources (known: none)' },
    ]);
    expect(checkSourceConfig('demo', demo, { file: 'f', requestTimeoutMs: 10 }, {})[0]!.field).toBe('options.requestTimeoutMs');
  });

  it('checks delivery against what the connector can do, and asks for the push secret when pushes are on', () => {
    expect(checkSourceConfig('rss', caps['rss']!, { feedUrl: 'https://e.com/f', delivery: 'push' }, {})).toEqual([{ field: 'options.delivery', reason: 'rss does not receive pushes; use "poll"' }]);
    expect(checkSourceConfig('webhook', caps['webhook']!, { delivery: 'poll' }, { signingSecret: 's' })).toEqual([{ field: 'options.delivery', reason: 'webhook cannot be polled; use "push"' }]);
    expect(checkSourceConfig('telegram', caps['telegram']!, { delivery: 'both' }, { botToken: '1:a', webhookSecret: 's' }).map((p) => p.reason)).toEqual([
      'a Telegram bot receives either by polling or by webhook, not both',
    ]);
    expect(checkSourceConfig('vk', caps['vk']!, { delivery: 'both' }, { accessToken: 't' })).toEqual([
      { field: 'credentials.callbackSecret', reason: 'is needed to verify pushes (options.delivery is "both")' },
    ]);
  });

  it('defaults delivery to polling where the connector polls, else pushes', () => {
    expect(deliveryOf({}, caps['vk']!)).toBe('poll');
    expect(deliveryOf({}, caps['webhook']!)).toBe('push');
    expect(deliveryOf({ delivery: 'push' }, caps['telegram']!)).toBe('push');
  });
});

describe('withoutSecrets', () => {
  it('replaces every credential value in a message', () => {
    expect(withoutSecrets('token abc123 refused; abc123 again, key k9k9k9', { accessToken: 'abc123', apiKey: 'k9k9k9' })).toBe('token *** refused; *** again, key ***');
  });
});

describe('demoPathProblems', () => {
  it('keeps the demo replay inside the allowed directories', () => {
    const roots = ['/srv/otklik/.otklik', '/srv/otklik/data'];
    expect(demoPathProblems({ file: '/srv/otklik/data/demo/timeline.jsonl', outboxFile: '/srv/otklik/.otklik/sent.jsonl' }, roots)).toEqual([]);
    expect(demoPathProblems({ file: 'demo/t.jsonl' }, roots)).toEqual([]);
    expect(demoPathProblems({ file: '/etc/passwd', outboxFile: '/srv/otklik/data/../.ssh/authorized_keys' }, roots).map((p) => p.field)).toEqual(['options.file', 'options.outboxFile']);
    expect(demoPathProblems({ file: '/srv/otklik/data' }, roots)[0]!.field).toBe('options.file');
  });
});

describe('sourceFields', () => {
  it('offers every field a channel needs, so a form filled from it passes the save-time check', () => {
    for (const [channel, capabilities] of Object.entries({ ...caps, demo })) {
      const fields = sourceFields(channel, capabilities);
      const fill = (specs: typeof fields.options) =>
        Object.fromEntries(
          specs
            .filter((field) => field.required || field.oneOf?.[0] === field.name)
            .map((field) => [field.name, field.type === 'url' ? 'https://example.com/x' : field.type === 'number' ? 1 : 'value']),
        );
      const options = fill(fields.options);
      expect([
        channel,
        checkSourceConfig(channel, capabilities, options, fill(fields.credentials) as Record<string, string>).filter(
          (problem) => !problem.reason.includes('verify pushes'),
        ),
      ]).toEqual([channel, []]);
      expect(fields.credentials.every((field) => field.secret)).toBe(true);
      expect(fields.options.every((field) => !field.secret)).toBe(true);
    }
  });

  it('asks for the Google credentials that mint their own tokens', () => {
    const credentials = (channel: string) => sourceFields(channel, caps[channel]!).credentials.map(({ name, required, oneOf }) => ({ name, required, oneOf }));
    expect(credentials('googleplay')).toEqual([
      { name: 'serviceAccountKey', required: false, oneOf: ['serviceAccountKey', 'accessToken'] },
      { name: 'accessToken', required: false, oneOf: ['serviceAccountKey', 'accessToken'] },
    ]);
    expect(credentials('youtube')).toEqual([
      { name: 'apiKey', required: false, oneOf: ['apiKey', 'refreshToken', 'accessToken'] },
      { name: 'refreshToken', required: false, oneOf: ['apiKey', 'refreshToken', 'accessToken'] },
      { name: 'clientId', required: false, oneOf: undefined },
      { name: 'clientSecret', required: false, oneOf: undefined },
      { name: 'accessToken', required: false, oneOf: ['apiKey', 'refreshToken', 'accessToken'] },
    ]);
  });

  it('offers to read the Google service account key from its JSON file, and no other credential', () => {
    const withFiles = Object.keys(caps).flatMap((channel) =>
      sourceFields(channel, caps[channel]!)
        .credentials.filter((field) => field.fromFile)
        .map((field) => [channel, field.name, field.fromFile]),
    );
    expect(withFiles).toEqual([['googleplay', 'serviceAccountKey', '.json,application/json']]);
  });
});
