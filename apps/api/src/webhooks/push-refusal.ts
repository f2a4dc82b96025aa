/**
 * How a refused push delivery is answered. Connectors report a failed verification and an unusable payload
 * with the same kind (`bad_request`); platforms and senders need them apart: a wrong secret or signature is
 * 401 (fix the secret; retrying will not help), a payload we cannot read is 400 with the reason, and a
 * source with no secret configured cannot verify anything, so it refuses with 401 too.
 */
import { HttpStatus } from '@nestjs/common';
import { ConnectorError } from '@otklik/connectors';

export interface PushRefusal {
  status: number;
  code: string;
  detail: string;
}

/** Verification failures as the connectors word them: the secret, the signature, its timestamp, the secret-token header. */
const VERIFICATION = /\b(signature|secret|timestamp)\b|secret-token/i;

export function pushRefusal(error: ConnectorError): PushRefusal {
  switch (error.kind) {
    case 'auth_revoked':
      return { status: HttpStatus.UNAUTHORIZED, code: 'webhook-not-configured', detail: error.message };
    case 'bad_request':
      return VERIFICATION.test(error.message)
        ? { status: HttpStatus.UNAUTHORIZED, code: 'webhook-signature', detail: error.message }
        : { status: HttpStatus.BAD_REQUEST, code: 'webhook-payload', detail: error.message };
    case 'not_permitted':
      return { status: HttpStatus.FORBIDDEN, code: 'webhook-refused', detail: error.message };
    case 'transient':
    case 'rate_limited':
      return { status: HttpStatus.SERVICE_UNAVAILABLE, code: 'webhook-unavailable', detail: error.message };
  }
}
