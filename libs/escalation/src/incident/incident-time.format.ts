/** Times in incident statements: `HH:MM DD.MM.YYYY` in the workspace's time zone (an IANA name). */

export class IncidentInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'IncidentInputError';
  }
}

function parts(date: Date, timeZone: string, field: string): Record<string, string> {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZoneName: 'longOffset',
    });
  } catch {
    throw new IncidentInputError('timeZone', `is not an IANA time zone: ${JSON.stringify(timeZone)}`);
  }
  if (Number.isNaN(date.getTime())) throw new IncidentInputError(field, 'is not a time');
  return Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
}

/** `HH:MM DD.MM.YYYY`, e.g. `18:30 21.01.2026`. */
export function formatIncidentTime(iso: string, timeZone: string, field = 'time'): string {
  const p = parts(new Date(iso), timeZone, field);
  return `${p.hour}:${p.minute} ${p.day}.${p.month}.${p.year}`;
}

/** The zone's UTC offset at that moment, e.g. `UTC+03:00`. */
export function formatUtcOffset(iso: string, timeZone: string, field = 'time'): string {
  const name = parts(new Date(iso), timeZone, field).timeZoneName ?? 'GMT';
  return name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
}
