import { redactSecrets } from './delivery-error';
import { retryAfterMs } from './http-post';
import { classifySmtpError } from './senders/email.sender';

describe('delivery failures', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  it('classifies SMTP answers by their class: 4xx later, 5xx never', () => {
    expect(classifySmtpError({ responseCode: 451, response: '451 try later' }).kind).toBe('transient');
    expect(classifySmtpError({ responseCode: 550, response: '550 no such user' }).kind).toBe('permanent');
    expect(classifySmtpError({ code: 'EAUTH', message: 'Invalid login' }).kind).toBe('permanent');
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).kind).toBe('transient');
  });

  it('never leaves a secret in a message', () => {
    expect(redactSecrets('POST https://api.telegram.org/bot123:ABCDEF/sendMessage failed', ['123:ABCDEF'])).toBe('POST https://api.telegram.org/bot***/sendMessage failed');
  });
});
