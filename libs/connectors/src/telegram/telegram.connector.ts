import type {
  Connector,
  ConnectorCapabilities,
  FetchRequest,
  FetchResult,
  OutboundMessage,
  PushRequest,
  PushResult,
  SentMessage,
  SourceSettings,
} from '../connector';
import { ConnectorError } from '../connector-error';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import { errorForStatus } from '../shared/http-errors';
import { baseUrlOf, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { collectItems } from '../shared/item-collector';
import { booleanAt, idAt, isObject, numberAt, objectAt, stringAt } from '../shared/json-reader';
import { assertReplyLength } from '../shared/reply-length';
import { redactSecrets, secretsOf } from '../shared/secret-redaction';
import { headerValue, secretsEqual } from '../shared/webhook-secret';
import {
  messageUrl,
  normaliseTelegramUpdate,
  parseTelegramExternalId,
  TELEGRAM_CHANNEL,
  TELEGRAM_MESSAGE_UPDATES,
  telegramIds,
  type TelegramNormaliseContext,
} from './telegram.normaliser';

/**
 * Telegram Bot API: the bot sees only chats it is in (no search): groups, its channel's discussion group,
 * private chats with users who started it. Long polling (`getUpdates`) or webhook, not both.
 *
 * Source options: `ownedChatIds` (chats whose every message is for the brand; private chats always are),
 * `longPollSeconds` (getUpdates `timeout`, default 25), `baseUrl`.
 * Credentials: `botToken`, `webhookSecret` (the `secret_token` given to setWebhook).
 *
 * No `findSent`: the Bot API cannot read chat history, so an attempt whose outcome is unknown cannot be
 * checked; `deliverReply` then refuses to resend rather than risk a duplicate.
 */
export const TELEGRAM_CAPABILITIES: ConnectorCapabilities = {
  poll: true,
  push: true,
  publicReply: true,
  privateMessage: true,
  replyMaxLength: 4096,
};

const DEFAULT_BASE_URL = 'https://api.telegram.org';
const MAX_UPDATES = 100;

interface TelegramCursor {
  v: 1;
  /** The next getUpdates offset: passing it confirms every earlier update to Telegram. */
  offset: number;
}

export class TelegramConnector implements Connector {
  readonly channel = TELEGRAM_CHANNEL;
  readonly capabilities = TELEGRAM_CAPABILITIES;

  constructor(private readonly http: HttpContext) {}

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, signal } = request;
    const cursor = decodeCursor(TELEGRAM_CHANNEL, request.cursor, (value) =>
      value['v'] === 1 && typeof value['offset'] === 'number' ? (value as unknown as TelegramCursor) : null,
    );
    const longPollSeconds = Math.max(0, Math.min(50, numberOption(source.options['longPollSeconds']) ?? 25));
    const wanted = Math.max(1, Math.min(MAX_UPDATES, request.limit));
    const updates = await this.call(
      source,
      'getUpdates',
      { offset: cursor?.offset, limit: wanted, timeout: longPollSeconds, allowed_updates: [...TELEGRAM_MESSAGE_UPDATES] },
      signal,
      longPollSeconds * 1000,
    );
    const items = Array.isArray(updates) ? updates : [];
    const collected = collectItems(items, (update) => normaliseTelegramUpdate(update, contextOf(source)), updateExternalId);
    const lastUpdate = items.reduce<number>((max, update) => Math.max(max, numberAt(update, 'update_id') ?? max), (cursor?.offset ?? 0) - 1);
    const next: TelegramCursor | null = lastUpdate >= 0 ? { v: 1, offset: lastUpdate + 1 } : cursor;
    return { ...collected, cursor: next ? encodeCursor(next) : null, hasMore: items.length >= wanted };
  }

  async receive(request: PushRequest): Promise<PushResult> {
    const expected = request.source.credentials['webhookSecret'];
    if (!expected) throw new ConnectorError('auth_revoked', 'telegram webhook: the source has no webhookSecret configured');
    const received = headerValue(request.headers, 'x-telegram-bot-api-secret-token');
    if (received === undefined || !secretsEqual(received, expected)) {
      throw new ConnectorError('bad_request', 'telegram webhook: X-Telegram-Bot-Api-Secret-Token missing or wrong');
    }
    let update: unknown;
    try {
      update = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      throw new ConnectorError('bad_request', 'telegram webhook: body is not JSON');
    }
    const collected = collectItems([update], (item) => normaliseTelegramUpdate(item, contextOf(request.source)), updateExternalId);
    return { ...collected, responseBody: null };
  }

  async replyPublic(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(TELEGRAM_CHANNEL, message.body, TELEGRAM_CAPABILITIES.replyMaxLength);
    const target = parseTelegramExternalId(message.inReplyTo.externalId);
    if (!target) throw new ConnectorError('bad_request', 'telegram: the mention answered has no chat:message id');
    const replied = objectAt(message.inReplyTo.raw, 'message') ?? objectAt(message.inReplyTo.raw, 'edited_message');
    // Forum topics need the thread id; discussion threads follow the reply by themselves.
    const topic = booleanAt(replied, 'is_topic_message') === true ? idAt(replied, 'message_thread_id') : null;
    const result = await this.call(message.source, 'sendMessage', {
      chat_id: target.chat,
      text: message.body,
      message_thread_id: topic !== null ? Number(topic) : undefined,
      reply_parameters: { message_id: Number(target.message), allow_sending_without_reply: true },
    });
    return sentFrom(result);
  }

  async sendPrivate(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(TELEGRAM_CHANNEL, message.body, TELEGRAM_CAPABILITIES.replyMaxLength);
    const userId = message.inReplyTo.author.id.replace(/^telegram:/, '');
    if (!/^\d+$/.test(userId)) throw new ConnectorError('not_permitted', 'telegram: the author is a chat, not a user; a bot cannot message it');
    const target = parseTelegramExternalId(message.inReplyTo.externalId);
    const inSameChat = target !== null && target.chat === userId;
    const result = await this.call(message.source, 'sendMessage', {
      chat_id: userId,
      text: message.body,
      reply_parameters: inSameChat ? { message_id: Number(target.message), allow_sending_without_reply: true } : undefined,
    });
    return sentFrom(result);
  }

  async testConnection(source: SourceSettings): Promise<{ ok: true; detail: string }> {
    const me = await this.call(source, 'getMe', {});
    return { ok: true, detail: `bot @${stringAt(me, 'username') ?? idAt(me, 'id') ?? 'unknown'}` };
  }

  private async call(source: SourceSettings, method: string, params: Record<string, unknown>, signal?: AbortSignal, extraTimeoutMs = 0): Promise<unknown> {
    const token = source.credentials['botToken'];
    if (!token) throw new ConnectorError('auth_revoked', 'telegram: the source has no botToken');
    const operation = `telegram ${method}`;
    const secrets = secretsOf(source.credentials);
    const body = JSON.stringify(Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)));
    const reply = await sendHttp(this.http, {
      method: 'POST',
      // The token is part of the path; the URL never goes into messages.
      url: urlFor(baseUrlOf(source.options, DEFAULT_BASE_URL), `/bot${token}/${method}`),
      headers: { 'content-type': 'application/json' },
      body,
      signal,
      timeoutMs: this.http.timeoutMs + extraTimeoutMs,
      operation,
      secrets,
    });
    let envelope: unknown = null;
    try {
      envelope = reply.json();
    } catch (error) {
      if (reply.status === 200) throw error;
    }
    if (reply.status === 200 && isObject(envelope) && envelope['ok'] === true) return envelope['result'];
    throw telegramError(operation, reply.status, envelope, secrets);
  }
}

function telegramError(operation: string, status: number, envelope: unknown, secrets: string[]): ConnectorError {
  const code = numberAt(envelope, 'error_code') ?? status;
  const description = redactSecrets(stringAt(envelope, 'description') ?? '', secrets) || null;
  const parameters = objectAt(envelope, 'parameters');
  const retryAfter = numberAt(parameters, 'retry_after');
  const context = { operation, status: code, platformMessage: description, platformCode: code };
  if (code === 429) return errorForStatus({ ...context, retryAfterMs: retryAfter !== null ? retryAfter * 1000 : null }, 'rate_limited');
  // A wrong token answers 404 on every method: the token is the problem, not the method.
  if (code === 401 || (code === 404 && /not found/i.test(description ?? ''))) return errorForStatus(context, 'auth_revoked');
  if (code === 403) return errorForStatus(context, 'not_permitted');
  if (code === 409) {
    // A webhook is set (needs an operator), or another poller overlaps during a deploy (passes by itself).
    return errorForStatus(context, /webhook/i.test(description ?? '') ? 'auth_revoked' : 'transient');
  }
  const migrateTo = idAt(parameters, 'migrate_to_chat_id');
  if (migrateTo !== null) {
    return new ConnectorError('bad_request', `${operation}: HTTP ${code} ${description ?? ''} (the chat is now ${migrateTo})`, { status: code, platformCode: code });
  }
  return errorForStatus(context);
}

function sentFrom(result: unknown): SentMessage {
  const chat = objectAt(result, 'chat');
  const chatId = idAt(chat, 'id');
  const messageId = idAt(result, 'message_id');
  if (chat === null || chatId === null || messageId === null) throw new ConnectorError('transient', 'telegram sendMessage: no message in the answer');
  return { platformId: telegramIds.message(chatId, messageId), url: stringAt(chat, 'type') === 'private' ? null : messageUrl(chat, messageId) };
}

function contextOf(source: SourceSettings): TelegramNormaliseContext {
  const raw = source.options['ownedChatIds'];
  const ids = Array.isArray(raw) ? raw.map((id) => String(id).trim()) : [];
  return { ownedChatIds: new Set(ids) };
}

function updateExternalId(update: unknown): string | null {
  for (const kind of TELEGRAM_MESSAGE_UPDATES) {
    const message = objectAt(update, kind);
    const chat = idAt(objectAt(message, 'chat'), 'id');
    const id = idAt(message, 'message_id');
    if (chat !== null && id !== null) return telegramIds.message(chat, id);
  }
  const updateId = idAt(update, 'update_id');
  return updateId !== null ? `update:${updateId}` : null;
}

function numberOption(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

