#!/usr/bin/env node
// Measures the web inbox in headless Chromium against a running Otklik (built web served by the api):
// first load of the bundle (cold cache), time to the first inbox rows, and scrolling through every open
// mention (frame intervals while wheel-scrolling, and random jumps). With --seed N it first adds N open
// synthetic mentions to the demo workspace of DATABASE_URL (a throwaway database: they stay there).
//
//   node apps/web/scripts/measure-speed.mjs http://localhost:3000 admin@otklik.local PASSWORD [--seed 10000]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [base, email, password] = process.argv.slice(2);
const seedAt = process.argv.indexOf('--seed');
const seed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : 0;
if (!base || !email || !password) {
  process.stderr.write('usage: measure-speed.mjs BASE_URL EMAIL PASSWORD [--seed N]\n');
  process.exit(2);
}
const ROW_HEIGHT = 68;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

async function seedMentions(count) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const tag = `speed-${Date.now().toString(36)}`;
  try {
    await client.query('BEGIN');
    const [{ id: workspace }] = (await client.query(`SELECT id FROM workspace WHERE slug = 'demo'`)).rows;
    await client.query(
      `INSERT INTO author (workspace_id, channel, external_id, handle, followers, verified, kind)
       SELECT $1, 'x', $2 || '-a-' || g, 'reader_' || g, (g * 7919) % 120000, g % 17 = 0, 'person' FROM generate_series(1, 2000) g`,
      [workspace, tag],
    );
    await client.query(
      `INSERT INTO thread (workspace_id, channel, external_id, mention_count) SELECT $1, 'x', $2 || '-t-' || g, 1 FROM generate_series(1, $3::int) g`,
      [workspace, tag, count],
    );
    await client.query(
      `INSERT INTO mention (workspace_id, channel, external_id, thread_id, author_id, lang, text, published_at, intent, cause, severity, sentiment, stage, status, priority, sla_due_at)
       SELECT $1, 'x', $2 || '-m-' || g, t.id, a.id, 'en', 'The app keeps crashing at checkout, order ' || g || ' is stuck and nobody answers',
              now() - (g || ' seconds')::interval, (ARRAY['problem','question','suggestion','praise','other'])[1 + g % 5],
              (ARRAY['product_defect','staff_inattention','piling_on','black_pr'])[1 + g % 4], (ARRAY['low','medium','high','critical'])[1 + (g * 13) % 4],
              'negative', 'routed', 'new', 1000 + (g * 7) % 2500, now() + ((g % 300) - 30 || ' minutes')::interval
         FROM generate_series(1, $3::int) g
         JOIN thread t ON t.workspace_id = $1 AND t.external_id = $2 || '-t-' || g
         JOIN author a ON a.workspace_id = $1 AND a.external_id = $2 || '-a-' || (1 + g % 2000)`,
      [workspace, tag, count],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => Math.round(sorted[Math.floor(q * (sorted.length - 1))] * 10) / 10;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

if (seed > 0) await seedMentions(seed);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const loads = [];
  for (let run = 0; run < 5; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('input[type=email]');
    loads.push(
      await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const bytes = performance
          .getEntriesByType('resource')
          .reduce((sum, entry) => sum + (entry.transferSize || 0), navigation.transferSize);
        return {
          domContentLoaded: Math.round(navigation.domContentLoadedEventEnd),
          firstContentfulPaint: fcp ? Math.round(fcp.startTime) : null,
          bytes,
        };
      }),
    );
    await context.close();
  }
  console.log('first load, cold cache (ms, bytes over the wire):', JSON.stringify(loads));

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[role=option]');
  let start = Date.now();
  await page.reload();
  await page.waitForSelector('[role=option]');
  console.log(`signed-in reload to the first inbox rows: ${Date.now() - start} ms`);

  start = Date.now();
  let rows = 0;
  for (let step = 0; step < 2000; step += 1) {
    const next = await page.evaluate(() => {
      const list = document.querySelector('[data-inbox-list]');
      list.scrollTop = list.scrollHeight;
      return list.scrollHeight;
    });
    const now = Math.round(next / ROW_HEIGHT);
    if (
      now === rows &&
      step > 20 &&
      !(await page.evaluate(() => document.querySelector('[data-inbox-list]').getAttribute('aria-busy') === 'true'))
    )
      break;
    rows = now;
    await page.waitForTimeout(100);
  }
  const domRows = await page.evaluate(() => document.querySelectorAll('[role=option]').length);
  console.log(`rows loaded by scrolling: ${rows} in ${Date.now() - start} ms; rows in the DOM: ${domRows}`);

  await page.evaluate(() => {
    document.querySelector('[data-inbox-list]').scrollTop = 0;
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(700, 500);
  start = Date.now();
  const wheelSteps = Math.min(600, Math.ceil((rows * ROW_HEIGHT) / 1200));
  for (let step = 0; step < wheelSteps; step += 1) await page.mouse.wheel(0, 1200);
  const frames = await page.evaluate(() => {
    window.__stop = true;
    return window.__frames.slice(2);
  });
  const long = frames.filter((interval) => interval > 50).length;
  console.log(
    `wheel-scrolled ${wheelSteps * 1200} px in ${Date.now() - start} ms; frame intervals (ms): ${JSON.stringify(percentiles(frames))}; frames over 50 ms: ${long}`,
  );

  const jumps = await page.evaluate(async () => {
    const list = document.querySelector('[data-inbox-list]');
    const times = [];
    for (let jump = 0; jump < 200; jump += 1) {
      const started = performance.now();
      list.scrollTop = Math.random() * (list.scrollHeight - list.clientHeight);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      times.push(performance.now() - started);
    }
    return times;
  });
  console.log(`random jumps across the list, to the second frame after (ms): ${JSON.stringify(percentiles(jumps))}`);
} finally {
  await browser.close();
}
