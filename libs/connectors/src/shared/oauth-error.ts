import type { HttpReply } from './http-client';
import { stringAt } from './json-reader';
import { redactSecrets } from './secret-redaction';

export interface OAuthErrorBody {
  /** The `error` code, e.g. `invalid_grant`; null when the body is not an OAuth error. */
  code: string | null;
  /** `code: error_description` with every secret of the request redacted, for messages; null without a code. */
  platformMessage: string | null;
}

/** A token endpoint's error answer, `{"error", "error_description"}` (RFC 6749 §5.2), read safely. */
export function readOAuthError(reply: HttpReply, secrets: readonly string[]): OAuthErrorBody {
  let body: unknown = null;
  try {
    body = reply.json();
  } catch {
    body = null;
  }
  const code = stringAt(body, 'error');
  const description = stringAt(body, 'error_description');
  return { code, platformMessage: code ? redactSecrets(description ? `${code}: ${description}` : code, secrets) : null };
}
