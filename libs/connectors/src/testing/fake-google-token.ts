/**
 * Google's token endpoint for contract tests, served by the fake platform server: it verifies a service
 * account's JWT with the public half of a key pair the test generated (signature and claims are checked by
 * the test from what is recorded here), answers a refresh-token grant, and issues numbered tokens. Test
 * support only; never imported by connectors.
 */
import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import type { FakeResponse, RecordedRequest } from './fake-platform.server';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const TOKEN_PATH = '/token';

export interface ServiceAccountKeyPair {
  privateKeyPem: string;
  publicKey: KeyObject;
}

/** A 2048-bit RSA pair, as Google issues for service-account keys. */
export function rsaKeyPair(): ServiceAccountKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
}

/** The JSON key file Google Cloud downloads, with the given private key; fields can be replaced or removed (undefined). */
export function serviceAccountKeyJson(privateKeyPem: string, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      type: 'service_account',
      project_id: 'brand-reviews',
      private_key_id: 'key-id-0001',
      private_key: privateKeyPem,
      client_email: 'otklik@brand-reviews.iam.gserviceaccount.com',
      client_id: '100000000000000000001',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      ...overrides,
    },
    null,
    2,
  );
}

/** One request to the token endpoint as the endpoint saw it. */
export interface TokenRequest {
  form: Record<string, string>;
  contentType: string | undefined;
  /** For a JWT bearer grant: the decoded JWT and whether its signature verified with the endpoint's public key. */
  jwt: { header: Record<string, unknown>; claims: Record<string, unknown>; signatureValid: boolean } | null;
}

export interface FakeGoogleTokenEndpoint {
  requests: TokenRequest[];
  /** Every access token issued, in order. */
  issued: string[];
  /** Answer the next requests with this instead of a token (an error), until set back to null. */
  failWith: FakeResponse | null;
  expiresIn: number;
  /** Answer a token request only after this long (lets concurrent callers overlap). */
  delayMs: number;
  handle(request: RecordedRequest): FakeResponse;
}

/**
 * A JWT whose signature does not verify is refused as Google does (400 invalid_grant "Invalid JWT
 * Signature."), so a connector that signs wrongly cannot get a token.
 */
export function fakeGoogleTokenEndpoint(publicKey: KeyObject | null): FakeGoogleTokenEndpoint {
  const endpoint: FakeGoogleTokenEndpoint = {
    requests: [],
    issued: [],
    failWith: null,
    expiresIn: 3599,
    delayMs: 0,
    handle(request) {
      const form = Object.fromEntries(request.form);
      const jwt = form['grant_type'] === JWT_BEARER_GRANT && form['assertion'] ? decodeJwt(form['assertion'], publicKey) : null;
      endpoint.requests.push({ form, contentType: request.headers['content-type'], jwt });
      if (endpoint.failWith) return endpoint.failWith;
      if (jwt && !jwt.signatureValid) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } };
      const token = `ya29.minted-token-${endpoint.issued.length + 1}`;
      endpoint.issued.push(token);
      return { body: { access_token: token, expires_in: endpoint.expiresIn, token_type: 'Bearer' }, delayMs: endpoint.delayMs };
    },
  };
  return endpoint;
}

function decodeJwt(assertion: string, publicKey: KeyObject | null): NonNullable<TokenRequest['jwt']> {
  const [header = '', claims = '', signature = ''] = assertion.split('.');
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  const signatureValid =
    publicKey !== null && verify('sha256', Buffer.from(`${header}.${claims}`), publicKey, Buffer.from(signature, 'base64url'));
  return { header: json(header), claims: json(claims), signatureValid };
}
