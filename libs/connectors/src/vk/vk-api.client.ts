import type { SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorForStatus } from '../shared/http-errors';
import { baseUrlOf, formBody, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { isObject, numberAt, objectAt, stringAt } from '../shared/json-reader';
import type { RequestRateLimiter } from '../shared/request-rate-limiter';
import { redactSecrets, secretsOf } from '../shared/secret-redaction';
import { vkError } from './vk-errors';

export const VK_API_VERSION = '5.199';
export const VK_DEFAULT_BASE_URL = 'https://api.vk.com/method';

export type VkParams = Record<string, string | number | boolean | undefined | null>;

/**
 * VK method calls: form POSTs (VK does not take JSON bodies) with the token in the body, never in the URL,
 * each one through the per-token limiter because VK sends no rate-limit headers.
 */
export class VkApiClient {
  constructor(
    private readonly http: HttpContext,
    private readonly limiter: RequestRateLimiter,
  ) {}

  async call(source: SourceSettings, method: string, params: VkParams, token: string, signal?: AbortSignal): Promise<unknown> {
    const operation = `vk ${method}`;
    const secrets = secretsOf(source.credentials);
    await this.limiter.acquire(token, signal);
    const reply = await sendHttp(this.http, {
      method: 'POST',
      url: urlFor(baseUrlOf(source.options, VK_DEFAULT_BASE_URL), `/${method}`),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ ...params, access_token: token, v: VK_API_VERSION }),
      signal,
      operation,
      secrets,
    });
    if (reply.status !== 200) {
      const body = safeJson(reply);
      const error = objectAt(body, 'error');
      if (error && numberAt(error, 'error_code') !== null) throw this.platformError(operation, error, secrets);
      throw errorForStatus({ operation, status: reply.status, platformMessage: null });
    }
    const body = reply.json();
    if (!isObject(body)) throw new ConnectorError('transient', `${operation}: unexpected body`);
    const error = objectAt(body, 'error');
    if (error) throw this.platformError(operation, error, secrets);
    return body['response'];
  }

  private platformError(operation: string, error: Record<string, unknown>, secrets: string[]): ConnectorError {
    const code = numberAt(error, 'error_code') ?? 0;
    const message = redactSecrets(stringAt(error, 'error_msg') ?? 'unknown error', secrets);
    return vkError(operation, code, message, this.http.clock.now());
  }
}

function safeJson(reply: { json(): unknown }): unknown {
  try {
    return reply.json();
  } catch {
    return null;
  }
}
