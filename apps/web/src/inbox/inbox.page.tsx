/**
 * The triage inbox: views and filters, the prioritised list, and the open conversation. Live events refetch
 * the list (throttled) while the list keeps its scroll anchor and the selection by id, so a busy stream
 * never moves what the agent is looking at.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import type { MentionSummary, Role } from '../api/contract.types';
import { readMention } from '../api/normalise';
import { patchMentionCaches, useFacets, useIncidents, useMentionAction, useMentionList } from '../api/queries';
import { queryKeys } from '../api/query-keys';
import { navigate } from '../app/router';
import { useApi, useLiveEvent, useLiveState, useSession } from '../app/services';
import { Conversation, type ConversationHandle } from '../conversation/conversation.panel';
import { useFormat } from '../i18n/format';
import { ShortcutsDialog } from '../ui/shortcuts.dialog';
import { useToasts } from '../ui/toasts';
import { useNow } from '../ui/use-now.hook';
import { BulkBar } from './bulk-bar.component';
import { InboxFilters } from './inbox-filters.component';
import { useInboxKeys } from './inbox-keys';
import { matchesFilters, mergeChanges, type InfinitePages } from './live-merge';
import { DEFAULT_FILTERS, VIEW_IDS, type MentionFilters } from './mention-filters';
import { MentionList, type MentionListHandle } from './mention-list.component';
import { coverage, toggled, withRange, without, type Selection } from './selection';

const FILTERS_KEY = 'otklik.inbox.filters';
const REFETCH_THROTTLE_MS = 1500;
/** Events are gathered this long, then merged in one go. */
const LIVE_MERGE_DELAY_MS = 250;
/** More changed mentions than this at once: refetch the list rather than fetch each. */
const LIVE_MERGE_LIMIT = 25;

function loadFilters(): MentionFilters {
  try {
    const parsed = JSON.parse(localStorage.getItem(FILTERS_KEY) ?? 'null') as Partial<MentionFilters> | null;
    if (parsed && VIEW_IDS.includes(parsed.view as MentionFilters['view'])) return { ...DEFAULT_FILTERS, ...parsed, q: '' };
  } catch {
    // A damaged stored value only costs the saved filters.
  }
  return DEFAULT_FILTERS;
}

/** Drops duplicates a keyset page boundary can produce while rows move between refetches. */
export function uniqueById(pages: { items: MentionSummary[] }[] | undefined): MentionSummary[] {
  const seen = new Set<string>();
  const items: MentionSummary[] = [];
  for (const page of pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

export function InboxPage({ openId }: { openId: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const client = useQueryClient();
  const api = useApi();
  const toasts = useToasts();
  const role: Role = session?.workspace.role ?? 'agent';
  const userId = session?.user.id ?? null;
  const [filters, setFilters] = useState<MentionFilters>(loadFilters);
  const [search, setSearch] = useState(filters.q);
  const [selectedId, setSelectedId] = useState<string | null>(openId);
  // Ticked for a bulk action, by id: live updates and scrolling leave it alone; a new view starts afresh.
  const [checked, setChecked] = useState<Selection>(() => new Set());
  const rangeAnchor = useRef<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const now = useNow(10_000);
  const listRef = useRef<MentionListHandle>(null);
  const conversationRef = useRef<ConversationHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    localStorage.setItem(FILTERS_KEY, JSON.stringify({ ...filters, q: '' }));
    setChecked(new Set());
    rangeAnchor.current = null;
  }, [filters]);

  // Typing in the search box narrows the list after a pause, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((previous) => (previous.q === search ? previous : { ...previous, q: search })), 300);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    if (openId) setSelectedId(openId);
  }, [openId]);

  const list = useMentionList(filters);
  const facets = useFacets(filters);
  const incidents = useIncidents();
  const items = useMemo(() => uniqueById(list.data?.pages), [list.data]);
  const total = list.data?.pages[0]?.total ?? null;

  // Live updates. A few changed mentions are fetched and merged into the loaded pages (exact, and cheap
  // with thousands of rows loaded); a burst or a text search refetches the list instead, at most every
  // REFETCH_THROTTLE_MS. Facets are recounted with the same throttle.
  const lastRefetch = useRef(0);
  const pendingRefetch = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchList = useCallback(
    (listToo: boolean) => {
      const wait = lastRefetch.current + REFETCH_THROTTLE_MS - Date.now();
      if (pendingRefetch.current) return;
      pendingRefetch.current = setTimeout(
        () => {
          pendingRefetch.current = null;
          lastRefetch.current = Date.now();
          void client.invalidateQueries({ queryKey: listToo ? queryKeys.mentions : ['mentions', 'facets'] });
        },
        Math.max(0, wait),
      );
    },
    [client],
  );
  useEffect(() => () => void (pendingRefetch.current && clearTimeout(pendingRefetch.current)), []);
  const changed = useRef(new Set<string>());
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flushChanges = useCallback(async () => {
    flushTimer.current = null;
    const ids = [...changed.current];
    changed.current.clear();
    const key = queryKeys.mentionList(filters);
    const data = client.getQueryData<InfinitePages>(key);
    if (!data || ids.length > LIVE_MERGE_LIMIT || filters.q.trim()) {
      refetchList(true);
      return;
    }
    const fresh = new Map<string, MentionSummary | null>();
    let undecided = false;
    await Promise.all(
      ids.map(async (id) => {
        try {
          const mention = readMention(await api.get(`/api/mentions/${encodeURIComponent(id)}`));
          const matches = matchesFilters(mention, filters, userId);
          if (matches === null) undecided = true;
          else fresh.set(id, matches ? mention : null);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) fresh.set(id, null);
          else undecided = true;
        }
      }),
    );
    if (undecided) {
      refetchList(true);
      return;
    }
    client.setQueryData<InfinitePages>(key, (current) => (current ? mergeChanges(current, fresh) : current));
    refetchList(false);
  }, [api, client, filters, refetchList, userId]);
  useEffect(() => () => void (flushTimer.current && clearTimeout(flushTimer.current)), []);
  // Events missed while the stream was down are not replayed: catch up with one refetch on reconnecting.
  const live = useLiveState();
  const lostStream = useRef(false);
  const hadStream = useRef(false);
  useEffect(() => {
    if (live === 'open') {
      if (lostStream.current) refetchList(true);
      hadStream.current = true;
      lostStream.current = false;
    } else if (hadStream.current) lostStream.current = true;
  }, [live, refetchList]);
  useLiveEvent((event) => {
    if (!event.type.startsWith('mention.')) return;
    for (const id of event.ids) {
      changed.current.add(id);
      if (client.getQueryData(queryKeys.mention(id))) void client.invalidateQueries({ queryKey: queryKeys.mention(id) });
    }
    if (event.ids.length === 0) refetchList(true);
    else if (!flushTimer.current) flushTimer.current = setTimeout(() => void flushChanges(), LIVE_MERGE_DELAY_MS);
  });

  const action = useMentionAction();
  const run = useCallback(
    (input: Parameters<typeof action.mutate>[0]) => {
      action.mutate(input, {
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            // The api names who holds the claim: problem.holder { userId, displayName, since, expiresAt }.
            const holder = error.problem.holder as { displayName?: string | null } | undefined;
            const name = holder?.displayName;
            toasts.show({ tone: 'error', text: name ? t('actions.claimedByOther', { name }) : error.message });
            void client.invalidateQueries({ queryKey: queryKeys.mention(input.id) });
            return;
          }
          toasts.show({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
        },
        onSuccess: () => {
          if (input.kind === 'status' && input.status === 'resolved') toasts.show({ tone: 'success', text: t('actions.resolved') });
          if (input.kind === 'snooze') toasts.show({ tone: 'success', text: t('actions.snoozed') });
        },
      });
      if (input.kind === 'status') patchMentionCaches(client, input.id, { status: input.status as MentionSummary['status'] });
    },
    [action, client, t, toasts],
  );

  const open = useCallback((id: string) => {
    setSelectedId(id);
    navigate(`/inbox/${encodeURIComponent(id)}`);
  }, []);

  const move = (step: number, extend = false) => {
    if (items.length === 0) return;
    const index = selectedId ? items.findIndex((item) => item.id === selectedId) : -1;
    const next = items[Math.max(0, Math.min(items.length - 1, index < 0 ? 0 : index + step))];
    if (extend) {
      // Shift+j/k: the rows passed over join the selection, starting with the one the cursor is on.
      const from = index < 0 ? null : items[index]!.id;
      setChecked((current) => withRange(current, items, from, next.id));
      rangeAnchor.current = next.id;
    }
    setSelectedId(next.id);
    listRef.current?.scrollToId(next.id);
    listRef.current?.focus();
  };

  // Stable across live updates, so the memoised rows do not all re-render when one mention changes.
  const itemsNow = useRef(items);
  itemsNow.current = items;
  const toggleRow = useCallback((id: string, extend: boolean) => {
    // Read now: the updater runs later, after the anchor has moved on.
    const anchor = rangeAnchor.current;
    const listedNow = itemsNow.current;
    setChecked((current) => (extend && anchor ? withRange(current, listedNow, anchor, id) : toggled(current, id)));
    rangeAnchor.current = id;
  }, []);
  const listed = coverage(checked, items);

  const target = openId ?? selectedId;
  useInboxKeys((key) => {
    switch (key) {
      case 'next':
        move(1);
        return;
      case 'previous':
        move(-1);
        return;
      case 'open':
        if (selectedId) open(selectedId);
        return;
      case 'toggle':
        if (selectedId) toggleRow(selectedId, false);
        return;
      case 'extendNext':
        move(1, true);
        return;
      case 'extendPrevious':
        move(-1, true);
        return;
      case 'claim':
        if (target) run({ id: target, kind: 'claim' });
        return;
      case 'resolve':
        if (target) run({ id: target, kind: 'status', status: 'resolved' });
        return;
      case 'reply':
        if (!openId && selectedId) open(selectedId);
        requestAnimationFrame(() => conversationRef.current?.focusComposer());
        return;
      case 'note':
        if (!openId && selectedId) open(selectedId);
        requestAnimationFrame(() => conversationRef.current?.focusNotes());
        return;
      case 'search':
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      case 'help':
        setHelpOpen(true);
        return;
      case 'escape':
        if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
          document.activeElement.blur();
          listRef.current?.focus();
        }
        return false;
    }
  });

  return (
    <div className={`inbox${openId ? ' has-conversation' : ''}`}>
      <InboxFilters filters={filters} facets={facets.data} incidents={incidents.data ?? []} onChange={setFilters} />
      <section className="inbox-list-pane" aria-labelledby="inbox-title">
        <div className="list-toolbar">
          <h1 id="inbox-title" className="list-title">
            {t(`view.${filters.view}`)}
            {total !== null ? <span className="hint"> · {format.number(total)}</span> : null}
          </h1>
          <label className="select-all">
            <input
              type="checkbox"
              checked={listed === 'all'}
              ref={(box) => {
                if (box) box.indeterminate = listed === 'some';
              }}
              disabled={items.length === 0}
              onChange={() => {
                setChecked(listed === 'all' ? new Set() : new Set(items.map((item) => item.id)));
                rangeAnchor.current = null;
              }}
            />
            <span className="visually-hidden">{t('bulk.selectAll', { count: items.length })}</span>
          </label>
          <label className="search">
            <span className="visually-hidden">{t('inbox.search')}</span>
            <input
              ref={searchRef}
              type="search"
              value={search}
              placeholder={t('inbox.searchPlaceholder')}
              onChange={(event) => setSearch(event.target.value)}
              aria-keyshortcuts="/"
            />
          </label>
          <button
            type="button"
            className="icon-button"
            aria-label={t('shortcuts.title')}
            onClick={() => setHelpOpen(true)}
            aria-keyshortcuts="?"
          >
            ?
          </button>
        </div>
        {list.isError ? (
          <p className="error" role="alert">
            {t('inbox.loadFailed')} {(list.error as Error).message}
          </p>
        ) : null}
        {checked.size > 0 ? (
          <BulkBar
            selected={[...checked]}
            role={role}
            onDone={(done) => setChecked((current) => without(current, done))}
            onClear={() => setChecked(new Set())}
          />
        ) : null}
        <MentionList
          ref={listRef}
          items={items}
          selectedId={selectedId}
          checkedIds={checked}
          onToggle={toggleRow}
          openId={openId}
          currentUserId={userId}
          now={now}
          loading={list.isFetching && (list.isLoading || list.isFetchingNextPage)}
          hasMore={Boolean(list.hasNextPage)}
          onLoadMore={() => void list.fetchNextPage()}
          onSelect={setSelectedId}
          onOpen={open}
        />
      </section>
      {openId ? (
        <Conversation
          ref={conversationRef}
          mentionId={openId}
          role={role}
          currentUserId={userId}
          onClaim={(id) => run({ id, kind: 'claim' })}
          onRelease={(id) => run({ id, kind: 'release' })}
          onStatus={(id, status) => run({ id, kind: 'status', status })}
          onAssign={(id, assignee) => run({ id, kind: 'assign', userId: assignee })}
          onSnooze={(id, until) => run({ id, kind: 'snooze', until })}
          onClose={() => {
            navigate('/inbox');
            requestAnimationFrame(() => listRef.current?.focus());
          }}
        />
      ) : null}
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
