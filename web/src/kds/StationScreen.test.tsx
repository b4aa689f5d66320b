/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ServerEventName } from '../../../contracts/socket-events';
import type { Api } from '../api/client';
import { ApiError } from '../api/errors';
import { ApiContext } from '../api/hooks';
import { fakeApi } from '../test-support/fake-api';
import { queueOf, STATION, ticket } from '../test-support/kds-tickets';
import type { QueueTicket } from './kds-api';
import { StationScreen } from './StationScreen';
import type { KdsSocket } from './use-station-queue';

/**
 * The station screen with its real hooks, cache and reconciliation. Two stand-ins, because a
 * browser test can run neither here: the API is an in-memory kitchen answering the same GraphQL
 * documents, and the socket is an emitter that records what the screen sends. The real server,
 * socket and workflows are driven by the end-to-end KDS test (e2e/kitchen-flow.test.ts).
 */
function fakeKitchen(initial: QueueTicket[]) {
  const state = { tasks: initial, queueReads: 0, fail: null as ApiError | null, hold: null as Promise<void> | null, holdActions: null as Promise<void> | null };
  const api = fakeApi(async (query, variables) => {
    await Promise.resolve();
    if (query.includes('stationQueue')) {
      state.queueReads++;
      await state.hold;
      return { stationQueue: queueOf(state.tasks) };
    }
    await state.holdActions;
    if (state.fail) throw state.fail;
    const id = String(variables.id ?? variables.taskId);
    if (query.includes('startTask')) state.tasks = state.tasks.map((t) => (t.id === id ? { ...t, status: 'IN_PROGRESS' as const } : t));
    if (query.includes('completeTask')) state.tasks = state.tasks.filter((t) => t.id !== id);
    return {};
  });
  return { api, state };
}

function fakeSocket() {
  const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  const sent: Array<[string, unknown]> = [];
  const socket = {
    connected: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(fn);
      return socket;
    },
    off(event: string, fn: (...args: unknown[]) => void) {
      handlers.get(event)?.delete(fn);
      return socket;
    },
    emit(event: string, payload: unknown, ack?: (r: unknown) => void) {
      sent.push([event, payload]);
      ack?.({ ok: true });
      return socket;
    },
  };
  const deliver = (event: ServerEventName | 'connect', payload?: unknown) => act(() => handlers.get(event)?.forEach((h) => h(payload)));
  return { socket: socket as unknown as KdsSocket, deliver, sent, joins: () => sent.filter(([e]) => e === 'join_station').length };
}

function renderScreen(api: Api, socket: KdsSocket) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <StationScreen stationId={STATION} socket={socket} openExpo={() => undefined} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
}

const shownTickets = () => [...document.querySelectorAll<HTMLElement>('[data-task-id]')].map((el) => el.dataset.taskId);
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 150)));

beforeEach(() => localStorage.clear());

describe('KDS station screen', () => {
  it('shows a new ticket once although its event arrives twice (tenant room and station room), with one refetch', async () => {
    const first = ticket({ id: 'a' });
    const { api, state } = fakeKitchen([first]);
    const { socket, deliver } = fakeSocket();
    renderScreen(api, socket);
    await waitFor(() => expect(shownTickets()).toEqual(['a']));
    const reads = state.queueReads;

    state.tasks = [first, ticket({ id: 'b' })];
    const event = { taskId: 'b', status: 'QUEUED', orderId: 'o', orderItemId: 'i', stationId: STATION };
    deliver('task:updated', event);
    deliver('task:updated', event);
    await settle();
    expect(shownTickets()).toEqual(['a', 'b']);
    expect(state.queueReads - reads).toBe(1);
  });

  it('removes a bumped ticket as soon as task:completed arrives, before the refetch answers, and ignores other stations', async () => {
    const { api, state } = fakeKitchen([ticket({ id: 'a', status: 'IN_PROGRESS' }), ticket({ id: 'b' })]);
    const { socket, deliver } = fakeSocket();
    renderScreen(api, socket);
    await waitFor(() => expect(shownTickets()).toEqual(['a', 'b']));
    const reads = state.queueReads;

    let answer = () => undefined as void;
    state.hold = new Promise((resolve) => (answer = resolve));
    state.tasks = [state.tasks[1]];
    deliver('task:updated', { taskId: 'z', status: 'QUEUED', orderId: 'o', orderItemId: 'i', stationId: 'another-station' });
    deliver('task:completed', { taskId: 'a', orderId: 'o', stationId: STATION, completedBy: null });
    await waitFor(() => expect(shownTickets()).toEqual(['b']));
    await settle();
    expect(state.queueReads - reads).toBe(1); // asked, still unanswered
    answer();
    await settle();
    expect(shownTickets()).toEqual(['b']);
  });

  it('re-joins the station room on every reconnect and re-syncs to exactly what the server has', async () => {
    const { api, state } = fakeKitchen([ticket({ id: 'a' }), ticket({ id: 'b' })]);
    const { socket, deliver, joins, sent } = fakeSocket();
    renderScreen(api, socket);
    await waitFor(() => expect(shownTickets()).toEqual(['a', 'b']));
    expect(joins()).toBe(1);
    expect(sent[0]).toEqual(['join_station', { stationId: STATION }]);

    // While offline, a was bumped elsewhere and c arrived; no event reached this screen.
    state.tasks = [state.tasks[1], ticket({ id: 'c' })];
    deliver('connect');
    await settle();
    expect(joins()).toBe(2);
    expect(shownTickets()).toEqual(['b', 'c']);
  });

  it('starts with one tap and shows the server’s reason when Done is rejected', async () => {
    const { api, state } = fakeKitchen([ticket({ id: 'a', subtasks: [{ id: 's1', name: 'Prendi la pallina', optional: false, completed: false }] })]);
    const { socket } = fakeSocket();
    renderScreen(api, socket);
    fireEvent.click(await screen.findByRole('button', { name: 'Start' }));
    const done = await screen.findByRole('button', { name: /^Done \(1 step open\)/ });

    state.fail = new ApiError('Task "Inforna" has open required subtasks: Prendi la pallina', 'CONFLICT');
    fireEvent.click(done);
    expect((await screen.findByRole('alert')).textContent).toBe('Task "Inforna" has open required subtasks: Prendi la pallina');
    expect(shownTickets()).toEqual(['a']);
  });

  it('says the kitchen is reconnecting (not an error about the ticket) when a tap answers UNAVAILABLE, keeps the ticket, and the next tap works', async () => {
    const { api, state } = fakeKitchen([ticket({ id: 'a' })]);
    const { socket } = fakeSocket();
    renderScreen(api, socket);
    state.fail = new ApiError('Kitchen reconnecting — try again', 'UNAVAILABLE');
    fireEvent.click(await screen.findByRole('button', { name: 'Start' }));
    expect((await screen.findByRole('status')).textContent).toBe('Kitchen reconnecting — try again.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(shownTickets()).toEqual(['a']);

    state.fail = null;
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByRole('button', { name: 'Done' });
    expect(screen.queryByRole('status')).toBeNull();
    expect(shownTickets()).toEqual(['a']);
  });

  it('keeps Recall for the ticket just bumped, even when the bump’s event beats its answer', async () => {
    const { api, state } = fakeKitchen([
      ticket({ id: 'a', name: 'Portion', status: 'IN_PROGRESS', orderNumber: 7 }),
      ticket({ id: 'b', name: 'Dust', status: 'IN_PROGRESS', orderNumber: 7 }),
    ]);
    const { socket, deliver } = fakeSocket();
    renderScreen(api, socket);
    await waitFor(() => expect(shownTickets()).toEqual(['a', 'b']));
    fireEvent.click(screen.getAllByRole('button', { name: 'Done' })[0]);
    await screen.findByRole('button', { name: '↶ Recall #7 Portion' });

    let answer = () => undefined as void;
    state.holdActions = new Promise((resolve) => (answer = resolve));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    deliver('task:completed', { taskId: 'b', orderId: 'o', stationId: STATION, completedBy: null });
    await waitFor(() => expect(shownTickets()).toEqual([]));
    // The answer for "Dust" has not arrived: Recall must not offer "Portion" meanwhile.
    expect((screen.getByRole('button', { name: /Recall/ }) as HTMLButtonElement).disabled).toBe(true);
    answer();
    const recall = await screen.findByRole('button', { name: '↶ Recall #7 Dust' });
    await waitFor(() => expect((recall as HTMLButtonElement).disabled).toBe(false));
  });
});
