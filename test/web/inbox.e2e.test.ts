/**
 * The web inbox end to end, in Debian's Chromium driven by playwright-core, against the BUILT api + worker
 * (OTKLIK_ROLE=all) on a real database with the demo replay filling the inbox. Two agents in two browser
 * contexts: one claims a complaint, is blocked for echoing the customer's phone (the span is underlined),
 * fixes the draft, sends, takes the conversation private and resolves; the other sees the claim live and is
 * refused; an alert arrives live. Screenshots of the main screens go to docs/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '@otklik/config';
import { createTestDatabase, exited, queueEnv, startBuilt, waitFor, type TestDatabase } from '../support/test-env';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = join(repoRoot(), 'docs', 'screenshots');
const WEB_DIST = join(repoRoot(), 'apps', 'web', 'dist', 'index.html');
/** The demo complaint that carries the customer's phone (data/demo/timeline.jsonl). */
const PHONE_MENTION = 'demo-0047';
const PHONE = '+7 900 000-47-18';

jest.setTimeout(300_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Agent {
  email: string;
  password: string;
  displayName: string;
}

async function api<T>(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function signIn(context: BrowserContext, base: string, agent: Agent): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[${agent.displayName}] page error: ${error.message}\n`));
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Eng' }).click();
  await page.getByLabel('Email').fill(agent.email);
  await page.getByLabel('Password').fill(agent.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('listbox', { name: 'Mentions, most urgent first' }).waitFor();
  return page;
}

/** A screenshot of the screen itself, without toasts over it. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  for (let left = 10; left > 0 && (await dismiss.count()) > 0; left -= 1)
    await dismiss
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

/** Ticks every warning the check raised, so only a block can keep Send disabled. */
async function tickWarnings(page: Page): Promise<void> {
  const ticks = page.getByRole('checkbox', { name: 'I have read this; send anyway' });
  for (let index = 0; index < (await ticks.count()); index += 1) await ticks.nth(index).check();
}

/** Waits until the composer's check is about the text now in the box. */
async function checked(page: Page): Promise<string> {
  const status = page.locator('.composer .check-status');
  await waitFor(
    'the reply check',
    async () => {
      const text = (await status.textContent()) ?? '';
      return text && text !== 'Checking…' ? text : null;
    },
    20_000,
    100,
  );
  return (await status.textContent()) ?? '';
}

(HAS_CHROMIUM ? describe : describe.skip)('web inbox in Chromium', () => {
  let db: TestDatabase;
  let child: ChildProcess;
  let output: () => string;
  let browser: Browser;
  let base: string;
  let dataDir: string;
  let admin: Agent;
  let anna: Agent;
  let boris: Agent;

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error('apps/web/dist is missing: run `npm run build` (it builds the web too) before this test');
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'otklik-web-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ({ child, output } = startBuilt('api', {
      ...queueEnv('redis'),
      DATABASE_URL: db.url,
      OTKLIK_ROLE: 'all',
      OTKLIK_DEMO: 'true',
      PORT: String(port),
      OTKLIK_DATA_DIR: dataDir,
      OTKLIK_SECRET_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    }));
    await waitFor(
      'the api to listen',
      async () => /listening on/.test(output()) || (child.exitCode !== null ? Promise.reject(new Error(output())) : false),
      90_000,
    );
    const password = /password:\s+(\S+)/.exec(output())?.[1];
    if (!password) throw new Error(`the demo seed printed no admin password:\n${output()}`);
    admin = { email: 'admin@otklik.local', password, displayName: 'Demo admin' };
    const { accessToken } = await api<{ accessToken: string }>(base, 'POST', '/api/auth/login', null, { email: admin.email, password });
    const invite = async (email: string, displayName: string): Promise<Agent> => {
      const created = await api<{ oneTimePassword: string }>(base, 'POST', '/api/users', accessToken, {
        email,
        displayName,
        role: 'agent',
      });
      return { email, password: created.oneTimePassword, displayName };
    };
    anna = await invite('anna@otklik.local', 'Anna Agent');
    boris = await invite('boris@otklik.local', 'Boris Agent');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      // An unref'd timer: it must not keep jest alive once the process has exited.
      await Promise.race([exited(child), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the SPA at any client route, and keeps /api for the API', async () => {
    const page = await fetch(`${base}/inbox/123`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const unknownApi = await fetch(`${base}/api/no-such-thing`, { headers: { accept: 'text/html' } });
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('claims, blocks the phone echo, sends the fix, takes private and resolves; a colleague sees the claim live and is refused', async () => {
    // Each agent has a browser context of their own (separate storage, as on two machines).
    const annaContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
    const borisContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
    const annaPage = await signIn(annaContext, base, anna);
    const borisPage = await signIn(borisContext, base, boris);

    // The demo replay fills the inbox while the page is open (live, no reload).
    const rows = annaPage.locator('[role="option"]');
    await waitFor('the demo inbox to fill', async () => (await rows.count()) >= 12, 120_000, 500);
    const [{ id }] = await waitFor(
      `${PHONE_MENTION} to be routed`,
      async () => {
        const found = (await db.dataSource.query(`SELECT id::text AS id FROM mention WHERE external_id = $1 AND stage = 'routed'`, [
          PHONE_MENTION,
        ])) as { id: string }[];
        return found.length ? found : null;
      },
      120_000,
      500,
    );
    await annaPage.waitForTimeout(1500);
    await screenshot(annaPage, 'inbox.png');

    // Both open the complaint (a deep link: the api answers index.html for client routes).
    await annaPage.goto(`${base}/inbox/${id}`);
    await borisPage.goto(`${base}/inbox/${id}`);
    const annaConversation = annaPage.locator('article.conversation');
    const borisConversation = borisPage.locator('article.conversation');
    await annaConversation.getByText(PHONE, { exact: false }).first().waitFor();
    await borisConversation.getByRole('button', { name: 'Claim' }).waitFor();

    // Anna claims with the keyboard shortcut.
    await annaPage.locator('[data-inbox-list]').focus();
    await annaPage.keyboard.press('c');
    await annaConversation.getByRole('button', { name: 'Release' }).waitFor();
    // Boris sees it live, without reloading, and his claim is refused with Anna's name.
    await borisConversation.getByText('Claimed by Anna Agent').waitFor({ timeout: 15_000 });
    await borisConversation.getByRole('button', { name: 'Claim' }).click();
    await borisPage.getByText('Anna Agent is already working on this one.').waitFor();

    // A public draft that echoes the customer's phone: blocked, the number underlined, Send disabled.
    const composer = annaPage.getByRole('textbox', { name: 'Reply text' });
    const send = annaPage.getByRole('button', { name: 'Send publicly' });
    await composer.fill(`Здравствуйте! Мы проверим списание за роуминг и перезвоним вам на номер ${PHONE} сегодня.`);
    expect(await checked(annaPage)).toMatch(/^Blocks: [1-9]/);
    const mark = annaPage.locator('mark.violation-block[data-rules~="pii_echo"]');
    await mark.waitFor();
    expect(await mark.textContent()).toMatch(/000-47-18/);
    expect(await send.isDisabled()).toBe(true);
    await annaPage.locator('.violation-item[data-rule="pii_echo"]').getByRole('button', { name: 'Show in text' }).click();
    await annaPage.locator('.violation-explanation').getByText('Repeats personal data', { exact: false }).waitFor();
    await screenshot(annaPage, 'conversation-blocked.png');

    // The fix: no personal data in public, a private path, empathy, a next step.
    await composer.fill(
      'Здравствуйте! Спасибо, что написали, и простите за лишнее списание за роуминг в поездке — понимаем, как это неприятно. ' +
        'Мы уже проверяем начисления. Напишите нам, пожалуйста, в личные сообщения номер договора, и мы вернём деньги за ошибочные списания и расскажем, что случилось.',
    );
    expect(await checked(annaPage)).toMatch(/^(No issues found|Blocks: 0)/);
    expect(await annaPage.locator('mark.violation-block').count()).toBe(0);
    await tickWarnings(annaPage);
    await waitFor('Send to be enabled', async () => !(await send.isDisabled()), 10_000, 100);
    await send.click();
    await annaPage.getByText('Reply queued for sending.').waitFor();
    // The worker posts it (to the demo sandbox) and the delivery status follows live.
    await annaConversation.locator('.replies .delivery-sent').first().waitFor({ timeout: 60_000 });

    // Take private: a case opens and the composer offers the public answer that points to it.
    await annaConversation.getByRole('button', { name: 'Take private' }).click();
    await annaConversation.locator('.badge-case').waitFor();
    await waitFor(
      'the take-private answer in the composer',
      async () => ((await composer.inputValue()).length > 0 ? true : null),
      10_000,
      100,
    );
    const cases = (await db.dataSource.query(`SELECT private_channel FROM "case" WHERE mention_id = $1`, [id])) as {
      private_channel: string;
    }[];
    expect(cases).toHaveLength(1);

    // Resolve with the keyboard (after leaving the text field).
    await composer.press('Escape');
    await annaPage.keyboard.press('e');
    await annaPage.getByText('Marked resolved').waitFor();
    await waitFor('the mention to be resolved', async () => {
      const [row] = (await db.dataSource.query(`SELECT status FROM mention WHERE id = $1`, [id])) as { status: string }[];
      return row?.status === 'resolved' ? row : null;
    });
    const [reply] = (await db.dataSource.query(
      `SELECT body, visibility, status FROM reply WHERE mention_id = $1 ORDER BY created_at LIMIT 1`,
      [id],
    )) as {
      body: string;
      visibility: string;
      status: string;
    }[];
    expect(reply).toMatchObject({ visibility: 'public', status: 'sent' });
    expect(reply!.body).not.toContain(PHONE);

    await annaContext.close();
    await borisContext.close();
  });

  it('sets the status of two selected mentions in one action, and connects a webhook source through the admin form', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
    const page = await signIn(context, base, admin);
    const rows = page.locator('[role="option"]');
    await waitFor('inbox rows', async () => ((await rows.count()) >= 3 ? true : null), 60_000, 250);
    const ids = [(await rows.nth(0).getAttribute('data-mention-id'))!, (await rows.nth(1).getAttribute('data-mention-id'))!];
    // A click ticks the first; Shift+j from it ticks the next.
    await rows.nth(0).getByRole('checkbox').click();
    await page.keyboard.press('Shift+J');
    const bar = page.getByRole('region', { name: 'Bulk actions on the selected mentions' });
    await bar.getByRole('status').filter({ hasText: '2 selected' }).waitFor();
    await bar.getByRole('combobox', { name: 'New status for the selected mentions' }).selectOption('pending');
    await screenshot(page, 'bulk-actions.png');
    await bar.getByRole('button', { name: 'Set status' }).click();
    await page.getByText('Done for 2 mentions.').waitFor();
    await bar.waitFor({ state: 'detached' });
    const statuses = (await db.dataSource.query(`SELECT id::text AS id, status FROM mention WHERE id = ANY($1::bigint[]) ORDER BY id`, [
      ids,
    ])) as {
      id: string;
      status: string;
    }[];
    expect(statuses.map((row) => row.status)).toEqual(['pending', 'pending']);

    // Admin → Sources: the form asks for what a webhook source needs; the secret is never shown back.
    await page.goto(`${base}/manage/sources`);
    await page.getByRole('button', { name: 'Connect a source' }).click();
    await page.getByLabel('Channel', { exact: true }).selectOption('webhook');
    await page.getByLabel('Name', { exact: true }).fill('Review site');
    await page.getByLabel('Brand name').fill('Acme');
    const secret = 'e2e-signing-secret-31337';
    await page.getByLabel(/^Signing secret/).fill(secret);
    await screenshot(page, 'source-form.png');
    await page.getByRole('button', { name: 'Connect a source' }).click();
    await page.getByText('Source “Review site” connected.').waitFor();
    const row = page.locator('tr', { hasText: 'Review site' });
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    await row.getByRole('button', { name: 'Test the connection of Review site' }).click();
    await row.getByRole('status').filter({ hasText: 'Works:' }).waitFor();
    const [source] = (await db.dataSource.query(
      `SELECT channel, enabled, credentials_encrypted FROM source WHERE name = 'Review site'`,
    )) as {
      channel: string;
      enabled: boolean;
      credentials_encrypted: string;
    }[];
    expect(source).toMatchObject({ channel: 'webhook', enabled: true });
    expect(source!.credentials_encrypted).not.toContain(secret);
    await context.close();
  });

  it('shows alerts as they arrive, and the incident and dashboard screens', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
    const page = await signIn(context, base, admin);
    await page.getByRole('link', { name: /^Alerts/ }).click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    const items = page.locator('.alert-item');
    const [{ n: stored }] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM alert`)) as { n: number }[];
    // Counted once the list shows what was stored, so a list still loading is not taken for a live arrival.
    await waitFor('the alert list to load', async () => ((await items.count()) >= Math.min(stored, 100) ? true : null), 30_000, 250);
    const before = await items.count();
    // The escalation stage raises alerts as the replay plays; the open page gains them without a reload.
    await waitFor('a live alert', async () => ((await items.count()) > before ? true : null), 180_000, 500);
    const [{ n: after }] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM alert`)) as { n: number }[];
    expect(after).toBeGreaterThan(stored);
    await screenshot(page, 'alerts.png');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'dashboard.png');

    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
    const incident = page.locator('.incident-detail');
    if (await waitFor('an incident', async () => ((await incident.count()) > 0 ? true : null), 60_000, 500).catch(() => false)) {
      await screenshot(page, 'incident.png');
    }
    await context.close();
  });
});

if (!HAS_CHROMIUM) {
  it.skip(`web inbox in Chromium: skipped because ${CHROMIUM} is missing (apt-get install chromium)`, () => undefined);
}
