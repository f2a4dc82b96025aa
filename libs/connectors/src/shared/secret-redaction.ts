/**
 * Credentials must never reach a log line or an error message. Platforms echo request parameters in their
 * error bodies (VK's `request_params` includes `access_token`) and some put the token in the URL path
 * (Telegram's `/bot<token>/`), so every message built from a response is scrubbed of the source's secrets.
 */
const MIN_SECRET_LENGTH = 4;

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  // Longest first, so a secret that contains another is replaced whole.
  const sorted = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    result = result.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join('[redacted]');
  }
  return result;
}

/** Every credential value of a source, for `redactSecrets`. */
export function secretsOf(credentials: Record<string, string>): string[] {
  return Object.values(credentials).filter((value): value is string => typeof value === 'string');
}
