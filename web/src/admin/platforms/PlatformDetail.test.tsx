/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { PlatformSyncPayload } from '../../../../contracts/socket-events';
import type { Api } from '../../api/client';
import { ApiContext } from '../../api/hooks';
import { assignment, fakePlatformApi, PLATFORM_ID } from '../../test-support/platforms';
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
const rowStatus = (name: string) => within(dishes()).getByRole('row', { name: new RegExp(name) }).dataset.syncStatus;
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
      a.menuItemName === 'Diavola' ? { ...a, syncStatus: 'FAILED', syncError: 'rejected: invalid data' } : { ...a, syncStatus: 'SYNCED', lastSyncedAt: '2026-11-20T12:00:00.000Z' },
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
      assignments: [assignment('Margherita', { syncStatus: 'SYNCED' }), assignment('Diavola', { syncStatus: 'FAILED' }), assignment('Capricciosa', { syncStatus: 'FAILED' })],
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
});
