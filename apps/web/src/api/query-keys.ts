/** Query keys in one place, so live events and mutations invalidate exactly what a screen shows. */
import type { MentionFilters } from '../inbox/mention-filters';

export const queryKeys = {
  me: ['me'] as const,
  mentions: ['mentions'] as const,
  mentionList: (filters: MentionFilters) => ['mentions', 'list', filters] as const,
  facets: (filters: MentionFilters) => ['mentions', 'facets', filters] as const,
  mention: (id: string) => ['mention', id] as const,
  suggestions: (id: string) => ['mention', id, 'suggestions'] as const,
  users: ['users'] as const,
  alerts: ['alerts'] as const,
  incidents: ['incidents'] as const,
  incident: (id: string) => ['incidents', id] as const,
  stats: (range: string) => ['stats', range] as const,
  sources: ['sources'] as const,
  notificationChannels: ['notification-channels'] as const,
  settings: ['settings'] as const,
  audit: ['audit'] as const,
};
