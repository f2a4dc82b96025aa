/**
 * Alerts delivered by the built worker to each kind of notification channel, against local receivers (HTTP
 * servers standing in for Slack, Mattermost, Telegram and a customer's webhook; an SMTP server for e-mail).
 * Every receiver fails first (HTTP 500, Telegram 429 with retry_after, SMTP 451); the queue retries and each
 * alert arrives exactly once, in the workspace's language, with its reasons; the webhook's HMAC verifies.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { CredentialCipher } from '@otklik/persistence';
import { AlertDelivery } from '../../apps/worker/src/notify/alert-delivery';
import { loopbackOutbound } from '../../libs/connectors/src/testing/loopback-outbound';
import { createTestDatabase, exited, queueEnv, startBuilt, waitFor, type TestDatabase } from '../support/test-env';
import { createWorkspace, startReceiver, type ReceivedRequest } from './escalation-fixtures';

const SECRET_KEY = randomBytes(32);
const WEBHOOK_SECRET = 'whsec-test-1234567890';
const BOT_TOKEN = '123456:TEST-token_value';

interface SmtpMessage {
  from: string;
  to: string[];
  data: string;
}

async function startSmtp(failFirst: number): Promise<{ port: number; messages: SmtpMessage[]; attempts: () => number; close: () => Promise<void> }> {
  const messages: SmtpMessage[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        attempts += 1;
        if (attempts <= failFirst) {
          const error = new Error('mailbox busy, try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((item) => item.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return { port, messages, attempts: () => attempts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Quoted-printable bytes back to UTF-8 text. */
function decodeQuotedPrintable(text: string, underscoreIsSpace = false): string {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i += 1) {
    if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (underscoreIsSpace && source[i] === '_') bytes.push(0x20);
    else bytes.push(...Buffer.from(source[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The subject (RFC 2047 encoded words joined) and the text body of a single-part message. */
function readMail(data: string): { subject: string; body: string } {
  const [head, ...rest] = data.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const raw = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = raw
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, word: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(word, 'base64').toString('utf8') : decodeQuotedPrintable(word, true),
    );
  return { subject, body: decodeQuotedPrintable(rest.join('\n\n')) };
}

describe('notification channels', () => {
  let database: TestDatabase;
  const cipher = new CredentialCipher(SECRET_KEY);
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  async function addChannel(workspaceId: string, kind: string, config: Record<string, string>, routes: Record<string, unknown> = {}): Promise<string> {
    const [row] = await database.dataSource.query(
      `INSERT INTO notification_channel (workspace_id, kind, name, config_encrypted, routes) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
      [workspaceId, kind, `${kind} test`, cipher.encrypt(config), JSON.stringify(routes)],
    );
    return row.id;
  }

  async function addAlert(workspaceId: string, level: string, reasons: string[], kind = 'escalation'): Promise<string> {
    const [row] = await database.dataSource.query(
      `INSERT INTO alert (workspace_id, kind, level, score, reasons, dedupe_key, alerted_at) VALUES ($1, $2, $3, 81.5, $4::jsonb, $5, now()) RETURNING id`,
      [workspaceId, kind, level, JSON.stringify(reasons), `test:${randomBytes(6).toString('hex')}`],
    );
    return row.id;
  }

  it('delivers to Slack, Mattermost, Telegram, e-mail and a signed webhook after a failure, exactly once each', async () => {
    const receiver = await startReceiver((request, count) => {
      if (request.path.startsWith('/telegram-slow/')) {
        return count === 0
          ? { status: 429, body: JSON.stringify({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }) }
          : { status: 200, body: JSON.stringify({ ok: true, result: { message_id: 77 } }) };
      }
      if (request.path.startsWith('/gone')) return { status: 404, body: 'no_service' };
      if (count === 0) return { status: 500, body: '{"error":"temporarily broken"}' };
      if (request.path.startsWith('/telegram/')) return { status: 200, body: JSON.stringify({ ok: true, result: { message_id: 42 } }) };
      return { status: 200, body: 'ok' };
    });
    cleanups.push(receiver.close);
    const smtp = await startSmtp(1);
    cleanups.push(smtp.close);
    const workspaceId = await createWorkspace(database.dataSource, { language: 'en' }, 'Acme Care');
    const ruWorkspace = await createWorkspace(database.dataSource, { language: 'ru' }, 'Звезда');
    const channels = {
      slack: await addChannel(workspaceId, 'slack', { url: `${receiver.url}/slack/T000/B000/XXXX` }),
      mattermost: await addChannel(workspaceId, 'mattermost', { url: `${receiver.url}/mattermost/hooks/abc`, channel: 'town-square' }),
      telegram: await addChannel(workspaceId, 'telegram', { botToken: BOT_TOKEN, chatId: '-100123', apiBaseUrl: `${receiver.url}/telegram` }),
      email: await addChannel(workspaceId, 'email', { host: '127.0.0.1', port: String(smtp.port), secure: 'false', from: 'alerts@example.com', to: 'duty@example.com,pr@example.com' }),
      webhook: await addChannel(workspaceId, 'webhook', { url: `${receiver.url}/webhook/in`, secret: WEBHOOK_SECRET }),
      // Routed away: only incidents, only critical.
      incidentsOnly: await addChannel(workspaceId, 'slack', { url: `${receiver.url}/incidents-only` }, { kinds: ['incident'] }),
      criticalOnly: await addChannel(workspaceId, 'slack', { url: `${receiver.url}/critical-only` }, { minLevel: 'critical' }),
      gone: await addChannel(workspaceId, 'slack', { url: `${receiver.url}/gone` }),
      ruTelegram: await addChannel(ruWorkspace, 'telegram', { botToken: BOT_TOKEN, chatId: '42', apiBaseUrl: `${receiver.url}/telegram-slow` }),
    };
    const reasons = ['journalist_request=1 (could you comment (p09)) +80', 'negative_share=0.71 (positive 0.00, tone gate x1.00)'];
    const alertId = await addAlert(workspaceId, 'warning', reasons);
    const ruAlertId = await addAlert(ruWorkspace, 'critical', reasons);
    // Written by the poller the way poll-source.ts does it: the monitor must deliver it too.
    const sourceWorkspace = await createWorkspace(database.dataSource, { language: 'en' }, 'Sources');
    const [source] = await database.dataSource.query(`INSERT INTO source (workspace_id, channel, name) VALUES ($1, 'vk', 'VK community') RETURNING id`, [sourceWorkspace]);
    await addChannel(sourceWorkspace, 'slack', { url: `${receiver.url}/escalations-only` }, { kinds: ['escalation'] });
    const sourcesOnly = await addChannel(sourceWorkspace, 'slack', { url: `${receiver.url}/sources-only` }, { kinds: ['source_failing'] });
    const [sourceAlert] = await database.dataSource.query(
      `INSERT INTO alert (workspace_id, kind, level, reasons, source_id, dedupe_key, alerted_at)
       VALUES ($1, 'source_failing', 'warning', $2::jsonb, $3, $4, now()) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [sourceWorkspace, JSON.stringify(['vk source: auth_revoked', 'vk: the access token was revoked']), source.id, `source:${source.id}:auth_revoked:test`],
    );

    const dir = mkdtempSync(join(tmpdir(), 'otklik-notify-'));
    const worker = startBuilt('worker', {
      ...queueEnv('redis'),
      DATABASE_URL: database.url,
      OTKLIK_DATA_DIR: dir,
      OTKLIK_WORKER_QUEUES: 'notify',
      OTKLIK_SWEEP_INTERVAL_MS: '300',
      OTKLIK_SECRET_KEY: SECRET_KEY.toString('base64'),
      LOG_LEVEL: 'warn',
    });
    const deliveries = async () =>
      (await database.dataSource.query(`SELECT channel_id, status, attempts, last_error, delivered_at FROM alert_delivery WHERE alert_id = ANY($1::uuid[])`, [[alertId, ruAlertId, sourceAlert.id]])) as {
        channel_id: string;
        status: string;
        attempts: number;
        last_error: string | null;
      }[];
    const wanted = [channels.slack, channels.mattermost, channels.telegram, channels.email, channels.webhook, channels.ruTelegram];
    const sourceDelivered = async () => (await deliveries()).some((row) => row.channel_id === sourcesOnly && row.status === 'delivered');
    try {
      await waitFor(
        'every matching channel delivered',
        async () => {
          const rows = await deliveries();
          return wanted.every((id) => rows.some((row) => row.channel_id === id && row.status === 'delivered'));
        },
        60_000,
      );
      await waitFor('the source-failing alert delivered', sourceDelivered, 20_000);
      await waitFor('the 404 channel given up', async () => (await deliveries()).some((row) => row.channel_id === channels.gone && row.status === 'failed'), 20_000);
      // Time for any duplicate to show up.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    } catch (error) {
      throw new Error(`${(error as Error).message}\ndeliveries: ${JSON.stringify(await deliveries())}\nworker:\n${worker.output()}`);
    } finally {
      worker.child.kill('SIGTERM');
      await exited(worker.child);
    }

    const rows = await deliveries();
    for (const id of wanted) {
      const row = rows.find((item) => item.channel_id === id)!;
      expect({ status: row.status, attempts: row.attempts, lastError: row.last_error }).toEqual({ status: 'delivered', attempts: 2, lastError: null });
    }
    // Routing: neither the incidents-only nor the critical-only channel got a warning about a thread.
    expect(rows.some((row) => row.channel_id === channels.incidentsOnly || row.channel_id === channels.criticalOnly)).toBe(false);
    expect(receiver.requests.some((request) => request.path.startsWith('/incidents-only') || request.path.startsWith('/critical-only'))).toBe(false);
    // A permanent failure is not retried, and the secret-bearing URL path is not in the recorded error.
    const gone = rows.find((row) => row.channel_id === channels.gone)!;
    expect(gone.attempts).toBe(1);
    expect(gone.last_error).toContain('HTTP 404');
    expect(receiver.requests.filter((request) => request.path.startsWith('/gone'))).toHaveLength(1);

    const sourceMessage = receiver.requests.filter((request) => request.path === '/sources-only');
    expect(sourceMessage.map((request) => request.status)).toEqual([500, 200]);
    expect(JSON.parse(sourceMessage[1].body).text).toContain('A mention source is failing');
    expect(JSON.parse(sourceMessage[1].body).text).toContain('Source: VK community (vk)');
    expect(receiver.requests.some((request) => request.path === '/escalations-only')).toBe(false);

    const byPath = (prefix: string) => receiver.requests.filter((request) => request.path.startsWith(prefix));
    const succeeded = (prefix: string): ReceivedRequest => {
      const list = byPath(prefix);
      expect(list.map((request) => request.status)).toEqual([list[0].status, 200]);
      return list[1];
    };

    const slack = JSON.parse(succeeded('/slack/').body);
    expect(byPath('/slack/')[0].status).toBe(500);
    expect(slack.text).toContain('[Acme Care] A public thread is escalating — warning (score 82)');
    expect(slack.text).toContain('a journalist asks for comment: journalist_request=1');
    expect(slack.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '[Acme Care] A public thread is escalating — warning (score 82)' } });

    const mattermost = JSON.parse(succeeded('/mattermost/').body);
    expect(mattermost.channel).toBe('town-square');
    expect(mattermost.attachments[0].text).toContain('tone of the thread: negative_share=0.71');

    const telegramRequest = succeeded(`/telegram/bot${BOT_TOKEN}/sendMessage`);
    const telegram = JSON.parse(telegramRequest.body);
    expect(telegram.chat_id).toBe('-100123');
    expect(telegram.text).toContain('A public thread is escalating');

    // Telegram's 429 with retry_after: waited for, then sent once; the Russian workspace gets Russian text.
    const slow = byPath(`/telegram-slow/bot${BOT_TOKEN}/sendMessage`);
    expect(slow.map((request) => request.status)).toEqual([429, 200]);
    const ruText = JSON.parse(slow[1].body).text as string;
    expect(ruText).toContain('[Звезда] Публичная ветка набирает обороты — критично');
    expect(ruText).toContain('журналист просит комментарий: journalist_request=1');

    const webhook = succeeded('/webhook/in');
    const timestamp = String(webhook.headers['x-otklik-timestamp']);
    const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${webhook.body}`).digest('hex')}`;
    expect(webhook.headers['x-otklik-signature']).toBe(expected);
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(120);
    const payload = JSON.parse(webhook.body);
    expect(payload).toMatchObject({ type: 'alert', alertId, kind: 'escalation', level: 'warning', score: 81.5, reasons });
    // Same delivery id on the failed and the successful attempt: a receiver can drop a repeat.
    expect(byPath('/webhook/in')[0].headers['x-otklik-delivery']).toBe(webhook.headers['x-otklik-delivery']);

    expect(smtp.attempts()).toBe(2);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].to.sort()).toEqual(['duty@example.com', 'pr@example.com']);
    const mail = readMail(smtp.messages[0].data);
    expect(mail.subject).toBe('[Acme Care] A public thread is escalating — warning (score 82)');
    expect(mail.body).toContain('• a journalist asks for comment: journalist_request=1');

    // Delivered means delivered: a repeated job (a re-dispatch, a duplicate) sends nothing.
    const before = receiver.requests.length;
    const again = await new AlertDelivery(database.dataSource, SECRET_KEY, loopbackOutbound).deliver(alertId, channels.slack);
    expect(again).toEqual({ status: 'already_delivered' });
    expect(receiver.requests.length).toBe(before);
  }, 120_000);
});
