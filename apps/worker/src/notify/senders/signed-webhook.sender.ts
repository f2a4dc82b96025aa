/**
 * A generic webhook for the customer's own systems: the alert as JSON, signed like our inbound webhooks
 * (HMAC-SHA256 over `<timestamp>.<body>`), with a delivery id the receiver can deduplicate on.
 */
import { signWebhook } from '@otklik/connectors';
import { postJson } from '../http-post';
import type { ChannelSender } from './channel-sender';

export const sendSignedWebhook: ChannelSender = async (config, alert, { fetch }) => {
  const body = JSON.stringify({ type: 'alert', deliveryId: alert.deliveryId, ...alert.payload, message: { title: alert.message.title, text: alert.message.text, language: alert.message.language } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const result = await postJson(
    fetch,
    config.url,
    body,
    {
      'X-Otklik-Timestamp': timestamp,
      'X-Otklik-Signature': signWebhook(config.secret, timestamp, Buffer.from(body, 'utf8')),
      'X-Otklik-Delivery': alert.deliveryId,
      'X-Otklik-Event': 'alert',
    },
    'webhook',
  );
  return { detail: `HTTP ${result.status}` };
};
