/** Saved views and facet filters for the inbox: plain buttons and checkboxes, all reachable by Tab. */
import { CAUSES, CHANNELS, INTENTS, SEVERITIES } from '@otklik/labels';
import { useTranslation } from 'react-i18next';
import type { Facets, Incident } from '../api/contract.types';
import { useFormat } from '../i18n/format';
import {
  activeFilterCount,
  DEFAULT_FILTERS,
  toggleValue,
  VIEW_IDS,
  type FacetDimension,
  type MentionFilters,
  type ViewId,
} from './mention-filters';

const STATUSES = ['new', 'open', 'pending', 'resolved', 'spam', 'do_not_engage'];

const OPTIONS: Record<FacetDimension, readonly string[]> = {
  severity: [...SEVERITIES].reverse(),
  cause: CAUSES,
  intent: INTENTS,
  channel: CHANNELS,
  status: STATUSES,
};

interface InboxFiltersProps {
  filters: MentionFilters;
  facets: Facets | undefined;
  incidents: Incident[];
  onChange(filters: MentionFilters): void;
}

export function InboxFilters({ filters, facets, incidents, onChange }: InboxFiltersProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const setView = (view: ViewId) =>
    onChange({ ...filters, view, incidentId: view === 'incident' ? (filters.incidentId ?? incidents[0]?.id ?? null) : null });
  return (
    <nav className="inbox-filters" aria-label={t('inbox.filters')}>
      <h2 className="section-title">{t('inbox.views')}</h2>
      <ul className="view-list">
        {VIEW_IDS.map((view) => (
          <li key={view}>
            <button
              type="button"
              className={`view-button${filters.view === view ? ' is-active' : ''}`}
              aria-pressed={filters.view === view}
              onClick={() => setView(view)}
            >
              {t(`view.${view}`)}
            </button>
          </li>
        ))}
      </ul>
      {filters.view === 'incident' ? (
        <label className="field">
          <span>{t('inbox.incident')}</span>
          <select value={filters.incidentId ?? ''} onChange={(event) => onChange({ ...filters, incidentId: event.target.value || null })}>
            {incidents.length === 0 ? <option value="">{t('incidents.none')}</option> : null}
            {incidents.map((incident) => (
              <option key={incident.id} value={incident.id}>
                {incident.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {(Object.keys(OPTIONS) as FacetDimension[]).map((dimension) => {
        const counts = facets?.[dimension] ?? {};
        // Channels are many: list only those present, plus any already chosen.
        const values =
          dimension === 'channel'
            ? OPTIONS.channel.filter((value) => (counts[value] ?? 0) > 0 || filters.channel.includes(value))
            : OPTIONS[dimension];
        if (values.length === 0) return null;
        return (
          <fieldset key={dimension} className="facet">
            <legend className="section-title">{t(`facet.${dimension}`)}</legend>
            {values.map((value) => (
              <label key={value} className="facet-option">
                <input
                  type="checkbox"
                  checked={filters[dimension].includes(value)}
                  onChange={() => onChange({ ...filters, [dimension]: toggleValue(filters[dimension], value) })}
                />
                <span className={dimension === 'severity' ? `severity-text severity-${value}` : undefined}>
                  {t(`${dimension}.${value}`, { defaultValue: value })}
                </span>
                {counts[value] !== undefined ? <span className="facet-count">{format.number(counts[value])}</span> : null}
              </label>
            ))}
          </fieldset>
        );
      })}
      {activeFilterCount(filters) > 0 ? (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ ...DEFAULT_FILTERS, view: filters.view, incidentId: filters.incidentId })}
        >
          {t('inbox.clearFilters')}
        </button>
      ) : null}
    </nav>
  );
}
