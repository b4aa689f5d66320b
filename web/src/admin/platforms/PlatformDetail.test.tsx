/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { PlatformSyncPayload } from '../../../../contracts/socket-events';
import type { Api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ApiContext } from '../../api/hooks';
import { assignment, dish, fakePlatformApi, PLATFORM_ID } from '../../test-support/platforms';
import { PlatformDetail } from './PlatformDetail';
import type { SyncSocket } from './use-sync-run';

/**
 * The detail screen with its real hooks and cache; the API is the in-memory tenant of
 * test-support/platforms.ts and the socket an emitter the test delivers `platform:sync` through.
 */
function fakeSocket() {
  const handlers = new Set<(p: PlatformSyncPayload) => void>();
  const socket = {
    on: (_event: string, fn: (p: PlatformSyncPayload) => void) => (handlers.add(fn), socket),
    off: (_event: string, fn: (p: PlatformSyncPayload) => void) => (handlers.delete(fn), socket),
  };
  const deliver = (p: Partial<PlatformSyncPayload> & Pick<PlatformSyncPayload, 'runId'>) =>
    act(() => handlers.forEach((h) => h({ platformId: PLATFORM_ID, phase: 'processing', total: 3, done: 0, failed: 0, status: 'PENDING', ...p })));
  return { socket: socket as unknown as SyncSocket, deliver };
}

function renderDetail(api: Api, socket: SyncSocket) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <PlatformDetail platformId={PLATFORM_ID} socket={socket} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
}

const dishes = () => screen.getByRole('region', { name: /Dishes on/ });
// The dish's own row (an open editor adds a second row that also names the dish).
const rowStatus = (name: string) => {
  const rows = within(dishes())
    .getAllByRole('row', { name: new RegExp(name) })
    .filter((r) => r.dataset.syncStatus);
  expect(rows).toHaveLength(1);
  return rows[0].dataset.syncStatus;
};
const bar = () => screen.getByRole('progressbar', { name: 'Menu sync' });

describe('platform detail', () => {
  it('re-syncs everything, follows its run live, ignores other runs, and shows the new statuses when the run ends', async () => {
    const { api, state, callsOf } = fakePlatformApi({ assignments: [assignment('Margherita'), assignment('Diavola'), assignment('Tiramisù')] });
    const { socket, deliver } = fakeSocket();
    renderDetail(api, socket);
    await waitFor(() => expect(rowStatus('Margherita')).toBe('PENDING'));

    fireEvent.click(screen.getByRole('button', { name: 'Re-sync all' }));
    await waitFor(() => expect(bar().getAttribute('aria-valuenow')).toBe('0'));
    expect(callsOf('resyncPlatform').map((c) => c.variables.menuItemIds)).toEqual([null]);
    const runId = `platform-menu-sync-${PLATFORM_ID}-run-1`;
    expect(screen.getByRole('button', { name: 'Syncing…' })).toHaveProperty('disabled', true);

    deliver({ runId, phase: 'processing', done: 2 });
    expect(bar().getAttribute('aria-valuenow')).toBe('67');
    deliver({ runId: 'another-run', phase: 'done', done: 3, status: 'SYNCED' });
    deliver({ runId, phase: 'processing', done: 1 });
    expect(bar().getAttribute('aria-valuenow')).toBe('67');
    const readsBefore = callsOf('platformAssignments').length;

    state.assignments = state.assignments.map((a) =>
      a.menuItemName === 'Diavola'
        ? { ...a, syncStatus: 'FAILED', syncError: 'rejected: invalid data' }
        : { ...a, syncStatus: 'SYNCED', lastSyncedAt: '2026-11-20T12:00:00.000Z' },
    );
    deliver({ runId, phase: 'done', done: 2, failed: 1, status: 'FAILED', message: '1 of 3 dishes failed' });
    await waitFor(() => expect(rowStatus('Diavola')).toBe('FAILED'));
    expect(rowStatus('Margherita')).toBe('SYNCED');
    expect(callsOf('platformAssignments').length).toBe(readsBefore + 1);
    expect(screen.getByText('rejected: invalid data')).toBeTruthy();
    expect(screen.getByTestId('sync-progress-text').textContent).toBe('1 of 3 dishes failed');
    expect(screen.getByRole('region', { name: 'Sync progress' }).dataset.status).toBe('FAILED');
    expect(screen.getByRole('button', { name: 'Re-sync all' })).toHaveProperty('disabled', false);
  });

  it('re-syncs exactly the failed dishes: filter Failed, select all shown, Re-sync selected', async () => {
    const { api, callsOf } = fakePlatformApi({
      assignments: [
        assignment('Margherita', { syncStatus: 'SYNCED' }),
        assignment('Diavola', { syncStatus: 'FAILED' }),
        assignment('Capricciosa', { syncStatus: 'FAILED' }),
      ],
    });
    renderDetail(api, fakeSocket().socket);
    await waitFor(() => expect(rowStatus('Margherita')).toBe('SYNCED'));
    expect(screen.getByRole('button', { name: 'Re-sync selected' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Failed 2' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown dishes' }));
    expect(within(dishes()).queryByRole('row', { name: /Margherita/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Re-sync selected' }));
    await waitFor(() => expect(callsOf('resyncPlatform')).toHaveLength(1));
    expect(callsOf('resyncPlatform')[0].variables.menuItemIds).toEqual(['dish-diavola', 'dish-capricciosa']);
  });

  it('unassigns the selected dishes only after confirming', async () => {
    const { api, callsOf } = fakePlatformApi({ assignments: [assignment('Margherita'), assignment('Diavola'), assignment('Tiramisù')] });
    renderDetail(api, fakeSocket().socket);
    await waitFor(() => expect(rowStatus('Diavola')).toBe('PENDING'));

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Diavola' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Tiramisù' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unassign selected' }));
    expect(callsOf('unassignPlatformProducts')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Confirm unassign' })).getByRole('button', { name: 'Unassign 2' }));
    await waitFor(() => expect(within(dishes()).queryByRole('row', { name: /Diavola/ })).toBeNull());
    expect(callsOf('unassignPlatformProducts')[0].variables.menuItemIds).toEqual(['dish-diavola', 'dish-tiramis-']);
    expect(rowStatus('Margherita')).toBe('PENDING');
    expect(screen.getByText('0 selected')).toBeTruthy();
  });

  it('edits one dish’s name, price and hours on the platform, then shows the saved row waiting to sync', async () => {
    const { api, callsOf } = fakePlatformApi({
      assignments: [assignment('Margherita', { syncStatus: 'SYNCED' }), assignment('Diavola', { syncStatus: 'SYNCED' })],
      dishes: [dish('Margherita'), dish('Diavola', { price: '11.00' })],
    });
    renderDetail(api, fakeSocket().socket);
    await waitFor(() => expect(rowStatus('Diavola')).toBe('SYNCED'));

    fireEvent.click(screen.getByRole('button', { name: 'Edit Diavola' }));
    const form = screen.getByRole('form', { name: 'Edit Diavola' });
    const field = (name: string) => within(form).getByLabelText(name) as HTMLInputElement;
    expect(field('Name on the platform').placeholder).toBe('Diavola');
    await waitFor(() => expect(field('Price on the platform').placeholder).toBe('11.00'));
    fireEvent.change(field('Name on the platform'), { target: { value: ' Diavola piccante ' } });
    fireEvent.change(field('Price on the platform'), { target: { value: '12.50' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Only at certain times' }));
    fireEvent.change(field('From'), { target: { value: '11:30' } });
    fireEvent.change(field('To'), { target: { value: '15:00' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Sat' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Sun' }));
    const readsBefore = callsOf('platformAssignments').length;
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Diavola' })).toBeNull());
    expect(callsOf('updatePlatformAssignment').map((c) => c.variables)).toEqual([
      {
        id: 'a-dish-diavola',
        input: {
          platformName: 'Diavola piccante',
          platformPrice: '12.50',
          isAvailable: true,
          availableFrom: '11:30',
          availableTo: '15:00',
          availableDays: [1, 2, 3, 4, 5],
        },
      },
    ]);
    await waitFor(() => expect(rowStatus('Diavola')).toBe('PENDING'));
    expect(callsOf('platformAssignments').length).toBeGreaterThan(readsBefore);
    const row = within(dishes()).getByRole('row', { name: /Diavola piccante/ });
    expect(within(row).getByText('Mon–Fri 11:30–15:00')).toBeTruthy();
    expect(row.textContent).toContain('12.50');
    expect(rowStatus('Margherita')).toBe('SYNCED');
    expect(within(dishes()).getAllByText(/11:30/)).toHaveLength(1);
  });

  it('sends empty name and price as null and an always-on dish as all day every day', async () => {
    const { api, callsOf } = fakePlatformApi({
      assignments: [
        assignment('Tiramisù', {
          platformName: 'Tiramisu',
          platformPrice: '6.00',
          isAvailable: false,
          availableFrom: '18:00',
          availableTo: '23:00',
          availableDays: [6, 7],
        }),
      ],
    });
    renderDetail(api, fakeSocket().socket);
    await waitFor(() => expect(within(dishes()).getByText('Sat, Sun 18:00–23:00')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'Edit Tiramisù' }));
    const form = screen.getByRole('form', { name: 'Edit Tiramisù' });
    fireEvent.change(within(form).getByLabelText('Name on the platform'), { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText('Price on the platform'), { target: { value: '  ' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Available to order' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Only at certain times' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(callsOf('updatePlatformAssignment')).toHaveLength(1));
    expect(callsOf('updatePlatformAssignment')[0].variables.input).toEqual({
      platformName: null,
      platformPrice: null,
      isAvailable: true,
      availableFrom: null,
      availableTo: null,
      availableDays: [1, 2, 3, 4, 5, 6, 7],
    });
    await waitFor(() => expect(within(dishes()).queryByText(/18:00/)).toBeNull());
  });

  it('shows the server’s validation error in the editor, keeps it open, and Cancel closes it without saving', async () => {
    const { api, state, callsOf } = fakePlatformApi({ assignments: [assignment('Margherita', { syncStatus: 'SYNCED' })] });
    renderDetail(api, fakeSocket().socket);
    await waitFor(() => expect(rowStatus('Margherita')).toBe('SYNCED'));

    fireEvent.click(screen.getByRole('button', { name: 'Edit Margherita' }));
    const form = screen.getByRole('form', { name: 'Edit Margherita' });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Only at certain times' }));
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '11:30' } });
    state.failNext = new ApiError('Invalid input: availableTo: give both times or neither', 'BAD_USER_INPUT', {
      fieldErrors: [{ path: 'availableTo', message: 'give both times or neither' }],
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(within(form).getByText('give both times or neither')).toBeTruthy());
    expect(within(form).getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(callsOf('updatePlatformAssignment')[0].variables.input).toMatchObject({ availableFrom: '11:30', availableTo: null });

    // A message with no field to sit under still shows, in the editor.
    state.failNext = new ApiError('Invalid input: platformPrice must be at least 0', 'BAD_USER_INPUT');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('Invalid input: platformPrice must be at least 0'));
    expect(rowStatus('Margherita')).toBe('SYNCED');

    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Edit Margherita' })).toBeNull();
    expect(callsOf('updatePlatformAssignment')).toHaveLength(2);
    expect(state.assignments[0].availableFrom).toBeNull();
  });
});
