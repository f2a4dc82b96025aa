/**
 * The whole path of a public complaint: claim → a reply echoing the customer's phone is blocked (pii_echo
 * with its span) → a fixed reply is accepted and queued (a send job exists) → take-private → a private reply
 * with the order number is accepted → the customer confirms → resolve. Plus the pr approval flow for critical
 * mentions, role checks on overrides and approvals, and warn acknowledgements.
 */
import { Queue } from 'bullmq';
import { QueueName } from '@otklik/queues';
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness, type SeededUser } from './support/api-app';
import { seedMention, spanOf } from './support/seed-mentions';

jest.setTimeout(90_000);

const PHONE = '+7 916 123-45-67';
const COMPLAINT = `Third day without internet at home, order 778812 still not fixed, my number ${PHONE}, nobody calls back! Fix it.`;
const GOOD_PUBLIC =
  'Thank you for writing to us and for the details, and we are sorry the connection has been down for three days. We have already checked the line and see the fault on our side. We will sort this out: we have sent you a direct message, please reply there so we can find your request history and come back with a full answer today.';

describe('a public complaint, end to end', () => {
  let harness: ApiHarness;
  let workspaceId: string;
  let users: Record<string, SeededUser>;
  const tokens: Record<string, string> = {};
  let sendQueue: Queue;

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { agent: 'agent', agent2: 'agent', lead: 'lead', pr: 'pr', admin: 'admin' });
    workspaceId = seeded.workspaceId;
    users = seeded.users;
    for (const name of Object.keys(users)) tokens[name] = (await login(harness, users[name]!)).accessToken;
    const prefix = harness.queuePrefix;
    sendQueue = new Queue(QueueName.Send, { connection: { url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' }, prefix });
  });

  afterAll(async () => {
    await sendQueue?.close();
    await harness?.close();
  });

  it('claims, is blocked for echoing the phone, sends a fixed reply, goes private and resolves', async () => {
    const mention = await seedMention(harness.db.dataSource, workspaceId, {
      text: COMPLAINT,
      piiSpans: [spanOf(COMPLAINT, PHONE, 'phone')],
      authorHandle: 'olga_k',
    });
    const http = harness.http;
    const agent = bearer(tokens.agent!);

    const claim = await http.post(`/api/mentions/${mention.id}/claim`).set(agent).expect(200);
    expect(claim.body).toMatchObject({ id: mention.id, status: 'open', claim: { userId: users.agent!.id } });

    const echo = `Thank you for writing. We will call you back at ${PHONE} today to sort out the order.`;
    const checked = await http
      .post(`/api/mentions/${mention.id}/replies/check`)
      .set(agent)
      .send({ body: echo, visibility: 'public' })
      .expect(200);
    expect(checked.body.verdict).toBe('block');
    const blocked = await http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(agent)
      .send({ body: echo, visibility: 'public' })
      .expect(422);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body.type).toContain('reply-blocked');
    expect(blocked.body.ruleIds).toContain('pii_echo');
    const piiEcho = blocked.body.violations.find((violation: { rule: string }) => violation.rule === 'pii_echo');
    expect(piiEcho.spans.length).toBeGreaterThan(0);
    expect(echo.slice(piiEcho.spans[0].start, piiEcho.spans[0].end)).toContain('916');

    // An agent cannot override a block.
    await http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(agent)
      .send({ body: echo, visibility: 'public', override: { reason: 'the customer asked for a call back' } })
      .expect(403);

    const fixedCheck = await http
      .post(`/api/mentions/${mention.id}/replies/check`)
      .set(agent)
      .send({ body: GOOD_PUBLIC, visibility: 'public' })
      .expect(200);
    expect(fixedCheck.body.violations.filter((violation: { level: string }) => violation.level === 'block')).toEqual([]);
    const warnIds: string[] = fixedCheck.body.violations.map((violation: { rule: string }) => violation.rule);
    const accepted = await http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(agent)
      .send({ body: GOOD_PUBLIC, visibility: 'public', acknowledged: warnIds })
      .expect(201);
    expect(accepted.body).toMatchObject({ status: 'queued', visibility: 'public', idempotencyKey: `reply:${accepted.body.id}` });
    const job = await sendQueue.getJob(`send-${accepted.body.id}`);
    expect(job?.data).toEqual({ replyId: accepted.body.id });

    const privateCase = await http.post(`/api/mentions/${mention.id}/take-private`).set(agent).expect(200);
    expect(privateCase.body).toMatchObject({
      created: true,
      directMessage: true,
      case: { status: 'open', privateChannel: 'demo', closingFollowUpAllowed: false },
    });
    expect(privateCase.body.case.acknowledgedAt).not.toBeNull();
    expect(privateCase.body.case.sla.resolution.state).toBe('ok');
    const again = await http.post(`/api/mentions/${mention.id}/take-private`).set(agent).expect(200);
    expect(again.body).toMatchObject({ created: false, case: { id: privateCase.body.case.id } });

    const privateBody =
      'Olga, thank you for your patience. We found order 778812 and see the line fault on our side: our engineer will come tomorrow between 10:00 and 12:00. We are sorry for the three days without connection, and we will write to you here as soon as the line is restored.';
    const privateCheck = await http
      .post(`/api/mentions/${mention.id}/replies/check`)
      .set(agent)
      .send({ body: privateBody, visibility: 'private' })
      .expect(200);
    expect(privateCheck.body.violations.filter((violation: { level: string }) => violation.level === 'block')).toEqual([]);
    const privateReply = await http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(agent)
      .send({
        body: privateBody,
        visibility: 'private',
        acknowledged: privateCheck.body.violations.map((violation: { rule: string }) => violation.rule),
      })
      .expect(201);
    expect(privateReply.body).toMatchObject({ status: 'queued', visibility: 'private', caseId: privateCase.body.case.id });

    const detail = await http.get(`/api/mentions/${mention.id}`).set(agent).expect(200);
    expect(detail.body.replies.map((reply: { status: string; visibility: string }) => [reply.visibility, reply.status])).toEqual([
      ['public', 'queued'],
      ['private', 'queued'],
    ]);
    expect(detail.body.firstResponseAt).not.toBeNull();
    expect(detail.body.slaClocks.firstResponse.state).toBe('met');
    expect(detail.body.case.id).toBe(privateCase.body.case.id);
    expect(detail.body.piiSpans).toEqual([spanOf(COMPLAINT, PHONE, 'phone')]);

    const caseId = privateCase.body.case.id;
    const before = await http.get(`/api/cases/${caseId}`).set(agent).expect(200);
    expect(before.body).toMatchObject({ closingFollowUpAllowed: false, closingFollowUp: null });
    expect(before.body.replies).toHaveLength(1);
    await http.post(`/api/cases/${caseId}/customer-confirmed`).set(agent).expect(200);
    const confirmed = await http.get(`/api/cases/${caseId}`).set(agent).expect(200);
    expect(confirmed.body.closingFollowUpAllowed).toBe(true);
    expect(confirmed.body.closingFollowUp).toEqual(expect.any(String));
    const resolved = await http.post(`/api/cases/${caseId}/resolve`).set(agent).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', sla: { resolution: { state: 'met' } } });
    await http.post(`/api/cases/${caseId}/resolve`).set(agent).expect(409);
    const after = await http.get(`/api/mentions/${mention.id}`).set(agent).expect(200);
    expect(after.body.status).toBe('resolved');

    const audit = await harness.db.dataSource.query(
      `SELECT action FROM audit_log WHERE workspace_id = $1 AND target_id IN ($2, $3, $4) ORDER BY id`,
      [workspaceId, accepted.body.id, privateReply.body.id, caseId],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'reply.created',
      'case.opened',
      'reply.created',
      'case.customer_confirmed',
      'case.resolved',
    ]);
  });

  it('refuses a private reply before the conversation is taken private', async () => {
    const mention = await seedMention(harness.db.dataSource, workspaceId, {
      text: 'My card payment failed twice today, what is going on?',
    });
    const response = await harness.http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(bearer(tokens.agent!))
      .send({ body: 'We are checking your payment now.', visibility: 'private' })
      .expect(409);
    expect(response.body.type).toContain('no-private-conversation');
  });

  it('needs every warn rule acknowledged', async () => {
    const mention = await seedMention(harness.db.dataSource, workspaceId, {
      text: 'Your app crashed during payment and took my money twice. Terrible service, I have been waiting for an answer for a week.',
    });
    const draft = 'Sorry for the inconvenience.';
    const check = await harness.http
      .post(`/api/mentions/${mention.id}/replies/check`)
      .set(bearer(tokens.agent!))
      .send({ body: draft, visibility: 'public' })
      .expect(200);
    const warns: string[] = check.body.violations
      .filter((violation: { level: string }) => violation.level === 'warn')
      .map((violation: { rule: string }) => violation.rule);
    expect(warns.length).toBeGreaterThan(1);
    const partial = await harness.http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(bearer(tokens.agent!))
      .send({ body: draft, visibility: 'public', acknowledged: warns.slice(1) })
      .expect(422);
    expect(partial.body).toMatchObject({ type: expect.stringContaining('reply-needs-acknowledgement'), ruleIds: [warns[0]] });
    await harness.http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(bearer(tokens.agent!))
      .send({ body: draft, visibility: 'public', acknowledged: warns })
      .expect(201);
  });

  it('lets a lead override a block with a reason, and audits it', async () => {
    const text = `My email is anna.k@example.org, please confirm my refund for order 55123.`;
    const mention = await seedMention(harness.db.dataSource, workspaceId, {
      text,
      piiSpans: [spanOf(text, 'anna.k@example.org', 'email')],
      intent: 'question',
      severity: 'medium',
    });
    const body =
      'Thank you for writing. We sent the refund confirmation to anna.k@example.org today, please check your inbox and write to us in a direct message if it has not arrived.';
    const check = await harness.http
      .post(`/api/mentions/${mention.id}/replies/check`)
      .set(bearer(tokens.lead!))
      .send({ body, visibility: 'public' })
      .expect(200);
    expect(check.body.verdict).toBe('block');
    const warns = check.body.violations
      .filter((violation: { level: string }) => violation.level === 'warn')
      .map((violation: { rule: string }) => violation.rule);
    const reply = await harness.http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(bearer(tokens.lead!))
      .send({
        body,
        visibility: 'public',
        acknowledged: warns,
        override: { reason: 'The customer asked us to confirm the address publicly' },
      })
      .expect(201);
    expect(reply.body).toMatchObject({ status: 'queued', overrideReason: 'The customer asked us to confirm the address publicly' });
    const [audit] = await harness.db.dataSource.query(`SELECT details FROM audit_log WHERE action = 'reply.override' AND target_id = $1`, [
      reply.body.id,
    ]);
    expect(audit.details).toMatchObject({
      reason: 'The customer asked us to confirm the address publicly',
      ruleIds: expect.arrayContaining(['pii_echo']),
    });
    const short = await harness.http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(bearer(tokens.lead!))
      .send({ body, visibility: 'public', override: { reason: 'ok' } })
      .expect(400);
    expect(short.body.errors[0].field).toBe('override.reason');
  });

  it('holds public replies to critical mentions for pr approval', async () => {
    const mention = await seedMention(harness.db.dataSource, workspaceId, {
      text: 'Your bank leaked my card data, money is gone from my account, I am going to the press!',
      severity: 'critical',
    });
    const body =
      'Thank you for telling us, and we understand how alarming this is. We have already started checking your account with our security team. We will sort this out: please write to us in a direct message so we can find your history and come back with a full answer within the hour.';
    const check = await harness.http
      .post(`/api/mentions/${mention.id}/replies/check`)
      .set(bearer(tokens.agent!))
      .send({ body, visibility: 'public' })
      .expect(200);
    expect(check.body.violations.filter((violation: { level: string }) => violation.level === 'block')).toEqual([]);
    const acknowledged = check.body.violations.map((violation: { rule: string }) => violation.rule);
    const pending = await harness.http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(bearer(tokens.agent!))
      .send({ body, visibility: 'public', acknowledged })
      .expect(201);
    expect(pending.body.status).toBe('pending_approval');
    expect(await sendQueue.getJob(`send-${pending.body.id}`)).toBeUndefined();
    const detail = await harness.http.get(`/api/mentions/${mention.id}`).set(bearer(tokens.agent!)).expect(200);
    expect(detail.body.firstResponseAt).toBeNull();

    await harness.http.post(`/api/replies/${pending.body.id}/approve`).set(bearer(tokens.agent!)).expect(403);
    await harness.http.post(`/api/replies/${pending.body.id}/approve`).set(bearer(tokens.lead!)).expect(403);
    const approved = await harness.http.post(`/api/replies/${pending.body.id}/approve`).set(bearer(tokens.pr!)).expect(200);
    expect(approved.body).toMatchObject({ status: 'queued', approverId: users.pr!.id });
    expect((await sendQueue.getJob(`send-${approved.body.id}`))?.data).toEqual({ replyId: approved.body.id });
    await harness.http.post(`/api/replies/${pending.body.id}/approve`).set(bearer(tokens.pr!)).expect(409);
    const [audit] = await harness.db.dataSource.query(`SELECT actor_id FROM audit_log WHERE action = 'reply.approved' AND target_id = $1`, [
      approved.body.id,
    ]);
    expect(audit.actor_id).toBe(users.pr!.id);
    const answered = await harness.http.get(`/api/mentions/${mention.id}`).set(bearer(tokens.agent!)).expect(200);
    expect(answered.body.firstResponseAt).not.toBeNull();

    // pr's own public reply to a critical mention needs no second approval.
    const own = await harness.http
      .post(`/api/mentions/${mention.id}/replies`)
      .set(bearer(tokens.pr!))
      .send({ body, visibility: 'public', acknowledged })
      .expect(201);
    expect(own.body.status).toBe('queued');
  });

  it('gives suggestions in the mention language', async () => {
    const mention = await seedMention(harness.db.dataSource, workspaceId, {
      text: 'Третий день не работает интернет, в поддержку не дозвониться!',
      lang: 'ru',
      cause: 'staff_inattention',
    });
    const response = await harness.http.get(`/api/mentions/${mention.id}/suggestions`).set(bearer(tokens.agent!)).expect(200);
    expect(response.body.lang).toBe('ru');
    expect(response.body.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of response.body.suggestions) expect(suggestion.text).toMatch(/[а-яё]/i);
  });
});
