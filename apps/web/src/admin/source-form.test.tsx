import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChannelSpec, readSource } from '../api/normalise';
import { createHarness, type Call } from '../test/test-harness';
import { SourceForm } from './source-form.component';

afterEach(cleanup);

/** As GET /api/sources/capabilities answers (apps/api channel-requirements.ts sourceFields). */
const CAPABILITIES = [
  {
    channel: 'rss',
    capabilities: { poll: true, push: false, publicReply: false, privateMessage: false, replyMaxLength: null },
    fields: {
      options: [
        { name: 'feedUrl', type: 'url', secret: false, required: false, oneOf: ['feedUrl', 'baseUrl'] },
        { name: 'origin', type: 'choice', values: ['search', 'owned'], secret: false, required: false },
        { name: 'baseUrl', type: 'url', secret: false, required: false, oneOf: ['feedUrl', 'baseUrl'] },
      ],
      credentials: [{ name: 'authorization', type: 'text', secret: true, required: false }],
    },
  },
  {
    channel: 'webhook',
    capabilities: { poll: false, push: true, publicReply: false, privateMessage: false, replyMaxLength: null },
    fields: {
      options: [{ name: 'requestTimeoutMs', type: 'number', secret: false, required: false }],
      credentials: [
        { name: 'signingSecret', type: 'text', secret: true, required: true },
        { name: 'previousSigningSecret', type: 'text', secret: true, required: false },
      ],
    },
  },
  {
    channel: 'mastodon',
    capabilities: { poll: true, push: false, publicReply: true, privateMessage: true, replyMaxLength: 500 },
    fields: {
      options: [
        { name: 'baseUrl', type: 'url', secret: false, required: true },
        { name: 'hashtags', type: 'list', secret: false, required: false },
        { name: 'mentions', type: 'boolean', secret: false, required: false },
      ],
      credentials: [{ name: 'accessToken', type: 'text', secret: true, required: true }],
    },
  },
].map(readChannelSpec);

const STORED = readSource({
  id: 'aaaaaaaa-0000-4000-8000-00000000000a',
  channel: 'webhook',
  name: 'Reviews',
  brand: { id: 'b-1', name: 'Acme', aliases: ['Акме'], exclusions: [] },
  options: {},
  credentialsSet: ['previousSigningSecret', 'signingSecret'],
  enabled: true,
  pollIntervalMs: 3_600_000,
  health: 'ok',
});

/** A control by its label; a plain string matches the start (labels end with the api's field name). */
const field = (name: RegExp | string) =>
  screen.getByLabelText(typeof name === 'string' ? new RegExp(`^${name.replace(/[()]/g, '\\$&')}( |$)`) : name, {
    selector: 'input, select, textarea',
  }) as HTMLInputElement;

describe('SourceForm', () => {
  it('asks for the fields the chosen channel takes, secrets as password boxes, and sends them', async () => {
    const saved = vi.fn();
    const harness = createHarness((call: Call) =>
      call.method === 'POST' && call.path === '/api/sources'
        ? { status: 201, body: { id: 's-1', channel: 'mastodon', name: 'Mastodon', credentialsSet: ['accessToken'], options: {} } }
        : undefined,
    );
    harness.render(<SourceForm channels={CAPABILITIES} source={null} onSaved={saved} onCancel={() => undefined} />);
    // RSS first: its feed URL is needed unless the base URL is given, and its one secret is optional.
    expect(screen.getByText('Required unless baseUrl is set')).toBeTruthy();
    expect(field('Authorization header').type).toBe('password');
    expect(field('Authorization header').required).toBe(false);

    fireEvent.change(field('Channel'), { target: { value: 'mastodon' } });
    expect(screen.queryByLabelText('Feed URL', { exact: false })).toBeNull();
    const token = field('Access token');
    expect(token.type).toBe('password');
    expect(token.required).toBe(true);
    expect(token.value).toBe('');
    fireEvent.change(field('Name'), { target: { value: 'Mastodon #acme' } });
    fireEvent.change(field('Brand name'), { target: { value: 'Acme' } });
    fireEvent.change(field(/^Other names/), { target: { value: 'Акме\nacme.ru\n' } });
    fireEvent.change(field('API address'), { target: { value: 'https://mastodon.example' } });
    fireEvent.change(field('Hashtags'), { target: { value: 'acme\nакме' } });
    fireEvent.change(field('Mentions of the account'), { target: { value: 'false' } });
    fireEvent.change(token, { target: { value: 'tok-123' } });
    fireEvent.change(field('Poll every (seconds)'), { target: { value: '90' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Connect a source' })));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(harness.calls.find((call) => call.method === 'POST')?.body).toEqual({
      channel: 'mastodon',
      name: 'Mastodon #acme',
      brand: { name: 'Acme', aliases: ['Акме', 'acme.ru'], exclusions: [] },
      options: { baseUrl: 'https://mastodon.example', hashtags: ['acme', 'акме'], mentions: false },
      credentials: { accessToken: 'tok-123' },
      pollIntervalMs: 90_000,
    });
    expect(saved.mock.calls[0]![1]).toBe(true);
  });

  it('reads a secret the api marks as a file (a Google service account key) from the file, line breaks kept', async () => {
    const googlePlay = readChannelSpec({
      channel: 'googleplay',
      capabilities: { poll: true, push: false, publicReply: true, privateMessage: false, replyMaxLength: 350 },
      fields: {
        options: [{ name: 'packageName', type: 'text', secret: false, required: true }],
        credentials: [
          { name: 'serviceAccountKey', type: 'text', secret: true, required: false, oneOf: ['serviceAccountKey', 'accessToken'], fromFile: '.json,application/json' },
          { name: 'accessToken', type: 'text', secret: true, required: false, oneOf: ['serviceAccountKey', 'accessToken'] },
        ],
      },
    });
    const harness = createHarness((call: Call) =>
      call.method === 'POST' ? { status: 201, body: { id: 's-2', channel: 'googleplay', name: 'Play', credentialsSet: ['serviceAccountKey'], options: {} } } : undefined,
    );
    const saved = vi.fn();
    harness.render(<SourceForm channels={[googlePlay]} source={null} onSaved={saved} onCancel={() => undefined} />);
    // Only the field the api marks offers a file.
    const pickers = document.querySelectorAll<HTMLInputElement>('input[type="file"]');
    expect(pickers).toHaveLength(1);
    expect(pickers[0]!.accept).toBe('.json,application/json');
    const key = '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n"\n}\n';
    const file = new File([key], 'acme-play-key.json', { type: 'application/json' });
    await act(async () => fireEvent.change(pickers[0]!, { target: { files: [file] } }));
    await waitFor(() => expect(screen.getByText(/Read from acme-play-key\.json/)).toBeTruthy());
    fireEvent.change(field('Name'), { target: { value: 'Play reviews' } });
    fireEvent.change(field('Brand name'), { target: { value: 'Acme' } });
    fireEvent.change(field('Package name'), { target: { value: 'com.acme.app' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Connect a source' })));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    const body = harness.calls.find((call) => call.method === 'POST')?.body as { credentials: Record<string, string> };
    expect(body.credentials).toEqual({ serviceAccountKey: key });
  });

  it('shows the api’s reasons at the fields they name, and the rest at the form', async () => {
    const harness = createHarness((call: Call) =>
      call.method === 'POST'
        ? {
            status: 400,
            body: {
              type: 'urn:otklik:problem:validation',
              title: 'Bad request',
              status: 400,
              detail: 'options.feedUrl: must be an http(s) URL; credentials.authorization: must be a non-empty string',
              errors: [
                { field: 'options.feedUrl', reason: 'must be an http(s) URL' },
                { field: 'brandId', reason: 'a source watches a brand' },
              ],
            },
          }
        : undefined,
    );
    harness.render(<SourceForm channels={CAPABILITIES} source={null} onSaved={() => undefined} onCancel={() => undefined} />);
    fireEvent.change(field('Name'), { target: { value: 'Feed' } });
    fireEvent.change(field('Feed URL'), { target: { value: 'ftp://example.com/feed' } });
    await act(async () => fireEvent.submit(screen.getByRole('button', { name: 'Connect a source' }).closest('form')!));
    const feed = field('Feed URL');
    await waitFor(() => expect(feed.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(feed.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(described?.textContent).toBe('must be an http(s) URL');
    expect(field('Brand name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Some fields need fixing: see the messages next to them.');
  });

  it('never shows a stored secret: it reads “set”, an empty box keeps it, a typed one replaces it and keeps the others', async () => {
    const harness = createHarness((call: Call) => (call.method === 'PATCH' ? { body: { ...STORED, name: 'Reviews' } } : undefined));
    const saved = vi.fn();
    harness.render(<SourceForm channels={CAPABILITIES} source={STORED} onSaved={saved} onCancel={() => undefined} />);
    expect(screen.queryByLabelText('Channel')).toBeNull();
    const signing = field(/^Signing secret/);
    expect(signing.value).toBe('');
    expect(signing.required).toBe(false);
    expect(signing.placeholder).toBe('Leave empty to keep the stored value');
    expect(within(signing.closest('.field')!).getByText('set')).toBeTruthy();

    // Nothing typed: the secrets are not sent at all.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
    expect(harness.calls.at(-1)?.body).toEqual({ name: 'Reviews', options: {} });

    fireEvent.change(signing, { target: { value: 'rotated-secret' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(saved).toHaveBeenCalledTimes(2));
    expect(harness.calls.at(-1)).toMatchObject({
      method: 'PATCH',
      path: `/api/sources/${STORED.id}`,
      body: { credentials: { signingSecret: 'rotated-secret' }, keepCredentials: ['previousSigningSecret'] },
    });
  });
});
