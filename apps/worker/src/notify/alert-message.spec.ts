import { composeAlertMessage, explainReason, type AlertMessageContext } from './alert-message';

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
