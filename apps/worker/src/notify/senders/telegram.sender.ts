/**
 * Telegram Bot API sendMessage. Plain text (no parse_mode): a post quoting `<b>` or `*` must not break the
 * message. The base URL is configurable so tests (or a local Bot API server) can stand in for api.telegram.org.
 */
import { DeliveryError, redactSecrets } from '../delivery-error';
import { postJson } from '../http-post';
import type { ChannelSender } from './channel-sender';

export const TELEGRAM_API_URL = 'https://api.telegram.org';
const MAX_TEXT = 4096;

export const sendTelegram: ChannelSender = async (config, alert, { fetch }) => {
  const base = (config.apiBaseUrl ?? TELEGRAM_API_URL).replace(/\/+$/, '');
  const text = alert.message.text.length <= MAX_TEXT ? alert.message.text : `${alert.message.text.slice(0, MAX_TEXT - 1)}…`;
  const body = JSON.stringify({ chat_id: config.chatId, text, disable_web_page_preview: true });
  try {
    const result = await postJson(fetch, `${base}/bot${config.botToken}/sendMessage`, body, {}, 'telegram sendMessage');
    let parsed: { ok?: boolean; description?: string; result?: { message_id?: number } } = {};
    try {
      parsed = JSON.parse(result.body);
    } catch {
      throw new DeliveryError('transient', 'telegram sendMessage: the answer is not JSON');
    }
    if (parsed.ok !== true) throw new DeliveryError('permanent', `telegram sendMessage: ${parsed.description ?? 'ok is not true'}`);
    return { detail: `message ${parsed.result?.message_id ?? '?'}` };
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    // Telegram says how long to wait in the body (parameters.retry_after), not always in a header.
    const retryAfter = /"retry_after"\s*:\s*(\d+)/.exec(error.message)?.[1];
    const message = redactSecrets(error.message, [config.botToken]);
    throw new DeliveryError(error.kind, message, retryAfter ? Number(retryAfter) * 1000 : error.retryAfterMs);
  }
};
