/**
 * Inbox API speed (targets: inbox list p95 ≤ 50 ms, mention detail p95 ≤ 30 ms, 32 concurrent clients).
 * Seeds 1,000,000 routed mentions in one workspace of a throwaway database with generate_series SQL (authors,
 * threads with reply chains, replies, notes, cases), starts the api in-process (role api: no workers), drives
 * it with autocannon from a forked process, and prints p50/p95/p99 per scenario plus the EXPLAIN (ANALYZE, BUFFERS) plans of the
 * list and detail statements, so the indexes used are visible.
 */
import { randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createDataSource, hashPassword, runMigrations } from '@otklik/persistence';
import { InboxService } from '../../../api/src/inbox/inbox.service';
import { DETAIL_SQL } from '../../../api/src/inbox/mention-detail.service';
import { createApp } from '../../../api/src/main';
import { benchDatabase, benchSize } from './bench-database';
import { CpuMeter, describeCpu, type CpuSnapshot } from './cpu-meter';
import type { LoadMessage, LoadRequest, LoadResult } from './load-generator';

// Sizes from the environment, read when the benchmark starts (a bad value then fails it with one clear line).
let MENTIONS = 1_000_000;
let AUTHORS = 100_000;
let THREADS = 200_000;
let CONNECTIONS = 32;
let DURATION_S = 15;
let WARMUP_S = 5;

function readSizes(): void {
  MENTIONS = benchSize('OTKLIK_BENCH_INBOX_MENTIONS', 1_000_000);
  AUTHORS = Math.max(1, Math.round(MENTIONS / 10));
  THREADS = Math.max(1, Math.round(MENTIONS / 5));
  CONNECTIONS = benchSize('OTKLIK_BENCH_INBOX_CLIENTS', 32);
  DURATION_S = benchSize('OTKLIK_BENCH_INBOX_SECONDS', 15);
  WARMUP_S = benchSize('OTKLIK_BENCH_INBOX_WARMUP_SECONDS', 5);
}
const CHUNK = 250_000;
const PASSWORD = 'bench-password-1';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * A number from 0 to n - 1 drawn from a hash of `expression` and a salt: each synthetic column (channel,
 * language and text, severity, status, assignee) gets its own draw, so columns do not move together. (Derived from
 * one counter with `%`, they did: every critical mention had an odd number and no mention on some channels was
 * critical, so whole views were empty and walked the entire backlog index.)
 */
function pick(salt: number, expression: string, n: number): string {
  return `((hashint8((${expression})::bigint * 16 + ${salt})::bigint + 2147483648) % ${n})::int`;
}

export async function seedInboxBench(url: string): Promise<{ workspaceId: string; email: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const [workspace] = (await client.query(`INSERT INTO workspace (name, slug) VALUES ('Bench', $1) RETURNING id`, [`bench-${randomBytes(4).toString('hex')}`])).rows;
    const workspaceId: string = workspace.id;
    const hash = await hashPassword(PASSWORD);
    const email = 'bench.agent@example.com';
    const users = (
      await client.query(
        `INSERT INTO app_user (email, display_name, password_hash, locale)
         SELECT CASE WHEN n = 0 THEN $1 ELSE 'agent' || n || '@example.com' END, 'Agent ' || n, $2, 'ru' FROM generate_series(0, 9) n RETURNING id`,
        [email, hash],
      )
    ).rows.map((row: { id: string }) => row.id);
    await client.query(`INSERT INTO membership (user_id, workspace_id, role) SELECT unnest($1::uuid[]), $2, 'agent'`, [users, workspaceId]);
    await client.query(`INSERT INTO brand (workspace_id, name, aliases) VALUES ($1, 'Acme', '{acme,акме}')`, [workspaceId]);
    const channels = `(ARRAY['vk','telegram','x','mastodon','reddit','demo'])`;
    await client.query(
      `INSERT INTO author (id, workspace_id, channel, external_id, handle, followers, verified, kind)
       SELECT md5('author' || n)::uuid, $1, ${channels}[1 + n % 6], 'a' || n, 'user_' || n, (n * 7919) % 50000, n % 97 = 0,
              CASE WHEN n % 500 = 0 THEN 'media' ELSE 'person' END
         FROM generate_series(0, $2 - 1) n`,
      [workspaceId, AUTHORS],
    );
    await client.query(
      `INSERT INTO thread (id, workspace_id, channel, external_id, mention_count, last_activity_at)
       SELECT md5('thread' || n)::uuid, $1, ${channels}[1 + ${pick(1, 'n', 6)}], 't' || n, 5, now() FROM generate_series(0, $2 - 1) n`,
      [workspaceId, THREADS],
    );
    const now = new Date();
    for (let from = 1; from <= MENTIONS; from += CHUNK) {
      const to = Math.min(MENTIONS, from + CHUNK - 1);
      // g % THREADS picks the thread; mentions after the first of a thread answer the one before (reply chains).
      await client.query(
        `INSERT INTO mention (workspace_id, channel, external_id, thread_id, in_reply_to, author_id, lang, text, published_at, ingested_at,
                              intent, cause, severity, sentiment, critical_data, confidence, explain, classifier_version,
                              stage, status, priority, sla_due_at, first_response_at, resolved_at, assignee_id)
         SELECT $1, ${channels}[1 + ${pick(1, 'g % $5', 6)}], 'm' || g, md5('thread' || (g % $5))::uuid,
                CASE WHEN g > $5 THEN 'm' || (g - $5) END,
                md5('author' || ((g::bigint * 7919) % $6))::uuid,
                CASE WHEN k.lang = 0 THEN 'ru' ELSE 'en' END,
                CASE WHEN k.lang = 0
                  THEN (ARRAY['Оплата картой не проходит уже второй день', 'Третий раз звоню в поддержку, никто не отвечает', 'Приложение вылетает при входе',
                              'Спасибо за быструю доставку', 'Когда вернут деньги за отменённый заказ?', 'Списали дважды за одну покупку'])[1 + k.text]
                  ELSE (ARRAY['Card payment keeps failing since yesterday', 'Called support three times, nobody answers', 'The app crashes on login',
                              'Thanks for the quick delivery', 'When will I get my refund for the cancelled order?', 'I was charged twice for one order'])[1 + k.text]
                END || ' #' || g,
                $4::timestamptz - (($2 - g) * interval '2 seconds'), $4::timestamptz - (($2 - g) * interval '2 seconds'),
                (ARRAY['problem','problem','question','praise','question','problem'])[1 + k.text],
                (ARRAY['product_defect','staff_inattention','product_defect',NULL,'staff_inattention','product_defect'])[1 + k.text],
                (ARRAY['low','medium','medium','high','high','critical','medium','low','high','medium'])[1 + k.urgency],
                CASE WHEN k.text = 3 THEN 'positive' ELSE 'negative' END, false, '{"intent": 0.8}'::jsonb, '{"intent": ["bench"]}'::jsonb, 'bench',
                'routed',
                h.status,
                (ARRAY[0,1,1,2,2,3,1,0,2,1])[1 + k.urgency] * 1000 + (g * 37) % 300,
                $4::timestamptz - (($2 - g) * interval '2 seconds') + interval '60 minutes',
                CASE WHEN h.status IN ('resolved', 'open', 'pending') THEN $4::timestamptz - (($2 - g) * interval '2 seconds') + (g % 240) * interval '1 minute' END,
                CASE WHEN h.status = 'resolved' THEN $4::timestamptz - (($2 - g) * interval '2 seconds') + (g % 2880) * interval '1 minute' END,
                CASE WHEN k.assignee < 3 THEN ($7::uuid[])[1 + k.assignee] END
           FROM generate_series($3::int, $8::int) g
           CROSS JOIN LATERAL (SELECT ${pick(2, 'g', 2)} AS lang, ${pick(3, 'g', 6)} AS text, ${pick(4, 'g', 10)} AS urgency, ${pick(5, 'g', 100)} AS bucket,
                                      ${pick(6, 'g', 10)} AS assignee) k
           CROSS JOIN LATERAL (SELECT CASE WHEN k.bucket < 85 THEN 'resolved' WHEN k.bucket < 90 THEN 'new' WHEN k.bucket < 95 THEN 'open'
                                           WHEN k.bucket < 98 THEN 'pending' WHEN k.bucket < 99 THEN 'spam' ELSE 'do_not_engage' END AS status) h`,
        [workspaceId, MENTIONS, from, now, THREADS, AUTHORS, users, to],
      );
      process.stderr.write(`bench: inbox: ${to.toLocaleString('en')} mentions seeded\n`);
    }
    await client.query(
      `INSERT INTO reply (workspace_id, mention_id, author_id, visibility, body, status, idempotency_key, created_at, sent_at)
       SELECT $1, m.id, $2, 'public', 'Thank you for writing to us, we have checked your order and will come back today.', 'sent', 'bench:' || m.id,
              m.published_at + interval '20 minutes', m.published_at + interval '21 minutes'
         FROM mention m WHERE m.workspace_id = $1 AND m.id % 20 = 0`,
      [workspaceId, users[1]],
    );
    await client.query(
      `INSERT INTO note (workspace_id, mention_id, author_id, body) SELECT $1, m.id, $2, 'Hand-over: checked the order history' FROM mention m WHERE m.workspace_id = $1 AND m.id % 50 = 0`,
      [workspaceId, users[2]],
    );
    await client.query(
      `INSERT INTO "case" (workspace_id, mention_id, private_channel, opened_by, ack_due_at, resolution_due_at, acknowledged_at)
       SELECT $1, m.id, m.channel, $2, m.published_at + interval '1 hour', m.published_at + interval '1 day', m.first_response_at
         FROM mention m WHERE m.workspace_id = $1 AND m.id % 100 = 0`,
      [workspaceId, users[3]],
    );
    await client.query('VACUUM ANALYZE');
    return { workspaceId, email };
  } finally {
    await client.end();
  }
}

/**
 * 504 different list URLs (status × severity × channel), cycled in an order that keeps identical URLs far apart:
 * the list with nothing shared between concurrent requests.
 */
function mixedViews(): string[] {
  const statuses = ['', 'new', 'open', 'pending', 'new,open', 'open,pending', 'new,pending'];
  const severities = ['', 'low', 'medium', 'high', 'critical', 'high,critical', 'low,medium', 'medium,high', 'critical,low'];
  const channels = ['', 'vk', 'telegram', 'x', 'mastodon', 'reddit', 'demo', 'vk,telegram'];
  const paths: string[] = [];
  for (const status of statuses)
    for (const severity of severities)
      for (const channel of channels) {
        const filters = [status && `status=${status}`, severity && `severity=${severity}`, channel && `channel=${channel}`].filter(Boolean);
        paths.push(`/api/mentions?limit=50${filters.map((filter) => `&${filter}`).join('')}`);
      }
  return paths;
}

interface Scenario {
  name: string;
  paths: string[];
  connections?: number;
}

/** One scenario's load from a forked process (load-generator.ts), so the api keeps its core to itself. */
async function drive(baseUrl: string, token: string, scenario: Scenario, meter: CpuMeter): Promise<string[]> {
  const request: LoadRequest = {
    url: baseUrl,
    token,
    paths: scenario.paths,
    connections: scenario.connections ?? CONNECTIONS,
    durationS: DURATION_S,
    warmupS: WARMUP_S,
  };
  const child = fork(join(__dirname, 'load-generator.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const start: { before?: CpuSnapshot } = {};
  const result = await new Promise<LoadResult>((resolve, reject) => {
    child.on('message', (message: LoadMessage) => {
      if (message.kind === 'result') resolve(message.result);
      else
        meter.snapshot().then((snapshot) => {
          start.before = snapshot;
          child.send('go');
        }, reject);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load generator exited with code ${code} before answering`)));
    child.send(request);
  });
  if (!start.before) throw new Error('the load generator answered before it was told to measure');
  const cpu = await meter.since(start.before);
  const { latencies, seconds } = result;
  latencies.sort((a, b) => a - b);
  const fmt = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `${scenario.name.padEnd(34)} p50 ${fmt(percentile(latencies, 50)).padStart(9)}  p95 ${fmt(percentile(latencies, 95)).padStart(9)}  p99 ${fmt(
      percentile(latencies, 99),
    ).padStart(9)}  ${(latencies.length / seconds).toFixed(0).padStart(6)} req/s  (${scenario.connections ?? CONNECTIONS} clients, ${latencies.length} requests, non-2xx ${result.non2xx}, errors ${result.errors})`,
    `${''.padEnd(34)} ${describeCpu(cpu, latencies.length)}`,
  ];
}

async function explain(client: Client, title: string, sql: string, values: unknown[], filter?: (line: string) => boolean): Promise<string[]> {
  const rows = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values)).rows as { 'QUERY PLAN': string }[];
  const lines = rows.map((row) => row['QUERY PLAN']).filter((line) => !filter || filter(line));
  return [``, `EXPLAIN (ANALYZE, BUFFERS) ${title}:`, ...lines.map((line) => `  ${line}`)];
}

export async function benchInbox(): Promise<string[]> {
  readSizes();
  const bench = await benchDatabase({ role: 'api', workerQueues: [], logLevel: 'warn', demo: false, queuePrefix: `bench-inbox-${randomBytes(3).toString('hex')}` });
  const lines: string[] = [];
  try {
    const migrator = createDataSource(bench.url, { poolSize: 2 });
    await migrator.initialize();
    await runMigrations(migrator);
    await migrator.destroy();
    const seedStarted = Date.now();
    const { workspaceId, email } = await seedInboxBench(bench.url);
    lines.push(`seeded ${MENTIONS.toLocaleString('en')} routed mentions (${AUTHORS.toLocaleString('en')} authors, ${THREADS.toLocaleString('en')} threads) in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const app = await createApp(bench.runtime);
    await app.listen(0, '127.0.0.1');
    const client = new Client({ connectionString: bench.url });
    await client.connect();
    try {
      const port = (app.getHttpServer().address() as AddressInfo).port;
      const baseUrl = `http://127.0.0.1:${port}`;
      const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}` };
      const counts = (await client.query(`SELECT status, count(*)::int AS n FROM mention WHERE workspace_id = $1 GROUP BY status ORDER BY status`, [workspaceId])).rows as { status: string; n: number }[];
      lines.push(`statuses: ${counts.map((row) => `${row.status} ${row.n.toLocaleString('en')}`).join(', ')}`);

      // A cursor 20 pages deep, to show keyset pagination does not slow down with depth.
      let cursor: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const response = await fetch(`${baseUrl}/api/mentions?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers });
        cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
      }
      const sample = (
        await client.query(`SELECT id::text FROM mention WHERE workspace_id = $1 AND status IN ('new', 'open', 'pending') ORDER BY md5(id::text) LIMIT 2000`, [workspaceId])
      ).rows.map((row: { id: string }) => row.id);
      const scenarios: Scenario[] = [
        { name: 'inbox list (first page, 50)', paths: ['/api/mentions?limit=50'] },
        { name: 'inbox list (page 21, keyset)', paths: [`/api/mentions?limit=50&cursor=${cursor}`] },
        { name: 'inbox list (severity+channel)', paths: ['/api/mentions?limit=50&severity=high,critical&channel=vk,telegram'] },
        { name: 'inbox list (assignee=me)', paths: ['/api/mentions?limit=50&assignee=me'] },
        { name: 'inbox list (text search ru/en)', paths: [`/api/mentions?limit=50&q=${encodeURIComponent('оплата')}`, '/api/mentions?limit=50&q=refund'] },
        // Identical requests in flight share one query (SingleFlight); these all differ, so none are shared.
        { name: 'inbox list (mixed views, unshared)', paths: mixedViews() },
        { name: 'mention detail (random ids)', paths: sample.map((id) => `/api/mentions/${id}`) },
        { name: 'facets (default view)', paths: ['/api/mentions/facets'], connections: 4 },
      ];
      const meter = new CpuMeter(client);
      for (const scenario of scenarios) lines.push(...(await drive(baseUrl, accessToken, scenario, meter)));
      lines.push(`targets: inbox list p95 ≤ 50 ms, detail p95 ≤ 30 ms`);

      const inbox = app.get(InboxService);
      const context = { workspaceId, userId: '00000000-0000-0000-0000-000000000000', dueSoonMinutes: 30 };
      const list = inbox.listStatement({ limit: 50 }, context);
      lines.push(...(await explain(client, 'inbox list, first page', list.sql, list.values)));
      const brief = process.env.OTKLIK_BENCH_FULL_PLANS ? undefined : (line: string) => /Scan|Execution Time|Limit|Index Cond|Rows Removed|Heap Fetches/.test(line);
      const deep = inbox.listStatement({ limit: 50, cursor: cursor ?? undefined }, context);
      lines.push(...(await explain(client, 'inbox list, page 21 (cursor)', deep.sql, deep.values, brief)));
      const filtered = inbox.listStatement({ limit: 50, severity: ['high', 'critical'], channel: ['vk', 'telegram'] }, context);
      lines.push(...(await explain(client, 'inbox list, severity + channel', filtered.sql, filtered.values, brief)));
      const low = inbox.listStatement({ limit: 50, severity: ['low'] }, context);
      lines.push(...(await explain(client, 'inbox list, low severity (one range per status of the severity index)', low.sql, low.values, brief)));
      const search = inbox.listStatement({ limit: 50, q: 'refund' }, context);
      lines.push(...(await explain(client, 'inbox list, text search "refund"', search.sql, search.values, brief)));
      const id = sample[0]!;
      lines.push(...(await explain(client, `mention detail, mention ${id} (one statement: mention, thread, author history, notes, replies, case)`, DETAIL_SQL, [id, workspaceId])));
    } finally {
      await client.end();
      // autocannon stops sending at the deadline, not waiting for slow answers (facets): let them finish before the pool closes.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await app.close();
    }
  } finally {
    await bench.drop();
  }
  return lines;
}
