import { describe, expect, it } from 'vitest';
import type { MentionSummary } from '../api/contract.types';
import { readMention } from '../api/normalise';
import { listItem } from '../test/fixtures';
import { compareMentions, matchesFilters, mergeChanges, type InfinitePages } from './live-merge';
import { DEFAULT_FILTERS } from './mention-filters';

const mention = (id: string, priority: number, minute: number, overrides: Record<string, unknown> = {}): MentionSummary =>
  readMention(listItem(id, { priority, publishedAt: new Date(Date.UTC(2026, 2, 1, 8, minute)).toISOString(), ...overrides }));

const pages = (...groups: MentionSummary[][]): InfinitePages => ({
  pages: groups.map((items, index) => ({ items, nextCursor: index < groups.length - 1 ? `c${index}` : null, total: null })),
  pageParams: groups.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
});

const ids = (data: InfinitePages) => data.pages.map((page) => page.items.map((item) => item.id));
const flat = (data: InfinitePages) => ids(data).flat();

describe('live merge', () => {
  it('orders like the api: priority, then the longest waiting, then id', () => {
    const list = [mention('3', 100, 5), mention('1', 100, 5), mention('2', 100, 1), mention('4', 300, 9)];
    expect(list.sort(compareMentions).map((item) => item.id)).toEqual(['4', '2', '1', '3']);
  });

  it('puts a new mention at its place, moves an updated one, and drops one that left the view', () => {
    const data = pages([mention('1', 900, 0), mention('2', 500, 0)], [mention('3', 400, 0), mention('4', 100, 0)]);
    const changes = new Map<string, MentionSummary | null>([
      ['9', mention('9', 450, 0)],
      ['1', mention('1', 200, 0)],
      ['2', null],
    ]);
    expect(flat(mergeChanges(data, changes))).toEqual(['9', '3', '1', '4']);
    // The pages keep their cursors: the next page still starts after the last loaded row.
    expect(mergeChanges(data, changes).pages.map((page) => page.nextCursor)).toEqual(['c0', null]);
  });

  it('leaves a mention that sorts after the loaded rows to the pages still to come', () => {
    const data = pages([mention('1', 900, 0)], [mention('2', 800, 0)]);
    data.pages[1].nextCursor = 'more';
    expect(ids(mergeChanges(data, new Map([['5', mention('5', 10, 0)]])))).toEqual([['1'], ['2']]);
    data.pages[1].nextCursor = null;
    expect(ids(mergeChanges(data, new Map([['5', mention('5', 10, 0)]])))).toEqual([['1'], ['2', '5']]);
  });

  it('decides view membership like the api filters, and admits when it cannot', () => {
    const open = mention('1', 1, 0, { status: 'open' });
    expect(matchesFilters(open, DEFAULT_FILTERS, 'u')).toBe(true);
    expect(matchesFilters(mention('2', 1, 0, { status: 'resolved' }), DEFAULT_FILTERS, 'u')).toBe(false);
    expect(matchesFilters(open, { ...DEFAULT_FILTERS, view: 'critical' }, 'u')).toBe(false);
    expect(matchesFilters(open, { ...DEFAULT_FILTERS, view: 'unassigned' }, 'u')).toBe(true);
    expect(matchesFilters(open, { ...DEFAULT_FILTERS, view: 'mine' }, 'u')).toBe(false);
    const blackPr = mention('3', 1, 0, {
      status: 'do_not_engage',
      labels: { intent: 'other', cause: 'black_pr', severity: 'low', sentiment: 'negative', pii: [], criticalData: false },
    });
    expect(matchesFilters(blackPr, { ...DEFAULT_FILTERS, view: 'do_not_engage' }, 'u')).toBe(true);
    expect(matchesFilters(open, { ...DEFAULT_FILTERS, q: 'refund' }, 'u')).toBeNull();
  });
});
