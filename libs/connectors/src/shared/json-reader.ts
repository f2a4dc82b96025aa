/**
 * Narrow readers for platform JSON (typed as `unknown` on arrival). Absent or wrong-typed fields read as
 * null so a normaliser decides what is required; `MalformedItemError` is how it says an item is unusable.
 */
export type JsonObject = Record<string, unknown>;

export class MalformedItemError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedItemError';
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): JsonObject | null {
  if (!isObject(value)) return null;
  const field = value[key];
  return isObject(field) ? field : null;
}

export function arrayAt(value: unknown, key: string): unknown[] {
  if (!isObject(value)) return [];
  const field = value[key];
  return Array.isArray(field) ? field : [];
}

export function stringAt(value: unknown, key: string): string | null {
  if (!isObject(value)) return null;
  const field = value[key];
  return typeof field === 'string' ? field : null;
}

export function numberAt(value: unknown, key: string): number | null {
  if (!isObject(value)) return null;
  const field = value[key];
  if (typeof field === 'number' && Number.isFinite(field)) return field;
  if (typeof field === 'string' && /^-?\d+(\.\d+)?$/.test(field.trim())) return Number(field);
  return null;
}

export function booleanAt(value: unknown, key: string): boolean | null {
  if (!isObject(value)) return null;
  const field = value[key];
  if (typeof field === 'boolean') return field;
  // VK and others send flags as 0/1.
  if (field === 0 || field === 1) return field === 1;
  return null;
}

/** Ids are kept as strings: Mastodon and X ids exceed 2^53, Telegram and VK ids are negative for chats. */
export function idAt(value: unknown, key: string): string | null {
  if (!isObject(value)) return null;
  const field = value[key];
  if (typeof field === 'string' && field !== '') return field;
  if (typeof field === 'number' && Number.isSafeInteger(field)) return String(field);
  return null;
}

export function requireId(value: unknown, key: string, what: string): string {
  const id = idAt(value, key);
  if (id === null) throw new MalformedItemError(`${what}: missing ${key}`);
  return id;
}

/** Unix seconds → ISO 8601, or null. */
export function epochSecondsToIso(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000).toISOString();
}

/** Any date string `Date` can read → ISO 8601, or null. */
export function dateToIso(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
