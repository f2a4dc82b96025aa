/** Numbers, dates and durations in the chosen language through Intl (never hand-built strings). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatter {
  number(value: number): string;
  compact(value: number): string;
  percent(share: number): string;
  dateTime(iso: string | null): string;
  time(iso: string | null): string;
  date(iso: string | null): string;
  /** "3 h 05 min" style; negative values are formatted by absolute value (callers say "overdue"). */
  duration(ms: number): string;
  relative(iso: string, now?: number): string;
}

const cache = new Map<string, Formatter>();

export function formatterFor(locale: string): Formatter {
  const cached = cache.get(locale);
  if (cached) return cached;
  const number = new Intl.NumberFormat(locale);
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  // Building an Intl formatter costs far more than using one: one per unit, made once per locale.
  const units = Object.fromEntries(
    (['day', 'hour', 'minute', 'second'] as const).map((name) => [
      name,
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }),
    ]),
  ) as Record<'day' | 'hour' | 'minute' | 'second', Intl.NumberFormat>;
  const unit = (value: number, name: keyof typeof units) => units[name].format(value);
  const parse = (iso: string | null) => (iso ? new Date(iso) : null);
  const formatter: Formatter = {
    number: (value) => number.format(value),
    compact: (value) => compact.format(value),
    percent: (share) => percent.format(share),
    dateTime: (iso) => {
      const value = parse(iso);
      return value && !Number.isNaN(value.getTime()) ? dateTime.format(value) : '—';
    },
    time: (iso) => {
      const value = parse(iso);
      return value && !Number.isNaN(value.getTime()) ? time.format(value) : '—';
    },
    date: (iso) => {
      const value = parse(iso);
      return value && !Number.isNaN(value.getTime()) ? date.format(value) : '—';
    },
    duration: (ms) => {
      const total = Math.floor(Math.abs(ms) / 1000);
      const days = Math.floor(total / 86_400);
      const hours = Math.floor((total % 86_400) / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const seconds = total % 60;
      if (days > 0) return `${unit(days, 'day')} ${unit(hours, 'hour')}`;
      if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
      if (minutes > 0) return `${unit(minutes, 'minute')}`;
      return unit(seconds, 'second');
    },
    relative: (iso, now = Date.now()) => {
      const diff = (new Date(iso).getTime() - now) / 1000;
      const abs = Math.abs(diff);
      if (abs < 60) return relative.format(Math.round(diff), 'second');
      if (abs < 3600) return relative.format(Math.round(diff / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(diff / 3600), 'hour');
      return relative.format(Math.round(diff / 86_400), 'day');
    },
  };
  cache.set(locale, formatter);
  return formatter;
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return useMemo(() => formatterFor(i18n.language === 'ru' ? 'ru-RU' : 'en-GB'), [i18n.language]);
}
