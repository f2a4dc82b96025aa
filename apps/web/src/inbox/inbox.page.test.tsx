import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detail, listItem } from '../test/fixtures';
import { createHarness, type Call } from '../test/test-harness';
import { InboxPage } from './inbox.page';

const ITEMS = ['101', '102', '103'].map((id, index) => listItem(id, { priority: 3000 - index }));

function server(call: Call) {
  if (call.path === '/api/mentions') return { body: { items: ITEMS, nextCursor: null } };
  if (call.path === '/api/mentions/facets') return { body: { status: { new: 3 }, severity: { high: 3 } } };
  const match = /^\/api\/mentions\/(\d+)$/.exec(call.path);
  if (match) return { body: detail(match[1]) };
  if (call.path === '/api/mentions/102/claim')
    return {
      status: 409,
      body: {
        type: 'urn:otklik:problem:claimed',
        title: 'Conflict',
        status: 409,
        detail: 'claimed',
        holder: { userId: 'u-2', displayName: 'Lena' },
      },
    };
  if (call.path === '/api/incidents' || call.path === '/api/users') return { body: [] };
  return undefined;
}

function selected(): string | null {
  return document.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('data-mention-id') ?? null;
}

function press(key: string) {
  fireEvent.keyDown(document.activeElement ?? document.body, { key });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/inbox');
  localStorage.clear();
});
afterEach(cleanup);

describe('Inbox keyboard', () => {
  it('moves the selection with j and k, and Enter opens the selected mention', async () => {
    const harness = createHarness(server);
    harness.render(<InboxPage openId={null} />);
    await screen.findByText(/Mention 101/);
    // Rows in priority order, none selected yet.
    expect([...document.querySelectorAll('[role="option"]')].map((row) => row.getAttribute('data-mention-id'))).toEqual([
      '101',
      '102',
      '103',
    ]);
    expect(selected()).toBeNull();
    press('j');
    expect(selected()).toBe('101');
    press('j');
    press('j');
    expect(selected()).toBe('103');
    press('j'); // stays on the last row
    expect(selected()).toBe('103');
    press('k');
    expect(selected()).toBe('102');
    const list = screen.getByRole('listbox');
    expect(list.getAttribute('aria-activedescendant')).toBe('mention-row-102');
    press('Enter');
    expect(window.location.pathname).toBe('/inbox/102');
  });

  it('ignores the single-key shortcuts while typing in a field', async () => {
    const harness = createHarness(server);
    harness.render(<InboxPage openId={null} />);
    await screen.findByText(/Mention 101/);
    const search = screen.getByRole('searchbox');
    search.focus();
    fireEvent.keyDown(search, { key: 'j' });
    fireEvent.keyDown(search, { key: 'c' });
    expect(selected()).toBeNull();
    expect(harness.calls.some((call) => call.path.endsWith('/claim'))).toBe(false);
    // "/" from the list focuses the search box.
    screen.getByRole('listbox').focus();
    press('/');
    expect(document.activeElement).toBe(search);
  });

  it('claims with c and tells who holds a refused claim', async () => {
    const harness = createHarness(server);
    harness.render(<InboxPage openId={null} />);
    await screen.findByText(/Mention 101/);
    screen.getByRole('listbox').focus();
    press('j');
    press('j');
    await act(async () => press('c'));
    await waitFor(() => expect(harness.calls.some((call) => call.method === 'POST' && call.path === '/api/mentions/102/claim')).toBe(true));
    expect(await screen.findByText('Lena is already working on this one.')).toBeTruthy();
  });

  it('shows the shortcuts on ?', async () => {
    const harness = createHarness(server);
    harness.render(<InboxPage openId={null} />);
    await screen.findByText(/Mention 101/);
    press('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });
});
