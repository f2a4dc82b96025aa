/**
 * The language a request asks for. The web inbox sends its interface language as `Accept-Language` on every
 * call, so what the API writes for people (label explanations, reply-policy messages) matches the screen even
 * when the agent switched the interface away from their account's language. Without a usable header (most
 * integrations send none, or `*`) the account's language applies.
 */
export type RequestLocale = 'ru' | 'en';

/** `ru` or `en`, whichever of the two the header ranks highest (q-values, then order); null if neither is named. */
export function preferredLocale(acceptLanguage: string | string[] | undefined): RequestLocale | null {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return null;
  let best: { locale: RequestLocale; q: number } | null = null;
  for (const entry of header.split(',')) {
    const [tag = '', ...params] = entry.trim().split(';');
    const language = tag.trim().toLowerCase().split('-')[0];
    if (language !== 'ru' && language !== 'en') continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { locale: language, q };
  }
  return best?.locale ?? null;
}
