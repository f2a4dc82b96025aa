/**
 * E-mail over SMTP (nodemailer). SMTP's own classes decide the retry: 4xx is "try later", 5xx is final;
 * connection trouble is transient, a refused login is not. The server is reached at an address the outbound guard
 * checked (never a private one unless allowed), named by its host only for TLS (SNI and the certificate check).
 */
import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import { OutboundRefusedError } from '@otklik/connectors';
import { DeliveryError } from '../delivery-error';
import { DELIVERY_TIMEOUT_MS } from '../http-post';
import type { ChannelSender, Outbound } from './channel-sender';

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

export function classifySmtpError(error: SmtpError): DeliveryError {
  const reason = `smtp: ${(error.response ?? error.message ?? 'failed').replace(/\s+/g, ' ').slice(0, 200)}`;
  if (typeof error.responseCode === 'number') {
    return new DeliveryError(error.responseCode >= 500 ? 'permanent' : 'transient', reason);
  }
  if (error.code === 'EAUTH' || error.code === 'EENVELOPE' || error.code === 'EMESSAGE') return new DeliveryError('permanent', reason);
  return new DeliveryError('transient', reason);
}

/** The checked address of the SMTP server; a refusal is final (the configured host is the problem). */
async function serverAddress(outbound: Outbound, host: string): Promise<string> {
  try {
    return await outbound.address(host);
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw new DeliveryError('permanent', `smtp: ${host} ${error.reason}`);
    throw new DeliveryError('transient', `smtp: ${host} does not resolve (${(error as { code?: string }).code ?? (error as Error).message})`);
  }
}

export const sendEmail: ChannelSender = async (config, alert, outbound) => {
  const port = config.port ? Number(config.port) : config.secure === 'true' ? 465 : 587;
  const transport = createTransport({
    host: await serverAddress(outbound, config.host!),
    // The name the certificate must carry (an address configured as the host has none to check).
    servername: isIP(config.host!) ? undefined : config.host,
    port,
    secure: config.secure === 'true',
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    connectionTimeout: DELIVERY_TIMEOUT_MS,
    greetingTimeout: DELIVERY_TIMEOUT_MS,
    socketTimeout: DELIVERY_TIMEOUT_MS,
  });
  const to = [...new Set([...config.to.split(','), ...(config.notifyRecipients === 'true' ? alert.extraRecipients : [])])];
  try {
    const info = await transport.sendMail({
      from: config.from,
      to,
      subject: alert.message.title,
      text: alert.message.lines.join('\n'),
      headers: { 'X-Otklik-Delivery': alert.deliveryId },
    });
    return { detail: `accepted by ${info.accepted.length} of ${to.length}: ${String(info.response ?? '').slice(0, 120)}` };
  } catch (error) {
    throw classifySmtpError(error as SmtpError);
  } finally {
    transport.close();
  }
};
