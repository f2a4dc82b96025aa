import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readMentionDetail } from '../api/normalise';
import { detail } from '../test/fixtures';
import { createHarness, type Call } from '../test/test-harness';
import { Composer } from './composer.component';

const PHONE_DRAFT = 'We are sorry! We will call you at +7 912 345-67-89 today.';
const PHONE = '+7 912 345-67-89';

/** The reply policy as the api would answer, decided by the draft: a phone blocks, "sorry" alone warns. */
function policy(call: Call) {
  if (call.path.endsWith('/replies/check')) {
    const { body } = call.body as { body: string };
    const violations = [];
    const phone = body.indexOf(PHONE);
    if (phone >= 0) {
      violations.push({
        rule: 'pii_echo',
        level: 'block',
        spans: [{ start: phone, end: phone + PHONE.length }],
        message: 'Repeats the phone number in public.',
      });
    }
    const sorry = body.indexOf('sorry');
    if (sorry >= 0)
      violations.push({
        rule: 'vague_apology',
        level: 'warn',
        spans: [{ start: sorry, end: sorry + 5 }],
        message: 'Say what you apologise for.',
      });
    if (!body.includes('message'))
      violations.push({ rule: 'no_private_path', level: 'warn', spans: [], message: 'Offer a private channel.' });
    const verdict = violations.some((v) => v.level === 'block') ? 'block' : violations.length ? 'warn' : 'ok';
    return { body: { verdict, violations, channel: { name: 'x', publicReply: true, privateMessage: true, replyMaxLength: 280 } } };
  }
  if (call.path.endsWith('/replies') && call.method === 'POST') {
    return {
      status: 201,
      body: {
        id: 'r-1',
        body: (call.body as { body: string }).body,
        visibility: 'public',
        status: 'queued',
        createdAt: new Date().toISOString(),
      },
    };
  }
  return undefined;
}

function type(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Reply text' }), { target: { value: text } });
}

function sendButton(): HTMLButtonElement {
  return screen.getByRole('button', { name: 'Send publicly' }) as HTMLButtonElement;
}

afterEach(cleanup);

describe('Composer', () => {
  it('underlines exactly the spans the check returns and disables Send on a block', async () => {
    const harness = createHarness(policy);
    harness.render(<Composer mention={readMentionDetail(detail('7'))} role="agent" checkDelayMs={0} />);
    type(PHONE_DRAFT);
    await screen.findByText('Blocks: 1 · warnings: 2');
    const overlay = screen.getByTestId('composer-overlay');
    const blocked = overlay.querySelector('mark.violation-block');
    expect(blocked?.textContent).toBe(PHONE);
    expect(blocked?.getAttribute('data-rules')).toBe('pii_echo');
    expect(overlay.querySelector('mark.violation-warn')?.textContent).toBe('sorry');
    // The overlay reproduces the draft character for character, so the marks sit under the right text.
    expect(overlay.textContent?.replace('\u200b', '')).toBe(PHONE_DRAFT);
    expect(sendButton().disabled).toBe(true);
    expect(screen.getByText(/Fix the underlined text to send/)).toBeTruthy();
    // The explanation is reachable without a mouse: "Show in text" selects the span and explains it.
    const block = screen.getByRole('list', { name: 'What the check found' }).querySelector('[data-rule="pii_echo"]') as HTMLElement;
    fireEvent.click(within(block).getByRole('button', { name: 'Show in text' }));
    const textarea = screen.getByRole('textbox', { name: 'Reply text' }) as HTMLTextAreaElement;
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).toBe(PHONE);
    expect(document.querySelector('.violation-explanation')?.textContent).toContain('Repeats the phone number in public.');
    // No override for an agent.
    expect(screen.queryByRole('checkbox', { name: /Override the block/ })).toBeNull();
  });

  it('needs a tick for each warning before Send, and sends the ticked rule ids', async () => {
    const harness = createHarness(policy);
    harness.render(<Composer mention={readMentionDetail(detail('8'))} role="agent" checkDelayMs={0} />);
    type('We are sorry about the double charge on Monday.');
    await screen.findByText('Blocks: 0 · warnings: 2');
    expect(document.querySelector('mark.violation-block')).toBeNull();
    expect(sendButton().disabled).toBe(true);
    const ticks = screen.getAllByRole('checkbox', { name: 'I have read this; send anyway' });
    expect(ticks).toHaveLength(2);
    fireEvent.click(ticks[0]);
    expect(sendButton().disabled).toBe(true);
    fireEvent.click(ticks[1]);
    expect(sendButton().disabled).toBe(false);
    await act(async () => {
      fireEvent.click(sendButton());
    });
    const sent = harness.calls.find((call) => call.method === 'POST' && call.path === '/api/mentions/8/replies');
    expect(sent?.body).toEqual({
      body: 'We are sorry about the double charge on Monday.',
      visibility: 'public',
      acknowledged: ['vague_apology', 'no_private_path'],
    });
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Reply text' }) as HTMLTextAreaElement).value).toBe(''));
  });

  it('lets a lead override a block only with a reason, and keeps Send off while the text is unchecked', async () => {
    const harness = createHarness(policy, { role: 'lead' });
    harness.render(<Composer mention={readMentionDetail(detail('9'))} role="lead" checkDelayMs={0} />);
    type('Call us at +7 912 345-67-89, we will fix it. Write us a message.');
    await screen.findByText('Blocks: 1 · warnings: 0');
    expect(sendButton().disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /Override the block/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /Reason for the override/ }), { target: { value: 'short' } });
    expect(sendButton().disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /Reason for the override/ }), {
      target: { value: 'The customer asked us to confirm the number publicly' },
    });
    expect(sendButton().disabled).toBe(false);
    expect(screen.getByText(/280/)).toBeTruthy();
  });
});
