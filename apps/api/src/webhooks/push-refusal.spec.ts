import { ConnectorError, createConnector, signWebhook, type PushRequest } from '@otklik/connectors';
import { pushRefusal } from './push-refusal';

const query = { brand: 'Acme', keywords: ['Acme'], exclusions: [] };

async function refusal(channel: string, request: Omit<PushRequest, 'source'>, credentials: Record<string, string>, options: Record<string, unknown> = {}) {
  const error = await createConnector(channel)
    .receive!({ ...request, source: { sourceId: 's1', query, options, credentials } })
    .then(() => null, (caught: unknown) => caught);
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return pushRefusal(error);
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('pushRefusal on what the real connectors throw', () => {
  it('a wrong or missing generic-webhook signature, or a stale timestamp, is 401', async () => {
    const body = json({ id: '1', text: 'Acme', published_at: '2026-03-02T10:15:00Z', author: { id: 'u' } });
    const now = String(Math.floor(Date.now() / 1000));
    expect((await refusal('webhook', { headers: { 'x-otklik-timestamp': now, 'x-otklik-signature': signWebhook('other', now, body) }, rawBody: body }, { signingSecret: 'k' })).status).toBe(401);
    expect((await refusal('webhook', { headers: {}, rawBody: body }, { signingSecret: 'k' })).status).toBe(401);
    const old = String(Math.floor(Date.now() / 1000) - 3_600);
    expect((await refusal('webhook', { headers: { 'x-otklik-timestamp': old, 'x-otklik-signature': signWebhook('k', old, body) }, rawBody: body }, { signingSecret: 'k' })).status).toBe(401);
  });

  it('a correctly signed generic webhook whose body is not JSON is 400 with the reason', async () => {
    const body = Buffer.from('{not json');
    const now = String(Math.floor(Date.now() / 1000));
    const answer = await refusal('webhook', { headers: { 'x-otklik-timestamp': now, 'x-otklik-signature': signWebhook('k', now, body) }, rawBody: body }, { signingSecret: 'k' });
    expect(answer).toMatchObject({ status: 400, code: 'webhook-payload' });
    expect(answer.detail).toMatch(/not JSON/);
  });

  it('Telegram: a wrong secret-token header is 401; VK: a wrong secret is 401, an unreadable body 400', async () => {
    expect((await refusal('telegram', { headers: { 'x-telegram-bot-api-secret-token': 'nope' }, rawBody: json({ update_id: 1 }) }, { webhookSecret: 'tg' })).status).toBe(401);
    expect((await refusal('vk', { headers: {}, rawBody: json({ type: 'wall_reply_new', group_id: 1, secret: 'nope', object: {} }) }, { callbackSecret: 'cb' })).status).toBe(401);
    expect((await refusal('vk', { headers: {}, rawBody: Buffer.from('<xml/>') }, { callbackSecret: 'cb' })).status).toBe(400);
  });

  it('a source without a configured secret cannot verify: 401, saying so', async () => {
    const answer = await refusal('telegram', { headers: { 'x-telegram-bot-api-secret-token': 'x' }, rawBody: json({}) }, {});
    expect(answer).toMatchObject({ status: 401, code: 'webhook-not-configured' });
    expect(answer.detail).toMatch(/webhookSecret/);
  });

  it('kinds a push does not normally raise still map to an answer a platform understands', () => {
    expect(pushRefusal(new ConnectorError('transient', 'x')).status).toBe(503);
    expect(pushRefusal(new ConnectorError('not_permitted', 'x')).status).toBe(403);
  });
});
