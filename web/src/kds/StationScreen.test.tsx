/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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
    if (query.includes('undoStartTask')) state.tasks = state.tasks.map((t) => (t.id === id ? { ...t, status: 'QUEUED' as const } : t));
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

function renderScreen(api: Api, socket: KdsSocket, stationId = STATION) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <StationScreen stationId={stationId} socket={socket} openExpo={() => undefined} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
}

/**
 * jsdom has no Web Audio: a stand-in AudioContext that counts the notes started and follows the
 * browser's autoplay rule (suspended until the page has had a user gesture, `gesture` here).
 */
class FakeAudioContext {
  static gesture = true;
  static notes = 0;
  state: 'suspended' | 'running' | 'closed' = FakeAudioContext.gesture ? 'running' : 'suspended';
  onstatechange: (() => void) | null = null;
  currentTime = 0;
  destination = {};
  resume() {
    if (!FakeAudioContext.gesture) return new Promise<void>(() => undefined); // Chrome leaves it pending
    this.state = 'running';
    this.onstatechange?.();
    return Promise.resolve();
  }
  close() {
    this.state = 'closed';
    return Promise.resolve();
  }
  createOscillator() {
    return { type: '', frequency: { value: 0 }, connect: () => undefined, start: () => void (FakeAudioContext.notes += 1), stop: () => undefined };
  }
  createGain() {
    return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => undefined };
  }
}
/** The chime is two notes. */
const chimes = () => FakeAudioContext.notes / 2;
const rememberScreen = (prefs: object, stationId = STATION) => localStorage.setItem(`brigade.kds.screen.${stationId}`, JSON.stringify(prefs));

const shownTickets = () => [...document.querySelectorAll<HTMLElement>('[data-task-id]')].map((el) => el.dataset.taskId);
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 150)));

beforeEach(() => {
  localStorage.clear();
  FakeAudioContext.gesture = true;
  FakeAudioContext.notes = 0;
  (window as unknown as { AudioContext: unknown }).AudioContext = FakeAudioContext;
});

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

  it('clears the reconnecting notice by itself once the kitchen applies the tap it kept, and an old error never comes back with its ticket', async () => {
    const { api, state } = fakeKitchen([ticket({ id: 'a' })]);
    const { socket, deliver } = fakeSocket();
    renderScreen(api, socket);
    state.fail = new ApiError('Kitchen reconnecting — try again', 'UNAVAILABLE');
    fireEvent.click(await screen.findByRole('button', { name: 'Start' }));
    await screen.findByRole('status');

    // The server kept the admitted start and applied it once its worker was back: only the event says so.
    state.fail = null;
    state.tasks = state.tasks.map((t) => ({ ...t, status: 'IN_PROGRESS' as const }));
    deliver('task:updated', { taskId: 'a', status: 'IN_PROGRESS', orderId: 'o', orderItemId: 'i', stationId: STATION });
    await screen.findByRole('button', { name: 'Done' });
    expect(screen.queryByRole('status')).toBeNull();

    // Offline: Done cannot reach the server. Bumped from another screen, then recalled there: the ticket
    // comes back without the old error.
    state.fail = new ApiError('Network request failed', 'NETWORK');
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot reach the server. Check the connection and try again.');
    state.fail = null;
    const kept = state.tasks;
    state.tasks = [];
    deliver('task:completed', { taskId: 'a', orderId: 'o', stationId: STATION, completedBy: null });
    await waitFor(() => expect(shownTickets()).toEqual([]));
    state.tasks = kept;
    deliver('task:updated', { taskId: 'a', status: 'IN_PROGRESS', orderId: 'o', orderItemId: 'i', stationId: STATION });
    await waitFor(() => expect(shownTickets()).toEqual(['a']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears an offline error once the same tap succeeds after reconnect', async () => {
    const { api, state } = fakeKitchen([ticket({ id: 'a' })]);
    const { socket, deliver } = fakeSocket();
    renderScreen(api, socket);
    state.fail = new ApiError('Network request failed', 'NETWORK');
    fireEvent.click(await screen.findByRole('button', { name: 'Start' }));
    await screen.findByRole('alert');
    state.fail = null;
    deliver('connect');
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByRole('button', { name: 'Done' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('chimes once per truly new ticket: not on load, not for an echoed event, a re-sync, a status change, nor once turned off', async () => {
    rememberScreen({ sound: true });
    const a = ticket({ id: 'a' });
    const { api, state } = fakeKitchen([a]);
    const { socket, deliver } = fakeSocket();
    renderScreen(api, socket);
    await waitFor(() => expect(shownTickets()).toEqual(['a']));
    await settle();
    expect(chimes()).toBe(0);
    expect(screen.getByRole('button', { name: /Sound/ }).getAttribute('aria-pressed')).toBe('true');

    state.tasks = [a, ticket({ id: 'b' })];
    const arrived = { taskId: 'b', status: 'QUEUED', orderId: 'o', orderItemId: 'i', stationId: STATION };
    deliver('task:updated', arrived);
    deliver('task:updated', arrived);
    await settle();
    expect(shownTickets()).toEqual(['a', 'b']);
    expect(chimes()).toBe(1);

    deliver('connect'); // reconnect: re-join and re-sync show the same tickets
    await settle();
    state.tasks = [{ ...a, status: 'IN_PROGRESS' }, state.tasks[1]];
    deliver('task:updated', { ...arrived, taskId: 'a', status: 'IN_PROGRESS' });
    await settle();
    expect(chimes()).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: /Sound/ }));
    expect(screen.getByRole('button', { name: /Sound/ }).getAttribute('aria-pressed')).toBe('false');
    state.tasks = [...state.tasks, ticket({ id: 'c' })];
    deliver('task:updated', { ...arrived, taskId: 'c' });
    await settle();
    expect(shownTickets()).toEqual(['a', 'b', 'c']);
    expect(chimes()).toBe(1);
    expect(JSON.parse(localStorage.getItem(`brigade.kds.screen.${STATION}`)!)).toMatchObject({ sound: false });
  });

  it('says when the browser blocks sound and enables it on a tap, chiming once to show it works', async () => {
    rememberScreen({ sound: true });
    FakeAudioContext.gesture = false;
    const { api } = fakeKitchen([ticket({ id: 'a' })]);
    const { socket } = fakeSocket();
    renderScreen(api, socket);
    const note = await screen.findByText(/The browser blocks sound until this screen is tapped/);
    expect(chimes()).toBe(0);

    FakeAudioContext.gesture = true; // the tap below is the gesture the browser waited for
    fireEvent.click(within(note).getByRole('button', { name: 'Enable sound' }));
    await waitFor(() => expect(screen.queryByText(/The browser blocks sound/)).toBeNull());
    expect(chimes()).toBe(1);
  });

  it('turns sound on with its toggle (the tap unlocks audio) and remembers it for this station only', async () => {
    const { api } = fakeKitchen([ticket({ id: 'a' })]);
    const { socket } = fakeSocket();
    const { unmount } = renderScreen(api, socket);
    const toggle = await screen.findByRole('button', { name: /Sound/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(chimes()).toBe(1));
    unmount();

    renderScreen(api, socket, 'station-grill');
    expect((await screen.findByRole('button', { name: /Sound/ })).getAttribute('aria-pressed')).toBe('false');
    expect(JSON.parse(localStorage.getItem(`brigade.kds.screen.${STATION}`)!)).toMatchObject({ sound: true });
  });

  it('switches to large type with its toggle and keeps it for this station after a reload', async () => {
    const { api } = fakeKitchen([ticket({ id: 'a' })]);
    const { socket } = fakeSocket();
    const first = renderScreen(api, socket);
    const toggle = await screen.findByRole('button', { name: /Large type/ });
    expect(document.querySelector('.kds__screen--large')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.kds__screen--large [data-task-id="a"]')).not.toBeNull();
    first.unmount();

    const again = renderScreen(api, socket);
    await waitFor(() => expect(shownTickets()).toEqual(['a']));
    expect(document.querySelector('.kds__screen--large')).not.toBeNull();
    again.unmount();
    renderScreen(api, socket, 'station-grill');
    await screen.findByRole('button', { name: /Large type/ });
    expect(document.querySelector('.kds__screen--large')).toBeNull();
  });

  it('offers Undo right after a Start; Undo puts the ticket back to waiting, and a refusal shows on the ticket', async () => {
    const { api, state } = fakeKitchen([ticket({ id: 'a' }), ticket({ id: 'b' })]);
    const { socket } = fakeSocket();
    renderScreen(api, socket);
    await waitFor(() => expect(shownTickets()).toEqual(['a', 'b']));
    const card = (id: string) => within(document.querySelector<HTMLElement>(`[data-task-id="${id}"]`)!);

    fireEvent.click(card('a').getByRole('button', { name: 'Start' }));
    const undo = await card('a').findByRole('button', { name: /^Undo/ });
    expect(undo.textContent).toMatch(/^↶ Undo (10|9) s$/);
    fireEvent.click(undo);
    await card('a').findByRole('button', { name: 'Start' });
    expect(card('a').queryByRole('button', { name: /^Undo/ })).toBeNull();
    expect(state.tasks.map((t) => t.status)).toEqual(['QUEUED', 'QUEUED']);

    fireEvent.click(card('b').getByRole('button', { name: 'Start' }));
    const late = await card('b').findByRole('button', { name: /^Undo/ });
    state.fail = new ApiError('Task "Inforna": too late to undo; the task has been running for 11 s', 'CONFLICT');
    fireEvent.click(late);
    expect((await card('b').findByRole('alert')).textContent).toBe('Task "Inforna": too late to undo; the task has been running for 11 s');
    expect(card('b').queryByRole('button', { name: /^Undo/ })).toBeNull();
    expect(card('b').getByRole('button', { name: 'Done' })).toBeTruthy();
  });
});
