/**
 * X's OAuth 2.0 token endpoint for contract tests, served by the fake platform server: the refresh-token
 * grant with ROTATION as X does it (every refresh issues a new refresh token and the one sent stops working),
 * client authentication as X checks it (HTTP Basic for a confidential client, `client_id` in the form for a
 * public one), numbered tokens, and a refused token answered as X answers it. Test support only; never
 * imported by connectors.
 */
import type { FakeResponse, RecordedRequest } from './fake-platform.server';

export const X_TOKEN_PATH = '/2/oauth2/token';

/** One request to the token endpoint as the endpoint saw it. */
export interface XTokenRequest {
  form: Record<string, string>;
  contentType: string | undefined;
  /** The Basic credentials decoded (`id:secret`), or null without an Authorization header. */
  basic: string | null;
}

export interface FakeXTokenEndpoint {
  requests: XTokenRequest[];
  /** Every access token issued, in order. */
  issued: string[];
  /** Every refresh token issued by rotation, in order. */
  rotated: string[];
  /** The refresh tokens X would take now (the one consented to, then each rotated one in turn). */
  live: Set<string>;
  /** Answer the next requests with this instead of a token (an error), until set back to null. */
  failWith: FakeResponse | null;
  /** The OAuth error code for a refresh token not (any longer) live: X has been seen answering either. */
  refusalCode: 'invalid_request' | 'invalid_grant';
  expiresIn: number;
  /** Answer a token request only after this long (lets concurrent callers overlap). */
  delayMs: number;
  /** Called with each accepted request before it is answered (a test may interleave another caller here). */
  onRefresh: ((request: XTokenRequest) => Promise<void> | void) | null;
  handle(request: RecordedRequest): Promise<FakeResponse>;
}

/** `client`: the app as registered at X; a secret makes it confidential (Basic auth required). */
export function fakeXTokenEndpoint(client: { clientId: string; clientSecret?: string }, consented: string): FakeXTokenEndpoint {
  const endpoint: FakeXTokenEndpoint = {
    requests: [],
    issued: [],
    rotated: [],
    live: new Set([consented]),
    failWith: null,
    refusalCode: 'invalid_request',
    expiresIn: 7200,
    delayMs: 0,
    onRefresh: null,
    async handle(request) {
      const form = Object.fromEntries(request.form);
      const authorization = request.headers.authorization;
      const basic = authorization?.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : null;
      const seen: XTokenRequest = { form, contentType: request.headers['content-type'], basic };
      endpoint.requests.push(seen);
      if (endpoint.failWith) return endpoint.failWith;
      if (client.clientSecret !== undefined) {
        if (basic !== `${client.clientId}:${client.clientSecret}`) {
          return { status: 401, body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' } };
        }
      } else if (form['client_id'] !== client.clientId) {
        return { status: 400, body: { error: 'invalid_request', error_description: 'Missing required parameter [client_id].' } };
      }
      if (form['grant_type'] !== 'refresh_token') return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Only refresh_token here.' } };
      const sent = form['refresh_token'] ?? '';
      if (!endpoint.live.delete(sent)) {
        return { status: 400, body: { error: endpoint.refusalCode, error_description: 'Value passed for the token was invalid.' } };
      }
      await endpoint.onRefresh?.(seen);
      const n = endpoint.issued.length + 1;
      const accessToken = `x-user-access-token-${n}`;
      const refreshToken = `x-rotated-refresh-token-${n}`;
      endpoint.issued.push(accessToken);
      endpoint.rotated.push(refreshToken);
      endpoint.live.add(refreshToken);
      return {
        body: { token_type: 'bearer', expires_in: endpoint.expiresIn, access_token: accessToken, scope: 'tweet.read tweet.write users.read dm.read dm.write offline.access', refresh_token: refreshToken },
        delayMs: endpoint.delayMs,
      };
    },
  };
  return endpoint;
}
