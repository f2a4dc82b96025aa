import { composeAlertMessage, explainReason, type AlertMessageContext, type SlaDigestLine } from './alert-message';

const context: AlertMessageContext = {
  alert: { id: 'a1', kind: 'escalation', level: 'critical', score: 81.6, reasons: ['journalist_request=1 (could you comment (p09)) +80', 'custom reason'], alertedAt: '2026-01-20T11:40:00Z' },
  workspaceName: 'Acme',
  thread: { channel: 'x', externalId: 't-1', mentionCount: 14 },
  mention: { text: 'Hi, I am a reporter   working on a story <b>about</b> the outage', url: 'https://x.example/p/9', channel: 'x', authorHandle: 'reporter', followers: 52000, publishedAt: '2026-01-20T11:40:00Z' },
};

describe('alert messages', () => {
  it('says what happened and why, in English', () => {
    const message = composeAlertMessage(context, 'en');
    expect(message.title).toBe('[Acme] A public thread is escalating — critical (score 82)');
    expect(message.lines).toContain('Post (@reporter, 52000 followers): «Hi, I am a reporter working on a story <b>about</b> the outage»');
    expect(message.lines).toContain('• a journalist asks for comment: journalist_request=1 (could you comment (p09)) +80');
    expect(message.lines).toContain('• custom reason');
    expect(message.text.startsWith(message.title)).toBe(true);
    expect(message.color).toBe('#d93025');
  });

  it('and in Russian, for each kind', () => {
    expect(composeAlertMessage(context, 'ru').title).toBe('[Acme] Публичная ветка набирает обороты — критично (оценка 82)');
    const sla = composeAlertMessage({ alert: { ...context.alert, kind: 'sla_breach', level: 'warning', score: null, reasons: [] }, workspaceName: 'Acme', recipient: { displayName: 'Ольга', role: null } }, 'ru');
    expect(sla.title).toBe('[Acme] Просрочен ответ (SLA) — предупреждение');
    expect(sla.lines).toContain('Ответственный: Ольга');
    const leads = composeAlertMessage({ alert: { ...context.alert, kind: 'sla_breach', reasons: [] }, workspaceName: 'Acme', recipient: { displayName: null, role: 'lead' } }, 'en');
    expect(leads.lines[0]).toMatch(/^For the leads/);
    const incident = composeAlertMessage({ alert: { ...context.alert, kind: 'incident', reasons: [] }, workspaceName: 'Acme', incident: { title: 'Outage', mentionCount: 21, affected: 17, status: 'investigating', criticalData: true } }, 'en');
    expect(incident.lines).toEqual(['Incident: Outage — 21 mentions, people affected: 17', '⚠ critical data affected (payments, personal data)']);
  });

  it('leaves reasons it does not know as they are', () => {
    expect(explainReason('reach_growth=2 (+4000 followers) +10', 'ru')).toBe('растёт охват: reach_growth=2 (+4000 followers) +10');
    expect(explainReason('sla: due', 'en')).toBe('sla: due');
  });
});

describe('SLA digest messages', () => {
  const line = (id: string, overrides: Partial<SlaDigestLine> = {}): SlaDigestLine => ({
    id,
    dueAt: '2026-03-05T15:30:00Z',
    severity: 'high',
    priority: 2100,
    text: 'Nobody answers   the support chat',
    authorHandle: 'anna',
    link: `https://app.example/inbox/${id}`,
    ...overrides,
  });
  const digestAlert = { id: 'a2', kind: 'sla_breach', level: 'warning', score: null, reasons: ['sla: 50 mentions past the first-response due time with no answer yet'], alertedAt: '2026-03-05T15:40:00Z' };
  const named = [line('101', { severity: 'critical' }), line('102'), line('103', { severity: null, authorHandle: null, link: null }), line('104'), line('105')];

  it('counts the mentions in the title, names the worst with their due time, and says how many more', () => {
    const message = composeAlertMessage(
      { alert: digestAlert, workspaceName: 'Acme', recipient: { displayName: 'Olga', role: null }, slaDigest: { mentionCount: 50, named, timeZone: 'Europe/Moscow' } },
      'en',
    );
    expect(message.title).toBe('[Acme] Response overdue (SLA): 50 mentions — warning');
    expect(message.lines).toEqual([
      'Assignee: Olga',
      '50 mentions past the due time with no answer; the most urgent:',
      '• #101, due 18:30 05.03.2026, severity: critical, priority 2100 — @anna: «Nobody answers the support chat» https://app.example/inbox/101',
      '• #102, due 18:30 05.03.2026, severity: high, priority 2100 — @anna: «Nobody answers the support chat» https://app.example/inbox/102',
      '• #103, due 18:30 05.03.2026, severity: not rated, priority 2100 — «Nobody answers the support chat»',
      '• #104, due 18:30 05.03.2026, severity: high, priority 2100 — @anna: «Nobody answers the support chat» https://app.example/inbox/104',
      '• #105, due 18:30 05.03.2026, severity: high, priority 2100 — @anna: «Nobody answers the support chat» https://app.example/inbox/105',
      '…and 45 more',
    ]);
  });

  it('reads well in Russian, with Russian plurals, and for a digest of one', () => {
    const many = composeAlertMessage({ alert: { ...digestAlert, level: 'critical' }, workspaceName: 'Звезда', recipient: { displayName: null, role: 'lead' }, slaDigest: { mentionCount: 22, named, timeZone: 'UTC' } }, 'ru');
    expect(many.title).toBe('[Звезда] Просрочен ответ (SLA): 22 упоминания — критично');
    expect(many.lines.slice(0, 3)).toEqual([
      'Для руководителей смены: ответственный не ответил вовремя',
      '22 упоминания без ответа после срока; самые срочные:',
      '• #101, срок 15:30 05.03.2026, важность: критичная, приоритет 2100 — @anna: «Nobody answers the support chat» https://app.example/inbox/101',
    ]);
    expect(many.lines.at(-1)).toBe('…и ещё 17');
    const one = composeAlertMessage({ alert: digestAlert, workspaceName: 'Звезда', recipient: { displayName: 'Ольга', role: null }, slaDigest: { mentionCount: 1, named: [line('7')], timeZone: 'UTC' } }, 'ru');
    expect(one.title).toBe('[Звезда] Просрочен ответ (SLA) — предупреждение');
    expect(one.lines).toEqual(['Ответственный: Ольга', '1 упоминание без ответа после срока:', '• #7, срок 15:30 05.03.2026, важность: высокая, приоритет 2100 — @anna: «Nobody answers the support chat» https://app.example/inbox/7']);
    expect(composeAlertMessage({ alert: digestAlert, workspaceName: 'Звезда', slaDigest: { mentionCount: 5, named, timeZone: 'UTC' } }, 'ru').lines[0]).toBe('5 упоминаний без ответа после срока:');
  });
});
