/** RFC 8288 `Link` header → rel → URL (Mastodon and others paginate this way). */
export function parseLinkHeader(value: string | null): Map<string, URL> {
  const links = new Map<string, URL>();
  if (!value) return links;
  for (const part of value.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (!match) continue;
    const rel = /\brel\s*=\s*"?([^";]+)"?/i.exec(match[2]!)?.[1];
    if (!rel) continue;
    try {
      for (const name of rel.trim().split(/\s+/)) links.set(name.toLowerCase(), new URL(match[1]!));
    } catch {
      // A malformed URL in one link does not spoil the others.
    }
  }
  return links;
}
