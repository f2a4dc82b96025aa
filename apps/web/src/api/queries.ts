/** Server state through TanStack Query: one hook per resource, one mutation per action. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useApi } from '../app/services';
import { filtersToQuery, type MentionFilters } from '../inbox/mention-filters';
import type { BulkReport, Me, MentionDetail, MentionSummary, ReplyCheck, Visibility } from './contract.types';
import {
  readAlert,
  readAudit,
  readBulkReport,
  readChannelKind,
  readChannelSpec,
  readConnectionTest,
  readCheck,
  readFacets,
  readIncident,
  readIncidentDetail,
  readList,
  readMentionDetail,
  readMentionPage,
  readNotificationChannel,
  readReply,
  readSource,
  readStatements,
  readStats,
  readSuggestions,
  readTakePrivate,
  readUser,
} from './normalise';
import { queryKeys } from './query-keys';

/** The api's maximum page. */
export const PAGE_SIZE = 100;

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.me, queryFn: () => api.get<Me>('/api/me'), staleTime: 60_000 });
}

export function useMentionList(filters: MentionFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.mentionList(filters),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      readMentionPage(
        await api.get('/api/mentions', { ...filtersToQuery(filters), cursor: pageParam ?? undefined, limit: PAGE_SIZE }, signal),
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
    staleTime: 15_000,
    // Live events keep the list current (and a reconnect refetches it); refetching every loaded page on each
    // return to the tab would cost a request per hundred rows.
    refetchOnWindowFocus: false,
  });
}

export function useFacets(filters: MentionFilters) {
  const api = useApi();
  // Facets count within the view but across the facet filters, so each option shows what picking it gives.
  const scope: MentionFilters = { ...filters, severity: [], cause: [], intent: [], channel: [], status: [] };
  return useQuery({
    queryKey: queryKeys.facets(scope),
    queryFn: async ({ signal }) => readFacets(await api.get('/api/mentions/facets', filtersToQuery(scope), signal)),
    staleTime: 30_000,
    retry: false,
  });
}

export function useMention(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.mention(id ?? ''),
    queryFn: async ({ signal }) => readMentionDetail(await api.get(`/api/mentions/${encodeURIComponent(id ?? '')}`, undefined, signal)),
    enabled: Boolean(id),
  });
}

export function useSuggestions(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.suggestions(id),
    queryFn: async ({ signal }) => readSuggestions(await api.get(`/api/mentions/${encodeURIComponent(id)}/suggestions`, undefined, signal)),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useUsers() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: async ({ signal }) => readList(await api.get('/api/users', undefined, signal), readUser, 'items', 'users'),
    staleTime: 5 * 60_000,
  });
}

/** Patches one mention everywhere it is cached (list pages and detail) after an action. */
export function patchMentionCaches(client: QueryClient, id: string, patch: Partial<MentionSummary>): void {
  client.setQueriesData<{ pages: { items: MentionSummary[] }[]; pageParams: unknown[] }>({ queryKey: ['mentions', 'list'] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === id ? { ...item, ...patch } : item)) })),
        }
      : data,
  );
  client.setQueryData<MentionDetail>(queryKeys.mention(id), (data) => (data ? { ...data, ...patch } : data));
}

function mentionPath(id: string, action = ''): string {
  return `/api/mentions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/** Claim, release, assign, status: each answers with the mention; the lists refresh behind it. */
export function useMentionAction() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (
      action:
        | { id: string; kind: 'claim' | 'release' }
        | { id: string; kind: 'assign'; userId: string | null }
        | { id: string; kind: 'status'; status: string }
        | { id: string; kind: 'snooze'; until: string | null },
    ) => {
      switch (action.kind) {
        case 'snooze':
          return api.patch<unknown>(mentionPath(action.id), { snoozedUntil: action.until });
        case 'claim':
        case 'release':
          return api.post<unknown>(mentionPath(action.id, action.kind));
        case 'assign':
          return api.post<unknown>(mentionPath(action.id, 'assign'), { userId: action.userId });
        case 'status':
          return api.patch<unknown>(mentionPath(action.id), { status: action.status });
      }
    },
    onSuccess: (_result, action) => {
      void client.invalidateQueries({ queryKey: queryKeys.mention(action.id) });
      void client.invalidateQueries({ queryKey: queryKeys.mentions });
    },
  });
}

/** The api takes at most this many ids per bulk request; a larger selection goes in several. */
export const BULK_LIMIT = 500;

export type BulkAction =
  | { action: 'claim' | 'release' }
  | { action: 'assign'; userId: string | null }
  | { action: 'status'; status: string }
  | { action: 'snooze'; snoozedUntil: string | null };

export type BulkInput = { ids: string[] } & BulkAction;

/** POST /api/mentions/bulk: one action on many mentions, every id answered (done, or why not). */
export function useBulkAction() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, ...action }: BulkInput): Promise<BulkReport> => {
      const reports: BulkReport[] = [];
      for (let start = 0; start < ids.length; start += BULK_LIMIT) {
        reports.push(readBulkReport(await api.post('/api/mentions/bulk', { ...action, ids: ids.slice(start, start + BULK_LIMIT) })));
      }
      const results = reports.flatMap((report) => report.results);
      const succeeded = results.filter((result) => result.ok).length;
      return { results, succeeded, failed: results.length - succeeded };
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.mentions });
      void client.invalidateQueries({ queryKey: ['mention'] });
    },
  });
}

function incidentPath(id: string, action = ''): string {
  return `/api/incidents/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/** Opening an incident by hand, attaching mentions to one, merging one into another (lead/pr). */
export function useIncidentChange() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (
      change:
        | { kind: 'create'; title: string; mentionIds: string[] }
        | { kind: 'attach'; incidentId: string; mentionIds: string[] }
        | { kind: 'merge'; incidentId: string; otherId: string },
    ) => {
      switch (change.kind) {
        case 'create':
          return readIncidentDetail(await api.post('/api/incidents', { title: change.title, mentionIds: change.mentionIds }));
        case 'attach':
          return readIncidentDetail(await api.post(incidentPath(change.incidentId, 'mentions'), { mentionIds: change.mentionIds }));
        case 'merge':
          return readIncidentDetail(await api.post(incidentPath(change.incidentId, 'merge'), { otherId: change.otherId }));
      }
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.incidents });
      void client.invalidateQueries({ queryKey: queryKeys.mentions });
      void client.invalidateQueries({ queryKey: ['mention'] });
    },
  });
}

export function useAddNote(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: { body: string }) => api.post(mentionPath(id, 'notes'), note),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.mention(id) }),
  });
}

export async function checkReply(
  api: ReturnType<typeof useApi>,
  id: string,
  body: string,
  visibility: Visibility,
  signal?: AbortSignal,
): Promise<ReplyCheck> {
  return readCheck(await api.request('POST', mentionPath(id, 'replies/check'), { body: { body, visibility }, signal }));
}

export interface SendReplyInput {
  body: string;
  visibility: Visibility;
  acknowledged: string[];
  override: { reason: string } | null;
}

export function useSendReply(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: SendReplyInput) =>
      readReply(
        await api.post(mentionPath(id, 'replies'), {
          body: input.body,
          visibility: input.visibility,
          acknowledged: input.acknowledged,
          ...(input.override ? { override: { reason: input.override.reason } } : {}),
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.mention(id) });
      void client.invalidateQueries({ queryKey: queryKeys.mentions });
    },
  });
}

export function useTakePrivate(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => readTakePrivate(await api.post<unknown>(mentionPath(id, 'take-private'))),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.mention(id) });
      void client.invalidateQueries({ queryKey: queryKeys.mentions });
    },
  });
}

/** Which alerts a list shows: `mine` = addressed to me, my role or the whole team; `open` = not yet acknowledged. */
export interface AlertFilters {
  mine: boolean;
  open: boolean;
}

export function useAlerts(filters: AlertFilters = { mine: false, open: false }) {
  const api = useApi();
  return useQuery({
    // Under queryKeys.alerts, so invalidating that refreshes every filtered list too.
    queryKey: [...queryKeys.alerts, filters.mine, filters.open],
    queryFn: async ({ signal }) =>
      readList(
        await api.get(
          '/api/alerts',
          { pageSize: 100, mine: filters.mine || undefined, acknowledged: filters.open ? false : undefined },
          signal,
        ),
        readAlert,
        'items',
        'alerts',
      ),
    staleTime: 30_000,
  });
}

export function useAcknowledgeAlert() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/alerts/${encodeURIComponent(id)}/acknowledge`),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.alerts }),
  });
}

export function useIncidents() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.incidents,
    queryFn: async ({ signal }) => readList(await api.get('/api/incidents', undefined, signal), readIncident, 'items', 'incidents'),
  });
}

export function useIncidentStatements(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.incident(id ?? ''), 'statements'],
    queryFn: async ({ signal }) =>
      readStatements(await api.get(`/api/incidents/${encodeURIComponent(id ?? '')}/statements`, undefined, signal)),
    enabled: Boolean(id),
  });
}

export function useIncident(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.incident(id ?? ''),
    queryFn: async ({ signal }) => readIncidentDetail(await api.get(`/api/incidents/${encodeURIComponent(id ?? '')}`, undefined, signal)),
    enabled: Boolean(id),
  });
}

export function useOpenFacets() {
  const api = useApi();
  return useQuery({
    queryKey: ['mentions', 'facets', 'backlog'],
    queryFn: async ({ signal }) => readFacets(await api.get('/api/mentions/facets', undefined, signal)),
    staleTime: 30_000,
  });
}

export function useStats(range: { from: string; to: string; bucket: string }) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.stats(`${range.from}|${range.to}|${range.bucket}`),
    queryFn: async ({ signal }) => readStats(await api.get('/api/stats', range, signal)),
    staleTime: 60_000,
  });
}

export function useSources() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.sources,
    queryFn: async ({ signal }) => readList(await api.get('/api/sources', undefined, signal), readSource, 'items', 'sources'),
  });
}

export function useSourceChannels() {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.sources, 'capabilities'],
    queryFn: async ({ signal }) => readList(await api.get('/api/sources/capabilities', undefined, signal), readChannelSpec),
    staleTime: 60 * 60_000,
  });
}

export function useChannelKinds() {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.notificationChannels, 'kinds'],
    queryFn: async ({ signal }) => readList(await api.get('/api/notification-channels/kinds', undefined, signal), readChannelKind),
    staleTime: 60 * 60_000,
  });
}

/** Test a source's connection or send a test through a notification channel; the list refreshes (health). */
export function useConnectionTest(kind: 'sources' | 'notification-channels') {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => readConnectionTest(await api.post(`/api/${kind}/${encodeURIComponent(id)}/test`)),
    onSettled: () => void client.invalidateQueries({ queryKey: kind === 'sources' ? queryKeys.sources : queryKeys.notificationChannels }),
  });
}

export function useNotificationChannels() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.notificationChannels,
    queryFn: async ({ signal }) =>
      readList(await api.get('/api/notification-channels', undefined, signal), readNotificationChannel, 'items', 'channels'),
  });
}

export function useAudit() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.audit,
    queryFn: async ({ signal }) => readList(await api.get('/api/audit', { limit: 200 }, signal), readAudit, 'items', 'entries'),
  });
}

/** Approve or reject a reply waiting for PR (pr/admin), or move a private case on; the mention refreshes. */
export function useConversationAction(mentionId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      action:
        | { kind: 'approve'; replyId: string }
        | { kind: 'reject'; replyId: string; reason: string }
        | { kind: 'confirm' | 'resolveCase'; caseId: string },
    ) => {
      switch (action.kind) {
        case 'approve':
          return api.post<unknown>(`/api/replies/${encodeURIComponent(action.replyId)}/approve`);
        case 'reject':
          return api.post<unknown>(`/api/replies/${encodeURIComponent(action.replyId)}/reject`, { reason: action.reason });
        case 'confirm':
          return api.post<unknown>(`/api/cases/${encodeURIComponent(action.caseId)}/customer-confirmed`);
        case 'resolveCase':
          return api.post<unknown>(`/api/cases/${encodeURIComponent(action.caseId)}/resolve`);
      }
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.mention(mentionId) });
      void client.invalidateQueries({ queryKey: queryKeys.mentions });
    },
  });
}
