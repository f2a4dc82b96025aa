import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChannelKind, readNotificationChannel } from '../api/normalise';
import { createHarness, type Call } from '../test/test-harness';
import { ChannelForm } from './channel-form.component';

afterEach(cleanup);

/** As GET /api/notification-channels/kinds answers (apps/worker notification-channel.config.ts). */
const KINDS = [
  {
    kind: 'mattermost',
    fields: [
      { name: 'url', type: 'url', required: true, secret: true },
      { name: 'channel', type: 'text', required: false, secret: false },
      { name: 'username', type: 'text', required: false, secret: false },
    ],
  },
  {
    kind: 'webhook',
    fields: [
      { name: 'url', type: 'url', required: true, secret: false },
      { name: 'secret', type: 'text', required: true, secret: true },
    ],
  },
].map(readChannelKind);

const STORED = readNotificationChannel({
  id: 'cccccccc-0000-4000-8000-000000000001',
  kind: 'mattermost',
  name: 'Duty',
  enabled: true,
  routes: { minLevel: 'warning' },
  settings: { channel: 'duty', username: 'otklik' },
  secrets: { url: true },
  lastDelivery: null,
});

const control = (name: string) =>
  screen.getByLabelText(new RegExp(`^${name}( |$)`), { selector: 'input, select, textarea' }) as HTMLInputElement;

describe('ChannelForm', () => {
  it('asks for the settings of the chosen kind and sends them with the routing', async () => {
    const saved = vi.fn();
    const harness = createHarness((call: Call) =>
      call.method === 'POST'
        ? { status: 201, body: { id: 'c-2', kind: 'webhook', name: 'CRM', enabled: true, settings: {}, secrets: {} } }
        : undefined,
    );
    harness.render(<ChannelForm kinds={KINDS} channel={null} onSaved={saved} onCancel={() => undefined} />);
    fireEvent.change(control('Kind'), { target: { value: 'webhook' } });
    expect(screen.queryByLabelText(/^Sender name/)).toBeNull();
    const secret = control('Signing secret');
    expect(secret.type).toBe('password');
    expect(secret.required).toBe(true);
    fireEvent.change(control('Name'), { target: { value: 'CRM' } });
    fireEvent.change(control('URL'), { target: { value: 'https://crm.example/hooks/otklik' } });
    fireEvent.change(secret, { target: { value: 'whsec-1' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'A possible incident' }));
    fireEvent.change(control('Lowest level'), { target: { value: 'critical' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add a channel' })));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(harness.calls.find((call) => call.method === 'POST')).toMatchObject({
      path: '/api/notification-channels',
      body: {
        kind: 'webhook',
        name: 'CRM',
        enabled: true,
        config: { url: 'https://crm.example/hooks/otklik', secret: 'whsec-1' },
        routes: { kinds: ['incident'], minLevel: 'critical' },
      },
    });
  });

  it('shows the api’s reason at the setting it names', async () => {
    const harness = createHarness((call: Call) =>
      call.method === 'POST'
        ? {
            status: 400,
            body: {
              type: 'urn:otklik:problem:validation',
              title: 'Bad request',
              status: 400,
              detail: 'config.url: must be an http(s) URL',
              errors: [{ field: 'config.url', reason: 'must be an http(s) URL' }],
            },
          }
        : undefined,
    );
    harness.render(<ChannelForm kinds={KINDS} channel={null} onSaved={() => undefined} onCancel={() => undefined} />);
    fireEvent.change(control('Name'), { target: { value: 'Duty' } });
    await act(async () => fireEvent.submit(screen.getByRole('button', { name: 'Add a channel' }).closest('form')!));
    const url = control('URL');
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(
      url
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toContain('must be an http(s) URL');
    expect(control('Channel').getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps a stored secret unless a new one is typed, and clears an emptied optional setting', async () => {
    const harness = createHarness((call: Call) => (call.method === 'PATCH' ? { body: { ...STORED } } : undefined));
    const saved = vi.fn();
    harness.render(<ChannelForm kinds={KINDS} channel={STORED} onSaved={saved} onCancel={() => undefined} />);
    const url = control('URL');
    expect(url.type).toBe('password');
    expect(url.value).toBe('');
    expect(url.required).toBe(false);
    expect(within(url.closest('.field')!).getByText('set')).toBeTruthy();
    expect(control('Channel').value).toBe('duty');
    expect(control('Lowest level').value).toBe('warning');
    fireEvent.change(control('Sender name'), { target: { value: '' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(harness.calls.at(-1)).toMatchObject({
      method: 'PATCH',
      path: `/api/notification-channels/${STORED.id}`,
      body: { name: 'Duty', enabled: true, config: { channel: 'duty', username: null }, routes: { minLevel: 'warning' } },
    });
    expect(JSON.stringify(harness.calls.at(-1)?.body)).not.toContain('"url"');
  });
});
