import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detail, listItem } from '../test/fixtures';
import { createHarness, type Call } from '../test/test-harness';
import { groupFailures } from './bulk-bar.component';
import { InboxPage } from './inbox.page';

const IDS = ['101', '102', '103', '104'];

function claimedBy(name: string) {
  return {
    type: 'urn:otklik:problem:claimed',
    title: 'Conflict',
    status: 409,
    detail: `${name} is working on this mention`,
    holder: { userId: `u-${name}`, displayName: name },
  };
}

/** A server whose bulk endpoint refuses the mentions Anna holds and does the rest. */
function server(annaHolds: string[]) {
  return (call: Call) => {
    if (call.path === '/api/mentions')
      return { body: { items: IDS.map((id, index) => listItem(id, { priority: 3000 - index })), nextCursor: null } };
    if (call.path === '/api/mentions/facets') return { body: {} };
    if (call.path === '/api/mentions/bulk') {
      const { ids } = call.body as { ids: string[] };
      const results = ids.map((id) =>
        annaHolds.includes(id) ? { id, ok: false, problem: claimedBy('Anna') } : { id, ok: true, result: { id } },
      );
      return { body: { results, succeeded: results.filter((row) => row.ok).length, failed: results.filter((row) => !row.ok).length } };
    }
    const match = /^\/api\/mentions\/(\d+)$/.exec(call.path);
    if (match) return { body: detail(match[1]!) };
    if (call.path === '/api/incidents' || call.path === '/api/users') return { body: [] };
    return undefined;
  };
}

const row = (id: string) => document.querySelector(`[data-mention-id="${id}"]`) as HTMLElement;
const checkedIds = () =>
  [...document.querySelectorAll('[role="option"][aria-checked="true"]')].map((element) => element.getAttribute('data-mention-id'));

function press(key: string, shiftKey = false) {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, shiftKey });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/inbox');
  localStorage.clear();
});
afterEach(cleanup);

describe('Bulk selection and actions', () => {
  it('selects with x and Shift+j, shows the bar, and keeps what the api refused selected with the reason', async () => {
    const harness = createHarness(server(['102']));
    harness.render(<InboxPage openId={null} />);
    await screen.findByText(/Mention 101/);
    expect(screen.queryByRole('region', { name: 'Bulk actions on the selected mentions' })).toBeNull();
    screen.getByRole('listbox').focus();
    press('j');
    press('x');
    expect(checkedIds()).toEqual(['101']);
    press('J', true);
    press('ArrowDown', true);
    expect(checkedIds()).toEqual(['101', '102', '103']);
    press('x'); // the cursor is on 103: x unticks it
    expect(checkedIds()).toEqual(['101', '102']);

    const bar = screen.getByRole('region', { name: 'Bulk actions on the selected mentions' });
    expect(within(bar).getByRole('status').textContent).toBe('2 selected');
    fireEvent.change(within(bar).getByRole('combobox', { name: 'New status for the selected mentions' }), { target: { value: 'pending' } });
    await act(async () => fireEvent.click(within(bar).getByRole('button', { name: 'Set status' })));
    await waitFor(() => expect(harness.calls.some((call) => call.path === '/api/mentions/bulk')).toBe(true));
    expect(harness.calls.find((call) => call.path === '/api/mentions/bulk')?.body).toEqual({
      action: 'status',
      status: 'pending',
      ids: ['101', '102'],
    });

    const failures = await within(bar).findByRole('alert');
    expect(failures.textContent).toContain('Done for 1 of 2.');
    expect(failures.textContent).toContain('1 of 2 is claimed by Anna');
    // What was done leaves the selection; the refused one stays for another try.
    expect(checkedIds()).toEqual(['102']);
  });

  it('keeps the selection through live updates, extends it with Shift-click, selects all shown, and clears it on success', async () => {
    const harness = createHarness(server([]));
    harness.render(<InboxPage openId={null} />);
    await screen.findByText(/Mention 101/);
    fireEvent.click(within(row('104')).getByRole('checkbox'));
    fireEvent.click(within(row('102')).getByRole('checkbox'), { shiftKey: true });
    expect(checkedIds()).toEqual(['102', '103', '104']);

    // A live event about the selected mentions: they are fetched again and merged; the ticks stay.
    const before = harness.calls.length;
    act(() => harness.services.events.dispatch({ type: 'mention.updated', ids: ['103', '104'], at: new Date().toISOString() }));
    await waitFor(() => expect(harness.calls.slice(before).some((call) => call.path === '/api/mentions/104')).toBe(true));
    await waitFor(() => expect(row('104')).toBeTruthy());
    expect(checkedIds()).toEqual(['102', '103', '104']);

    const all = screen.getByRole('checkbox', { name: 'Select all 4 mentions shown' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    fireEvent.click(all);
    expect(checkedIds()).toEqual(IDS);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Claim' })));
    await waitFor(() => expect(checkedIds()).toEqual([]));
    expect(harness.calls.find((call) => call.path === '/api/mentions/bulk')?.body).toEqual({ action: 'claim', ids: IDS });
    expect(await screen.findByText('Done for 4 mentions.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Bulk actions on the selected mentions' })).toBeNull();
  });

  it('releases the selected mentions in one request', async () => {
    const harness = createHarness(server([]));
    harness.render(<InboxPage openId={null} />);
    await screen.findByText(/Mention 101/);
    fireEvent.click(within(row('101')).getByRole('checkbox'));
    fireEvent.click(within(row('103')).getByRole('checkbox'));
    const bar = screen.getByRole('region', { name: 'Bulk actions on the selected mentions' });
    await act(async () => fireEvent.click(within(bar).getByRole('button', { name: 'Release' })));
    await waitFor(() => expect(checkedIds()).toEqual([]));
    expect(harness.calls.find((call) => call.path === '/api/mentions/bulk')?.body).toEqual({ action: 'release', ids: ['101', '103'] });
  });

  it('offers assign only to leads, and incidents only to leads and PR', async () => {
    for (const [role, assign, incidents] of [
      ['agent', false, false],
      ['pr', false, true],
      ['lead', true, true],
    ] as const) {
      const harness = createHarness(server([]), { role });
      const view = harness.render(<InboxPage openId={null} />);
      await screen.findByText(/Mention 101/);
      fireEvent.click(within(row('101')).getByRole('checkbox'));
      const bar = screen.getByRole('region', { name: 'Bulk actions on the selected mentions' });
      expect([role, within(bar).queryByRole('button', { name: 'Assign' }) !== null]).toEqual([role, assign]);
      expect([role, within(bar).queryByRole('button', { name: 'New incident…' }) !== null]).toEqual([role, incidents]);
      expect(within(bar).getByRole('button', { name: 'Do not engage (black PR)' })).toBeTruthy();
      view.unmount();
    }
  });
});

describe('groupFailures', () => {
  it('groups refusals by who holds the claim and by reason, largest first', () => {
    const results = [
      ...Array.from({ length: 15 }, (_, index) => ({ id: String(index), ok: true, code: null, detail: null, holder: null })),
      ...['15', '16', '17'].map((id) => ({ id, ok: false, code: 'claimed', detail: 'x', holder: 'Anna' })),
      { id: '18', ok: false, code: 'claimed', detail: 'x', holder: 'Boris' },
      { id: '19', ok: false, code: 'invalid-transition', detail: 'a resolved mention cannot become pending', holder: null },
    ];
    expect(groupFailures(results)).toEqual([
      { code: 'claimed', label: 'Anna', ids: ['15', '16', '17'] },
      { code: 'claimed', label: 'Boris', ids: ['18'] },
      { code: 'invalid-transition', label: null, ids: ['19'] },
    ]);
  });
});
