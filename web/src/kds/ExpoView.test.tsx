/** @jest-environment jsdom */
import { EventEmitter } from 'node:events';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { HandOffStatus } from '../../../domain/kitchen/hand-off';
import { ApiError } from '../api/errors';
import { ApiContext } from '../api/hooks';
import { RealtimeContext } from '../realtime/RealtimeProvider';
import type { Realtime } from '../realtime/socket';
import { fakeApi } from '../test-support/fake-api';
import { ExpoView, type ExpoOrder } from './ExpoView';
import { createFormat } from '../i18n/format';

/**
 * The expo with its real hooks and cache against an in-memory pass answering the same GraphQL
 * documents; the real server, workflow and browser are driven by e2e/hand-off.test.ts.
 */

const T0 = Date.parse('2026-12-07T19:00:00Z');
const minutesAgo = (m: number, from = Date.now()) => new Date(from - m * 60_000).toISOString();

function order(n: number, patch: Partial<ExpoOrder> = {}): ExpoOrder {
  return {
    id: `order-${n}`,
    orderNumber: n,
    status: 'READY',
    fulfillment: 'TAKEAWAY',
    handOffChoices: ['PICKED_UP', 'SERVED'],
    customerName: null,
    estimatedReadyAt: null,
    actualReadyAt: minutesAgo(1),
    createdAt: minutesAgo(20),
    notes: null,
    items: [],
    ...patch,
  };
}

function fakePass(initial: ExpoOrder[], holdMinutes = 5) {
  const state = { orders: initial, handOffs: [] as Array<{ id: string; to: string }>, fail: null as ApiError | null, hold: null as Promise<void> | null };
  const api = fakeApi(async (query, variables) => {
    await Promise.resolve();
    if (query.includes('kitchenSettings')) return { kitchenSettings: { readyHoldMinutes: holdMinutes } };
    if (query.includes('ExpoOrders')) return { orders: state.orders };
    if (query.includes('handOffOrder')) {
      const { id, to } = variables as { id: string; to: HandOffStatus };
      state.handOffs.push({ id, to });
      await state.hold;
      if (state.fail) throw state.fail;
      state.orders = state.orders.filter((o) => o.id !== id);
      return {
        handOffOrder: { id, status: to, handOffChoices: [], handedOffAt: new Date().toISOString(), closedAt: new Date().toISOString(), failureReason: null },
      };
    }
    throw new Error(`unexpected document: ${query.slice(0, 60)}`);
  });
  return { api, state };
}

function renderExpo(api: ReturnType<typeof fakePass>['api']) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <ExpoView selected={null} onSelect={() => undefined} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
}

const card = (n: number) => screen.getByRole('region', { name: `Order ${n}` });
const buttonsOf = (n: number) =>
  within(card(n))
    .queryAllByRole('button')
    .filter((b) => b.classList.contains('hand-off__main') || b.classList.contains('hand-off__other'))
    .map((b) => [b.textContent, b.classList.contains('hand-off__main') ? 'main' : 'other']);

describe('expo: ready orders at the pass', () => {
  afterEach(() => jest.useRealTimers());

  it('says how long a ready order has waited, ticking, and marks it late in words once past the kitchen’s hold time', async () => {
    jest.useFakeTimers({ now: T0 });
    const { api } = fakePass([order(7, { actualReadyAt: minutesAgo(3, T0) })], 4);
    renderExpo(api);
    // Settings arrive with or after the orders: wait for the kitchen's 4 minutes, not the default 5.
    await waitFor(() => expect(screen.getByTestId('ready-since').title).toBe('Hold time 4 min'));
    const since = screen.getByTestId('ready-since');
    expect([since.textContent, since.classList.contains('ready-since--late'), card(7).classList.contains('is-overdue')]).toEqual([
      'ready 3 min ago',
      false,
      false,
    ]);

    act(() => jest.advanceTimersByTime(45_000));
    expect([since.textContent, since.classList.contains('ready-since--late')]).toEqual(['ready 3 min ago', false]);
    act(() => jest.advanceTimersByTime(30_000));
    expect([screen.getByTestId('ready-since').textContent, card(7).classList.contains('is-overdue')]).toEqual(['ready 4 min ago · waiting too long', true]);
    expect(screen.getByTestId('ready-since').classList.contains('ready-since--late')).toBe(true);
  });

  it('draws the usual hand-off as the big button and the other choice small, from handOffChoices; none before READY', async () => {
    const { api } = fakePass([
      order(1),
      order(2, { fulfillment: 'DINE_IN', handOffChoices: ['SERVED', 'PICKED_UP'] }),
      order(3, { fulfillment: 'DELIVERY', handOffChoices: ['OUT_FOR_DELIVERY', 'PICKED_UP'] }),
      order(4, { status: 'PREPARING', handOffChoices: [], actualReadyAt: null, estimatedReadyAt: new Date(Date.now() + 6 * 60_000).toISOString() }),
    ]);
    renderExpo(api);
    await screen.findByRole('region', { name: 'Order 4' });
    expect([1, 2, 3, 4].map(buttonsOf)).toEqual([
      [
        ['Collected', 'main'],
        ['Served', 'other'],
      ],
      [
        ['Served', 'main'],
        ['Collected', 'other'],
      ],
      [
        ['Out for delivery', 'main'],
        ['Collected', 'other'],
      ],
      [],
    ]);
    expect(within(card(4)).queryByTestId('ready-since')).toBeNull();
  });

  it('hands an order over with one tap, sent once however often it is tapped, and the order leaves the pass', async () => {
    const { api, state } = fakePass([order(1), order(2)]);
    let release!: () => void;
    state.hold = new Promise((resolve) => (release = resolve));
    renderExpo(api);
    const collected = await within(await screen.findByRole('region', { name: 'Order 1' })).findByRole('button', { name: 'Collected' });
    fireEvent.click(collected);
    fireEvent.click(collected);
    await waitFor(() => expect(within(card(1)).getByRole('button', { name: 'Handing over…' })).toHaveProperty('disabled', true));
    fireEvent.click(within(card(1)).getByRole('button', { name: 'Handing over…' }));
    act(() => release());
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Order 1' })).toBeNull());
    expect(state.handOffs).toEqual([{ id: 'order-1', to: 'PICKED_UP' }]);
    expect(card(2)).toBeTruthy();
  });

  it('shows the server’s refusal next to the button and keeps the order', async () => {
    const { api, state } = fakePass([order(5, { fulfillment: 'DINE_IN', handOffChoices: ['SERVED', 'PICKED_UP'] })]);
    state.fail = new ApiError('Order #5 cannot become SERVED: it was cancelled', 'CONFLICT');
    renderExpo(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Served' }));
    expect((await within(card(5)).findByRole('alert')).textContent).toBe('Order #5 cannot become SERVED: it was cancelled');
    expect(within(card(5)).getByRole('button', { name: 'Served' })).toHaveProperty('disabled', false);
  });
});

// The expo over an in-memory API answering its one query; the print dialog is the browser's,
// so window.print is a stand-in that records the page as it was when printing began.
const printOrder = (n: number, over: Record<string, unknown> = {}) => ({
  id: `order-${n}`,
  orderNumber: n,
  status: 'PREPARING',
  customerName: null,
  estimatedReadyAt: null,
  createdAt: '2026-11-20T12:00:00Z',
  notes: null,
  items: [{ id: `item-${n}`, name: 'Margherita', quantity: 2, modifications: null, notes: null, status: 'IN_PROGRESS', tasks: [] }],
  ...over,
});

function renderPrintExpo() {
  const api = fakeApi((query) =>
    query.includes('kitchenSettings')
      ? { kitchenSettings: { readyHoldMinutes: 5 } }
      : {
          orders: [
            printOrder(41),
            printOrder(42, {
              customerName: 'Anna',
              notes: 'Citofono rotto',
              items: [{ id: 'i', name: 'Diavola', quantity: 1, modifications: 'senza aglio', notes: 'ben cotta', status: 'IN_PROGRESS', tasks: [] }],
            }),
          ],
        },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <ExpoView selected={null} onSelect={() => undefined} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
}

describe('expo ticket printing', () => {
  it('prints only the ticket whose Print was tapped, with its items, notes and times, then clears the mark', async () => {
    const printed: Array<{ marked: string[]; oneOnly: boolean }> = [];
    window.print = () =>
      void printed.push({
        marked: [...document.querySelectorAll('.expo-order--print')].map((el) => el.getAttribute('aria-label')!),
        oneOnly: document.querySelector('.expo')!.classList.contains('expo--print-one'),
      });
    renderPrintExpo();
    const ticket = await screen.findByRole('region', { name: 'Order 42' });
    expect(within(ticket).getByText('1 × Diavola')).toBeTruthy();
    expect(within(ticket).getByText('senza aglio')).toBeTruthy();
    expect(within(ticket).getByText('ben cotta')).toBeTruthy();
    expect(within(ticket).getByText('Order: Citofono rotto')).toBeTruthy();
    expect(within(ticket).getByText(/^Placed \d{1,2}:\d\d.* · printed \d{1,2}:\d\d/).className).toBe('print-only');

    fireEvent.click(within(ticket).getByRole('button', { name: 'Print' }));
    expect(printed).toEqual([{ marked: ['Order 42'], oneOnly: true }]);
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(document.querySelector('.expo--print-one, .expo-order--print')).toBeNull();

    // The same ticket again opens the dialog again.
    fireEvent.click(within(ticket).getByRole('button', { name: 'Print' }));
    expect(printed).toHaveLength(2);
  });
});

describe('expo: paced items', () => {
  const wall = (iso: string) => createFormat({ locale: 'en', timeZone: null, currency: 'EUR' }).time(iso);

  it('says when a waiting item fires, and shows the re-paced time as soon as a task:updated says it moved', async () => {
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    const salad = (plannedStartAt: string) => ({
      id: 'salad',
      name: 'Insalata',
      quantity: 1,
      modifications: null,
      notes: null,
      status: 'PENDING' as const,
      tasks: [{ id: 'toss', name: 'Mescola', status: 'PENDING' as const, plannedStartAt, station: null }],
    });
    const pizza = {
      id: 'pizza',
      name: 'Margherita',
      quantity: 1,
      modifications: null,
      notes: null,
      status: 'IN_PROGRESS' as const,
      tasks: [
        { id: 'dough', name: 'Stendi', status: 'IN_PROGRESS' as const, plannedStartAt: inMinutes(-1), station: { id: 's', name: 'Bench' } },
        { id: 'bake', name: 'Inforna', status: 'PENDING' as const, plannedStartAt: inMinutes(-1), station: null },
      ],
    };
    const planned = inMinutes(11);
    const { api, state } = fakePass([order(9, { status: 'PREPARING', handOffChoices: [], actualReadyAt: null, items: [pizza, salad(planned)] })]);
    const live = new EventEmitter();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ApiContext.Provider value={api}>
          <RealtimeContext.Provider value={{ live } as unknown as Realtime}>
            <ExpoView selected={null} onSelect={() => undefined} />
          </RealtimeContext.Provider>
        </ApiContext.Provider>
      </QueryClientProvider>,
    );
    const status = (name: string) => within(card(9)).getByText(name).parentElement!.querySelector('.expo-task__status')!.textContent;
    await screen.findByRole('region', { name: 'Order 9' });
    expect([status('Stendi'), status('Inforna'), status('Mescola')]).toEqual(['cooking', 'not yet', `fires ${wall(planned)}`]);

    // The pizza ran early: the order moved the salad's fire time and the item told the boards.
    const repaced = inMinutes(4);
    state.orders = [order(9, { status: 'PREPARING', handOffChoices: [], actualReadyAt: null, items: [pizza, salad(repaced)] })];
    act(
      () =>
        void live.emit('task:updated', {
          taskId: 'toss',
          status: 'PENDING',
          orderId: 'order-9',
          orderItemId: 'salad',
          stationId: null,
          plannedStartAt: repaced,
        }),
    );
    await waitFor(() => expect(status('Mescola')).toBe(`fires ${wall(repaced)}`));
  });
});
