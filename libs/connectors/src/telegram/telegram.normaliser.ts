import type { AuthorInfo } from '@otklik/domain';
import type { NormalisedMention } from '../connector';
import { epochSecondsToIso, idAt, isObject, MalformedItemError, numberAt, objectAt, stringAt, type JsonObject } from '../shared/json-reader';

export const TELEGRAM_CHANNEL = 'telegram';

/**
 * External ids are `<chat id>:<message id>` (message ids are per chat). Threads: a discussion-group or
 * forum thread is `<chat>:<message_thread_id>`, a plain reply chain is rooted at the message replied to,
 * a private chat is `<chat>:dm` (one conversation per user).
 */
export const telegramIds = {
  message: (chat: string, message: string) => `${chat}:${message}`,
  dialog: (chat: string) => `${chat}:dm`,
};

export function parseTelegramExternalId(externalId: string): { chat: string; message: string } | null {
  const match = /^(-?\d+):(\d+)$/.exec(externalId);
  return match ? { chat: match[1]!, message: match[2]! } : null;
}

/** The message-bearing kinds of Update we ask for; reactions and member changes carry no text to answer. */
export const TELEGRAM_MESSAGE_UPDATES = ['message', 'edited_message', 'channel_post', 'edited_channel_post'] as const;

export interface TelegramNormaliseContext {
  /** Chats where every message is for the brand (its channel's discussion group, its support group). */
  ownedChatIds: ReadonlySet<string>;
}

export function updateMessage(update: unknown): { kind: string; message: JsonObject } | null {
  for (const kind of TELEGRAM_MESSAGE_UPDATES) {
    const message = objectAt(update, kind);
    if (message) return { kind, message };
  }
  return null;
}

export function messageUrl(chat: JsonObject, messageId: string): string | null {
  const username = stringAt(chat, 'username');
  if (username) return `https://t.me/${username}/${messageId}`;
  const chatId = idAt(chat, 'id') ?? '';
  const type = stringAt(chat, 'type');
  // Private supergroups and channels have links only for their members, under the id without "-100".
  if ((type === 'supergroup' || type === 'channel') && chatId.startsWith('-100')) return `https://t.me/c/${chatId.slice(4)}/${messageId}`;
  return null;
}

function author(message: JsonObject, chatId: string, owned: boolean): AuthorInfo {
  // Anonymous admins and channels speak as a chat (`sender_chat`); `from` is then a placeholder bot.
  const senderChat = objectAt(message, 'sender_chat');
  if (senderChat) {
    const id = idAt(senderChat, 'id') ?? 'unknown';
    return {
      id: `${TELEGRAM_CHANNEL}:${id}`,
      handle: stringAt(senderChat, 'username') ?? stringAt(senderChat, 'title'),
      followers: null,
      accountCreatedAt: null,
      verified: null,
      kind: owned && id === chatId ? 'brand' : null,
    };
  }
  const from = objectAt(message, 'from');
  const id = idAt(from, 'id');
  if (id === null) throw new MalformedItemError('telegram message: no from and no sender_chat');
  // The Bot API exposes neither follower counts, verification nor account age.
  return { id: `${TELEGRAM_CHANNEL}:${id}`, handle: stringAt(from, 'username'), followers: null, accountCreatedAt: null, verified: null, kind: null };
}

/**
 * One Update → a mention, or null for what is not one: reactions, service and text-less messages
 * (stickers, stories), posts of a channel the bot administers and their automatic forwards into the
 * discussion group (the brand's own posts are thread roots, not mentions).
 */
export function normaliseTelegramUpdate(update: unknown, context: TelegramNormaliseContext): NormalisedMention | null {
  if (!isObject(update)) throw new MalformedItemError('telegram update: not an object');
  const found = updateMessage(update);
  if (!found) return null;
  if (found.kind === 'channel_post' || found.kind === 'edited_channel_post') return null;
  const { message } = found;
  if (message['is_automatic_forward'] === true) return null;
  const chat = objectAt(message, 'chat');
  const chatId = idAt(chat, 'id');
  const messageId = idAt(message, 'message_id');
  if (chat === null || chatId === null || messageId === null) throw new MalformedItemError('telegram message: missing chat.id or message_id');
  const externalId = telegramIds.message(chatId, messageId);
  const publishedAt = epochSecondsToIso(numberAt(message, 'date'));
  if (publishedAt === null) throw new MalformedItemError(`telegram message ${externalId}: missing date`);
  const text = (stringAt(message, 'text') ?? stringAt(message, 'caption') ?? '').trim();
  if (text === '') return null;
  const isPrivate = stringAt(chat, 'type') === 'private';
  const owned = isPrivate || context.ownedChatIds.has(chatId);
  const replyTo = objectAt(message, 'reply_to_message');
  const replyToId = idAt(replyTo, 'message_id');
  const threadId = idAt(message, 'message_thread_id') ?? idAt(replyTo, 'message_thread_id') ?? replyToId;
  return {
    externalId,
    channel: TELEGRAM_CHANNEL,
    // `from.language_code` is the user's app language, not the message's: not used as `lang`.
    lang: null,
    publishedAt,
    isPrivate,
    author: author(message, chatId, owned),
    threadExternalId: isPrivate ? telegramIds.dialog(chatId) : threadId !== null ? telegramIds.message(chatId, threadId) : externalId,
    inReplyTo: replyToId !== null ? telegramIds.message(chatId, replyToId) : null,
    brand: null,
    text,
    url: isPrivate ? null : messageUrl(chat, messageId),
    likes: null,
    reposts: null,
    origin: owned ? 'owned' : 'search',
    raw: update,
  };
}
