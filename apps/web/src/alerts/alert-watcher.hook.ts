/**
 * Turns live `alert.new` events into a refreshed alert list and a toast for each new critical (or warning)
 * alert, so an escalating thread reaches the team even when nobody is looking at the alerts screen.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlerts } from '../api/queries';
import { queryKeys } from '../api/query-keys';
import { navigate } from '../app/router';
import { useLiveEvent } from '../app/services';
import { useToasts } from '../ui/toasts';
import { alertTitle } from './sla-digest.component';

export function useAlertWatcher(): number {
  const { t } = useTranslation();
  const client = useQueryClient();
  const toasts = useToasts();
  const alerts = useAlerts();
  const known = useRef<Set<string> | null>(null);

  useLiveEvent((event) => {
    if (event.type === 'alert.new' || event.type.startsWith('incident.')) {
      void client.invalidateQueries({ queryKey: queryKeys.alerts });
      if (event.type.startsWith('incident.')) void client.invalidateQueries({ queryKey: queryKeys.incidents });
    }
  });

  useEffect(() => {
    if (!alerts.data) return;
    const ids = new Set(alerts.data.map((alert) => alert.id));
    // The first load is history, not news: only alerts that appear later make a toast.
    if (known.current) {
      for (const alert of alerts.data) {
        if (known.current.has(alert.id) || alert.acknowledgedAt) continue;
        // Levels are the escalation's watch < warning < critical: watch stays in the feed, the rest interrupt.
        const urgent = alert.level === 'critical' || alert.level === 'warning';
        if (!urgent) continue;
        toasts.show({
          tone: alert.level === 'critical' ? 'critical' : 'info',
          text: t('alerts.toast', {
            level: t(`alertLevel.${alert.level}`, { defaultValue: alert.level }),
            title: alertTitle(t, alert),
          }),
          action: { label: t('alerts.open'), run: () => navigate('/alerts') },
        });
      }
    }
    known.current = ids;
  }, [alerts.data, t, toasts]);

  return (alerts.data ?? []).filter((alert) => !alert.acknowledgedAt).length;
}
