/**
 * Slack and Mattermost incoming webhooks. Both take `{text}`; Slack lays out `blocks`, Mattermost
 * `attachments` (it also honours a channel and a username override when the hook allows it).
 */
import { postJson } from '../http-post';
import type { ChannelSender } from './channel-sender';

/** Slack mrkdwn treats &, < and > as markup: a post quoting "<script>" must stay text. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const sendSlack: ChannelSender = async (config, alert, { fetch }) => {
  const { message } = alert;
  const body = JSON.stringify({
    text: clip(message.text, 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(message.title, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(escapeSlack(message.lines.join('\n')) || ' ', 3000) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `otklik alert ${alert.payload.alertId as string}` }] },
    ],
  });
  const result = await postJson(fetch, config.url, body, {}, 'slack webhook');
  return { detail: `HTTP ${result.status}` };
};

export const sendMattermost: ChannelSender = async (config, alert, { fetch }) => {
  const { message } = alert;
  const body = JSON.stringify({
    text: message.title,
    ...(config.channel ? { channel: config.channel } : {}),
    ...(config.username ? { username: config.username } : {}),
    attachments: [{ fallback: clip(message.text, 3000), color: message.color, title: message.title, text: clip(message.lines.join('\n'), 7000) }],
  });
  const result = await postJson(fetch, config.url, body, {}, 'mattermost webhook');
  return { detail: `HTTP ${result.status}` };
};
