import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of a received secret with the configured one (no early exit on the first difference). */
export function secretsEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  if (a.length !== b.length) {
    // Compare anyway so the time taken does not reveal the length check alone.
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** Header lookup that ignores case (Node lower-cases incoming headers; callers may not). */
export function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
