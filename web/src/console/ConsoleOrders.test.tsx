/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiContext } from '../api/hooks';
import { fakeApi } from '../test-support/fake-api';
import type { ConsoleOrder } from './console-api';
import { ConsoleOrders } from './ConsoleOrders';

/**
 * The console's open orders with their real hooks and cache against an in-memory kitchen that
 * answers the same GraphQL documents; e2e/hand-off.test.ts drives the real server in Chromium.
 */
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function order(n: number, patch: Partial<ConsoleOrder> = {}): ConsoleOrder {
  return {
    id: `order-${n}`,
    orderNumber: n,
    status: 'READY',
    fulfillment: 'TAKEAWAY',
    handOffChoices: ['PICKED_UP', 'SERVED'],
    priority: 0,
    customerName: `Customer ${n}`,
    customerPhone: null,
    customerAddress: null,
    requestedAt: null,
    estimatedReadyAt: null,
    estimatedReadyRange: null,
    actualReadyAt: minutesAgo(2),
    handedOffAt: null,
    deliveredBy: null,
    delivery: null,
    isLate: false,
    delayMinutes: 0,
    createdAt: minutesAgo(20),
    trackingToken: `token-${n}`,
    items: [],
    ...patch,
  };
}

function fakeConsole(initial: ConsoleOrder[], holdMinutes = 5) {
  const state = { orders: initial, listed: [] as unknown[], handOffs: [] as Array<Record<string, unknown>> };
  const api = fakeApi(async (query, variables) => {
    await Promise.resolve();
    if (query.includes('kitchenSettings')) return { kitchenSettings: { readyHoldMinutes: holdMinutes } };
    if (query.includes('ConsoleOrders')) {
      state.listed.push((variables.status as string[] | null)?.join(', '));
      return { orders: state.orders };
    }
    if (query.includes('handOffOrder')) {
      state.handOffs.push(variables);
      const to = variables.to as ConsoleOrder['status'];
      // The server answers with the new status; the list it returns next still has the order until its refetch (a stale replica).
      state.orders = state.orders.map((o) => (o.id === variables.id ? { ...o, status: to, handOffChoices: [] } : o));
      return { handOffOrder: { id: variables.id, status: to, handOffChoices: [], handedOffAt: null, closedAt: null, failureReason: variables.reason ?? null } };
    }
    throw new Error(`unexpected document: ${query.slice(0, 60)}`);
  });
  return { api, state };
}

function renderConsole(api: ReturnType<typeof fakeConsole>['api']) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <ConsoleOrders />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
}

const row = (n: number) => document.querySelector<HTMLElement>(`.console-order[data-order-number="${n}"]`);
const shown = () => [...document.querySelectorAll<HTMLElement>('.console-order')].map((el) => [el.dataset.orderNumber, el.dataset.status]);

describe('console: open orders after READY', () => {
  it('asks for the orders still open, READY and OUT_FOR_DELIVERY included, and never shows a final one', async () => {
    const { api, state } = fakeConsole([
      order(1),
      order(2, { status: 'OUT_FOR_DELIVERY', fulfillment: 'DELIVERY', handOffChoices: ['DELIVERED', 'DELIVERY_FAILED'], handedOffAt: minutesAgo(4) }),
      order(3, { status: 'PICKED_UP', handOffChoices: [] }),
      order(4, { status: 'DELIVERED', handOffChoices: [] }),
      order(5, { status: 'PREPARING', handOffChoices: [], actualReadyAt: null, estimatedReadyAt: new Date(Date.now() + 9 * 60_000).toISOString() }),
    ]);
    renderConsole(api);
    await waitFor(() => expect(row(1)).not.toBeNull());
    expect(state.listed[0]).toBe('NEW, PREPARING, READY, OUT_FOR_DELIVERY');
    expect(shown()).toEqual([
      ['5', 'PREPARING'],
      ['2', 'OUT_FOR_DELIVERY'],
      ['1', 'READY'],
    ]);
    expect(within(row(2)!).getByTestId('order-status').textContent).toBe('out for delivery');
    expect(within(row(1)!).getByTestId('ready-since').textContent).toBe('ready 2 min ago');
    // Only an order still cooking may be raised or cancelled.
    expect(within(row(1)!).queryByRole('button', { name: 'Cancel…' })).toBeNull();
    expect(within(row(5)!).getByRole('button', { name: 'Cancel…' })).toBeTruthy();
  });

  it('marks a ready order waiting past the kitchen’s hold time, and hands it over in one tap', async () => {
    const { api, state } = fakeConsole([order(8, { actualReadyAt: minutesAgo(11) })], 10);
    renderConsole(api);
    await waitFor(() => expect(within(row(8)!).getByTestId('ready-since').textContent).toBe('ready 11 min ago · waiting too long'));
    expect(row(8)!.classList.contains('is-overdue')).toBe(true);
    fireEvent.click(within(row(8)!).getByRole('button', { name: 'Collected' }));
    await waitFor(() => expect(row(8)).toBeNull());
    expect(state.handOffs).toEqual([{ id: 'order-8', to: 'PICKED_UP', reason: null }]);
  });

  it('offers Delivered and Failed for an order out for delivery; Failed needs a reason first', async () => {
    const { api, state } = fakeConsole([
      order(9, { status: 'OUT_FOR_DELIVERY', fulfillment: 'DELIVERY', handOffChoices: ['DELIVERED', 'DELIVERY_FAILED'], handedOffAt: minutesAgo(4) }),
    ]);
    renderConsole(api);
    await waitFor(() => expect(row(9)).not.toBeNull());
    expect(within(row(9)!).getByRole('button', { name: 'Delivered' }).className).toContain('hand-off__main');
    fireEvent.click(within(row(9)!).getByRole('button', { name: 'Failed…' }));
    const mark = within(row(9)!).getByRole('button', { name: 'Mark failed' });
    expect(mark).toHaveProperty('disabled', true);
    fireEvent.change(within(row(9)!).getByLabelText('Why did the delivery of #9 fail?'), { target: { value: 'nobody at the door' } });
    fireEvent.click(mark);
    await waitFor(() => expect(row(9)).toBeNull());
    expect(state.handOffs).toEqual([{ id: 'order-9', to: 'DELIVERY_FAILED', reason: 'nobody at the door' }]);
    expect(screen.getByText('No open orders right now')).toBeTruthy();
  });
});
