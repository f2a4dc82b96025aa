/**
 * The inbox list: a listbox of fixed-height rows virtualised with TanStack Virtual, so 10,000 open mentions
 * cost the DOM of about thirty rows. Fixed heights also make the live-update anchor exact: when rows arrive
 * above the one at the top of the viewport, the scroll offset moves by whole rows and the view stays still.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionSummary } from '../api/contract.types';
import type { TFunction } from 'i18next';
import { useFormat, type Formatter } from '../i18n/format';
import { causeBadge, channelBadge, intentBadge, LockIcon, reach, severityMark, slaCountdown } from '../ui/label-badges';

export const ROW_HEIGHT = 68;

export interface MentionListHandle {
  focus(): void;
  scrollToId(id: string): void;
}

interface MentionListProps {
  items: MentionSummary[];
  selectedId: string | null;
  /** Rows ticked for a bulk action (by id); without it the list has no checkboxes. */
  checkedIds?: ReadonlySet<string>;
  onToggle?(id: string, extend: boolean): void;
  openId: string | null;
  currentUserId: string | null;
  now: number;
  loading: boolean;
  hasMore: boolean;
  onLoadMore(): void;
  onSelect(id: string): void;
  onOpen(id: string): void;
}

const MentionRow = memo(function MentionRow({
  mention,
  selected,
  checked,
  onToggle,
  open,
  mine,
  now,
  onSelect,
  onOpen,
  t,
  format,
}: {
  t: TFunction;
  format: Formatter;
  mention: MentionSummary;
  selected: boolean;
  checked: boolean | null;
  onToggle?(id: string, extend: boolean): void;
  open: boolean;
  mine: boolean;
  now: number;
  onSelect(id: string): void;
  onOpen(id: string): void;
}) {
  // Clocks differ a little between platforms and us: a post "from the future" reads as just now.
  const waiting = format.relative(new Date(Math.min(Date.parse(mention.publishedAt), now)).toISOString(), now);
  return (
    <div
      id={`mention-row-${mention.id}`}
      role="option"
      aria-selected={selected}
      aria-checked={checked ?? undefined}
      data-mention-id={mention.id}
      className={`mention-row${selected ? ' is-selected' : ''}${checked ? ' is-checked' : ''}${open ? ' is-open' : ''} severity-row-${mention.severity ?? 'unknown'} status-${mention.status}`}
      onMouseDown={(event) => {
        // Keep focus on the listbox (the row is not itself focusable) so j/k keep working after a click.
        event.preventDefault();
        onSelect(mention.id);
      }}
      onClick={() => onOpen(mention.id)}
    >
      {checked !== null ? (
        // Not in the Tab order: the list is one stop, and x ticks the focused row; the box is for the mouse.
        <input
          type="checkbox"
          className="row-check"
          tabIndex={-1}
          checked={checked}
          aria-label={t('bulk.selectRow', { author: mention.author.handle ?? t('mention.unknownAuthor') })}
          onChange={() => undefined}
          onClick={(event) => {
            event.stopPropagation();
            onToggle?.(mention.id, event.shiftKey);
          }}
        />
      ) : null}
      {severityMark(t, mention.severity)}
      <div className="mention-row-body">
        <div className="mention-row-meta">
          {/* Labels may be clipped on a narrow screen; who holds it and the SLA clock never are. */}
          <div className="mention-row-labels">
            {channelBadge(t, mention.channel, mention.isPrivate)}
            <span className="author-handle">{mention.author.handle ?? t('mention.unknownAuthor')}</span>
            {reach(t, format, mention.author)}
            {intentBadge(t, mention.intent)}
            {causeBadge(t, mention.cause)}
            {mention.criticalData ? <span className="badge badge-critical-data">{t('mention.criticalData')}</span> : null}
          </div>
          <div className="mention-row-state">
            {mention.claimedBy ? (
              <span className={`claim ${mine ? 'claim-mine' : ''}`} title={t('mention.claimedBy', { name: mention.claimedBy.displayName })}>
                <LockIcon /> {mine ? t('mention.claimedByYou') : mention.claimedBy.displayName}
              </span>
            ) : null}
            {mention.status === 'resolved' ? (
              <span className="badge badge-status">{t('status.resolved')}</span>
            ) : (
              slaCountdown(t, format, mention.slaDueAt, mention.firstResponseAt, now)
            )}
            <time className="waiting" dateTime={mention.publishedAt} title={format.dateTime(mention.publishedAt)}>
              {waiting}
            </time>
          </div>
        </div>
        <div className="mention-row-text" lang={mention.lang ?? undefined}>
          {mention.text}
        </div>
      </div>
    </div>
  );
});

export const MentionList = forwardRef<MentionListHandle, MentionListProps>(function MentionList(
  { items, selectedId, checkedIds, onToggle, openId, currentUserId, now, loading, hasMore, onLoadMore, onSelect, onOpen },
  ref,
) {
  // One translation hook for the whole list: rows get `t` and the formatter as props (both change only with
  // the language), so a scroll frame renders rows without subscribing each of them to i18n.
  const { t } = useTranslation();
  const format = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => items[index]?.id ?? index,
  });

  useImperativeHandle(
    ref,
    () => ({
      focus: () => scrollRef.current?.focus(),
      scrollToId: (id: string) => {
        const index = items.findIndex((item) => item.id === id);
        if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
      },
    }),
    [items, virtualizer],
  );

  // Scroll anchoring across live updates: remember the top row and its offset, restore them after a change.
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const rememberAnchor = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const index = Math.floor(element.scrollTop / ROW_HEIGHT);
    const item = items[index];
    anchor.current = item ? { id: item.id, offset: element.scrollTop - index * ROW_HEIGHT } : null;
  }, [items]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const saved = anchor.current;
    if (!element || !saved || element.scrollTop === 0) return;
    const index = items.findIndex((item) => item.id === saved.id);
    if (index < 0) return;
    const target = index * ROW_HEIGHT + saved.offset;
    if (Math.abs(element.scrollTop - target) >= 1) virtualizer.scrollToOffset(target);
  }, [items, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems.length ? virtualItems[virtualItems.length - 1].index : -1;
  useEffect(() => {
    if (hasMore && !loading && lastVisible >= items.length - 40) onLoadMore();
  }, [hasMore, loading, lastVisible, items.length, onLoadMore]);

  return (
    <div
      ref={scrollRef}
      className="mention-list"
      data-inbox-list
      role="listbox"
      tabIndex={0}
      aria-label={t('inbox.listLabel')}
      aria-activedescendant={selectedId && items.some((item) => item.id === selectedId) ? `mention-row-${selectedId}` : undefined}
      aria-busy={loading}
      onScroll={rememberAnchor}
    >
      {items.length === 0 && !loading ? <p className="empty">{t('inbox.empty')}</p> : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualItems.map((row) => {
          const mention = items[row.index];
          if (!mention) return null;
          return (
            <div
              key={row.key}
              className="mention-row-slot"
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
            >
              <MentionRow
                mention={mention}
                selected={mention.id === selectedId}
                checked={checkedIds ? checkedIds.has(mention.id) : null}
                onToggle={onToggle}
                open={mention.id === openId}
                mine={Boolean(currentUserId && mention.claimedBy?.id === currentUserId)}
                now={now}
                onSelect={onSelect}
                onOpen={onOpen}
                t={t}
                format={format}
              />
            </div>
          );
        })}
      </div>
      {loading && items.length > 0 ? <p className="list-footer">{t('common.loading')}</p> : null}
    </div>
  );
});
