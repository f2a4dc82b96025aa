import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readIncident } from '../api/normalise';
import { createHarness, type Call } from '../test/test-harness';
import { MergeIncident } from './merge-incident.component';

afterEach(cleanup);

const incident = (id: string, title: string, mentionCount: number) =>
  readIncident({ id, title, status: 'investigating', nextStatuses: [], scope: 'single', places: [], affectedCount: 1, mentionCount });

const TARGET = incident('aaaaaaaa-0000-4000-8000-000000000001', 'Payments down', 12);
const OTHER = incident('aaaaaaaa-0000-4000-8000-000000000002', 'Card errors in the app', 7);

function server(call: Call) {
  if (call.method === 'POST' && call.path === `/api/incidents/${TARGET.id}/merge`)
    return { body: { ...TARGET, mentionCount: 19, mentions: [] } };
  return undefined;
}

describe('MergeIncident', () => {
  it('merges only after a confirmation that names both incidents and what moves', async () => {
    const harness = createHarness(server, { role: 'pr' });
    harness.render(<MergeIncident incident={TARGET} incidents={[TARGET, OTHER]} />);
    const form = screen.getByRole('form', { name: 'Merge another incident into this one' });
    const mergeButton = within(form).getByRole('button', { name: 'Merge…' });
    expect((mergeButton as HTMLButtonElement).disabled).toBe(true);
    // The incident itself is not offered.
    expect(
      within(form)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['—', 'Card errors in the app']);
    fireEvent.change(within(form).getByRole('combobox', { name: 'Incident to merge in' }), { target: { value: OTHER.id } });
    fireEvent.click(mergeButton);

    let dialog = await screen.findByRole('alertdialog', { name: 'Merge “Card errors in the app” into “Payments down”?' });
    expect(dialog.textContent).toContain('Its 7 mentions move to “Payments down”');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(harness.calls.filter((call) => call.method === 'POST')).toEqual([]);

    fireEvent.click(mergeButton);
    dialog = await screen.findByRole('alertdialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' })));
    await waitFor(() => expect(harness.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(harness.calls.find((call) => call.method === 'POST')).toMatchObject({
      path: `/api/incidents/${TARGET.id}/merge`,
      body: { otherId: OTHER.id },
    });
    expect(await screen.findByText('“Card errors in the app” merged into “Payments down”.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('shows why the api refused a merge, in the dialog', async () => {
    const harness = createHarness(
      (call) =>
        call.method === 'POST'
          ? {
              status: 409,
              body: {
                type: 'urn:otklik:problem:incident-merged',
                title: 'Conflict',
                status: 409,
                detail: 'incident x was already merged into y',
              },
            }
          : undefined,
      { role: 'lead' },
    );
    harness.render(<MergeIncident incident={TARGET} incidents={[TARGET, OTHER]} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Incident to merge in' }), { target: { value: OTHER.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    const dialog = await screen.findByRole('alertdialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' })));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('incident x was already merged into y');
  });
});
