import { cleanup, fireEvent } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readMention } from '../api/normalise';
import { listItem } from '../test/fixtures';
import { createHarness } from '../test/test-harness';
import { MentionList, ROW_HEIGHT } from './mention-list.component';

afterEach(cleanup);

const items = (ids: number[]) => ids.map((id) => readMention(listItem(String(id))));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

function list(props: { items: ReturnType<typeof items>; selectedId: string | null }) {
  return (
    <MentionList
      {...props}
      openId={null}
      currentUserId={null}
      now={Date.parse('2026-03-01T08:10:00Z')}
      loading={false}
      hasMore={false}
      onLoadMore={() => undefined}
      onSelect={() => undefined}
      onOpen={() => undefined}
    />
  );
}

describe('MentionList', () => {
  it('renders only a window of a long list', () => {
    const harness = createHarness(() => undefined);
    harness.render(list({ items: items(range(1, 10_001)), selectedId: null }));
    const rendered = document.querySelectorAll('[role="option"]').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    expect((document.querySelector('[data-inbox-list] > div') as HTMLElement).style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
  });

  it('keeps the row at the top of the viewport in place when new mentions arrive above it, and keeps the selection', () => {
    const harness = createHarness(() => undefined);
    const view = harness.render(list({ items: items(range(100, 300)), selectedId: '150' }));
    const scroller = document.querySelector('[data-inbox-list]') as HTMLElement;
    scroller.scrollTop = 40 * ROW_HEIGHT + 10; // mention 140 at the top, 10 px scrolled into it
    fireEvent.scroll(scroller);
    // Three urgent mentions arrive and sort above everything.
    view.rerender(harness.wrap(list({ items: items([1, 2, 3, ...range(100, 300)]), selectedId: '150' })));
    expect(scroller.scrollTop).toBe(43 * ROW_HEIGHT + 10);
    expect(document.querySelector('[aria-selected="true"]')?.getAttribute('data-mention-id')).toBe('150');
    // At the very top the new mentions simply show.
    scroller.scrollTop = 0;
    fireEvent.scroll(scroller);
    view.rerender(harness.wrap(list({ items: items([0, 1, 2, 3, ...range(100, 300)]), selectedId: '150' })));
    expect(scroller.scrollTop).toBe(0);
  });
});
