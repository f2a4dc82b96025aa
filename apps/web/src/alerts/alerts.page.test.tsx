import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Call } from '../test/test-harness';
import { AlertsPage } from './alerts.page';

afterEach(cleanup);

const worst = [101, 102, 103, 104, 105].map((id, index) => ({
  mentionId: String(id),
  threadId: `t-${id}`,
  dueAt: '2026-03-05T15:30:00Z',
  severity: index === 0 ? 'critical' : 'high',
  priority: 2500 - index,
}));

const ALERTS = [
  {
    id: 'a-digest',
    kind: 'sla_breach',
    level: 'warning',
    score: null,
    reasons: ['sla: 50 mentions past the first-response due time with no answer yet'],
    alertedAt: '2026-03-05T15:40:00Z',
    mentionId: null,
    slaDigest: { stage: 'assignee', mentionCount: 50, mentionIds: Array.from({ length: 50 }, (_, index) => String(101 + index)), worst },
  },
  {
    id: 'a-one',
    kind: 'sla_breach',
    level: 'critical',
    score: null,
    reasons: ['sla: 1 mention still unanswered 30 min after the first-response due time'],
    alertedAt: '2026-03-05T15:20:00Z',
    mentionId: '7',
    slaDigest: { stage: 'lead', mentionCount: 1, mentionIds: ['7'], worst: [{ ...worst[1], mentionId: '7' }] },
  },
];

const server = (call: Call) => (call.path === '/api/alerts' ? { body: { items: ALERTS, total: 2, page: 1, pageSize: 100 } } : undefined);

describe('AlertsPage: SLA digests', () => {
  it('says how many answers are overdue, names the worst with their due time, and opens each in the inbox', async () => {
    createHarness(server).render(<AlertsPage />);
    const digest = (await screen.findByText('50 answers are overdue')).closest('li') as HTMLElement;
    expect(within(digest).getByText('50 mentions past the due time with no answer, the most urgent first')).toBeTruthy();
    const rows = within(digest).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('button')?.textContent)).toEqual(['#101', '#102', '#103', '#104', '#105']);
    expect(rows[0].textContent).toContain('Severity: Critical');
    expect(rows[0].textContent).toContain('priority 2,500');
    expect(within(digest).getByText('…and 45 more')).toBeTruthy();
    // The English reasons say the same for API readers: not repeated here.
    expect(within(digest).queryByText(/^sla: /)).toBeNull();
    fireEvent.click(within(digest).getByRole('button', { name: '#103' }));
    expect(window.location.pathname).toBe('/inbox/103');

    const one = (await screen.findByText('An answer is overdue')).closest('li') as HTMLElement;
    expect(within(one).getByText('1 mention past the due time with no answer')).toBeTruthy();
    expect(within(one).getByRole('button', { name: '#7' })).toBeTruthy();
    expect(within(one).queryByText('Open the thread')).toBeNull();
  });

  it('in Russian, with Russian plurals', async () => {
    createHarness(server, { language: 'ru' }).render(<AlertsPage />);
    const digest = (await screen.findByText('Просрочено 50 ответов')).closest('li') as HTMLElement;
    expect(within(digest).getByText('50 упоминаний без ответа после срока, самые срочные первыми')).toBeTruthy();
    expect(within(digest).getByText('…и ещё 45')).toBeTruthy();
    expect(within(digest).getAllByRole('listitem')[1].textContent).toContain('Важность: Высокая');
  });
});

describe('AlertsPage: filters', () => {
  it('asks the api for my alerts and for those not yet acknowledged, and shows what it answers', async () => {
    const route = (call: Call) => {
      if (call.path !== '/api/alerts') return undefined;
      const mine = call.query.get('mine') === 'true';
      const open = call.query.get('acknowledged') === 'false';
      const items = ALERTS.filter((alert) => (!mine || alert.id === 'a-one') && (!open || alert.id === 'a-one'));
      return { body: { items, total: items.length, page: 1, pageSize: 100 } };
    };
    const harness = createHarness(route);
    harness.render(<AlertsPage />);
    await screen.findByText('50 answers are overdue');
    const asked = () =>
      harness.calls.filter((call) => call.path === '/api/alerts').map((call) => [call.query.get('mine'), call.query.get('acknowledged')]);
    expect(asked()).toEqual([[null, null]]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Only mine (to me, my role or the whole team)' }));
    await screen.findByText('An answer is overdue');
    expect(screen.queryByText('50 answers are overdue')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only not acknowledged' }));
    await screen.findByText('An answer is overdue');
    expect(asked()).toEqual([
      [null, null],
      ['true', null],
      ['true', 'false'],
    ]);
  });
});
