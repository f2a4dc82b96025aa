import type { NotificationKind } from '../notification-channel.config';
import type { ChannelSender } from './channel-sender';
import { sendMattermost, sendSlack } from './chat-webhook.sender';
import { sendEmail } from './email.sender';
import { sendSignedWebhook } from './signed-webhook.sender';
import { sendTelegram } from './telegram.sender';

export type { ChannelSender, Outbound, OutgoingAlert, SendReceipt } from './channel-sender';

export const CHANNEL_SENDERS: Record<NotificationKind, ChannelSender> = {
  slack: sendSlack,
  mattermost: sendMattermost,
  telegram: sendTelegram,
  email: sendEmail,
  webhook: sendSignedWebhook,
};
