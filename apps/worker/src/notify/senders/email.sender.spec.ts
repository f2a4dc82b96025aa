/**
 * The e-mail sender reaches its SMTP server only at an address the outbound guard checked: a server in the
 * deployment's own network is refused before any connection (a final failure, naming the host and the setting),
 * unless its range is allowed. A real SMTP server on 127.0.0.1 counts the connections.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { OutboundGuard } from '@otklik/connectors';
import { LOOPBACK_RANGES } from '../../../../../libs/connectors/src/testing/loopback-outbound';
import { DeliveryError } from '../delivery-error';
import type { OutgoingAlert } from './channel-sender';
import { sendEmail } from './email.sender';

const alert: OutgoingAlert = {
  message: { title: 'Escalating thread', lines: ['3 new authors in 10 minutes'] } as OutgoingAlert['message'],
  payload: {},
  deliveryId: 'delivery-1',
  extraRecipients: [],
};

describe('e-mail sender and the outbound guard', () => {
  let server: SMTPServer;
  let port: number;
  let connections = 0;
  const received: string[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const config = () => ({ host: '127.0.0.1', port: String(port), secure: 'false', from: 'alerts@example.com', to: 'duty@example.com' });

  it('refuses a server on a private address before connecting, as a final failure', async () => {
    const before = connections;
    const error = await sendEmail(config(), alert, new OutboundGuard()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).kind).toBe('permanent');
    expect((error as DeliveryError).message).toBe('smtp: 127.0.0.1 is a loopback address (127.0.0.1); allow it with OTKLIK_OUTBOUND_ALLOW');
    expect(connections).toBe(before);
  });

  it('refuses a host name that resolves into the network', async () => {
    const guard = new OutboundGuard([], async () => [{ address: '127.0.0.1', family: 4 }]);
    const error = (await sendEmail({ ...config(), host: 'mail.example.com' }, alert, guard).catch((caught: unknown) => caught)) as DeliveryError;
    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(/^smtp: mail\.example\.com resolves to a loopback address \(127\.0\.0\.1\)/);
  });

  it('delivers when the range is allowed, connecting to the address the guard resolved', async () => {
    const resolved: string[] = [];
    const guard = new OutboundGuard(LOOPBACK_RANGES, async (name) => {
      resolved.push(name);
      return [{ address: '127.0.0.1', family: 4 }];
    });
    const receipt = await sendEmail({ ...config(), host: 'mail.example.com' }, alert, guard);
    expect(receipt.detail).toMatch(/^accepted by 1 of 1/);
    expect(resolved).toEqual(['mail.example.com']);
    expect(received.at(-1)).toContain('Subject: Escalating thread');
  });
});
