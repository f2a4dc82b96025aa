import type { Connector, ConnectorCapabilities, PushRequest, PushResult } from '../connector';
import { ConnectorError } from '../connector-error';
import type { HttpContext } from '../shared/http-client';
import { collectItems } from '../shared/item-collector';
import { idAt } from '../shared/json-reader';
import { verifyWebhook } from './webhook-signature';
import { normaliseWebhookItem, WEBHOOK_CHANNEL } from './webhook.normaliser';

/**
 * Generic signed JSON webhook for tools that have no connector here (a review-site scraper, another
 * monitoring service). Push only, no outbound. Schema and signing: README.md in this folder.
 * Credentials: `signingSecret`, optionally `previousSigningSecret` while a rotation is under way.
 */
export const WEBHOOK_CAPABILITIES: ConnectorCapabilities = { poll: false, push: true, publicReply: false, privateMessage: false, replyMaxLength: null };

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
export const MAX_WEBHOOK_ITEMS = 500;

export class WebhookConnector implements Connector {
  readonly channel = WEBHOOK_CHANNEL;
  readonly capabilities = WEBHOOK_CAPABILITIES;

  constructor(private readonly http: HttpContext) {}

  async receive(request: PushRequest): Promise<PushResult> {
    const { credentials, sourceId } = request.source;
    const secrets = [credentials['signingSecret'], credentials['previousSigningSecret']].filter((s): s is string => typeof s === 'string' && s !== '');
    if (secrets.length === 0) throw new ConnectorError('auth_revoked', 'webhook: the source has no signingSecret configured');
    if (request.rawBody.length > MAX_WEBHOOK_BODY_BYTES) throw new ConnectorError('bad_request', `webhook: body over ${MAX_WEBHOOK_BODY_BYTES} bytes`);
    // Verify before parsing: nothing from an unsigned body is trusted, not even its JSON.
    verifyWebhook(request.headers, request.rawBody, secrets, this.http.clock.now());
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      throw new ConnectorError('bad_request', 'webhook: body is not JSON');
    }
    const items = Array.isArray(body) ? body : [body];
    if (items.length > MAX_WEBHOOK_ITEMS) throw new ConnectorError('bad_request', `webhook: ${items.length} items, at most ${MAX_WEBHOOK_ITEMS} per delivery`);
    const collected = collectItems(
      items,
      (item) => normaliseWebhookItem(item, sourceId),
      (item) => {
        const id = idAt(item, 'id');
        return id !== null ? `${sourceId}:${id}` : null;
      },
    );
    return { ...collected, responseBody: null };
  }
}
