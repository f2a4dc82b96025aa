/**
 * Wording fingerprints for near-duplicate detection: the set of a mention's content stems, each hashed to a
 * 32-bit number and kept sorted, so a fingerprint is small, JSON-friendly and compared in linear time.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function fingerprint(stems: readonly string[]): number[] {
  return [...new Set(stems.map(fnv1a))].sort((a, b) => a - b);
}

/** Jaccard similarity of two sorted fingerprints. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}
