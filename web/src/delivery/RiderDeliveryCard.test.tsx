/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../api/hooks';
import { fakeApi } from '../test-support/fake-api';
import type { RiderDelivery } from './delivery-api';
import { RiderDeliveryCard } from './RiderDeliveryCard';

/** The rider's card against an in-memory API; e2e/delivery-flow.test.ts drives the real one on a phone-sized Chromium. */
const delivery = (over: Partial<RiderDelivery> = {}, order: Partial<RiderDelivery['order']> = {}): RiderDelivery => ({
  id: 'd-1',
  status: 'ASSIGNED',
  notes: null,
  readyAt: '2026-12-07T19:30:00.000Z',
  deliveredBy: '2026-12-07T19:50:00.000Z',
  pickedUpAt: null,
  order: {
    id: 'o-1',
    orderNumber: 42,
    status: 'READY',
    customerName: 'Lucia Ferri',
    customerPhone: '+393331234567',
    customerAddress: 'Via Torino 12, Milano',
    notes: 'Ring twice',
    items: [{ id: 'i-1', name: 'Tiramisù', quantity: 2, modifications: null }],
    ...order,
  },
  ...over,
});

function renderCard(d: RiderDelivery) {
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  const api = fakeApi((query, variables) => {
    sent.push({ query, variables });
    return { [/mutation \w+[^{]*\{\s*(\w+)/.exec(query)![1]]: { id: d.id, status: 'FAILED' } };
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ApiContext.Provider value={api}>
        <RiderDeliveryCard delivery={d} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
  return sent;
}

afterEach(cleanup);

it('opens the address in the maps app, calls the customer with a tap, and shows the notes', () => {
  renderCard(delivery());
  expect(screen.getByRole('link', { name: /Via Torino 12, Milano/ }).getAttribute('href')).toBe('https://maps.google.com/?q=Via%20Torino%2012%2C%20Milano');
  expect(screen.getByRole('link', { name: 'Call +393331234567' }).getAttribute('href')).toBe('tel:+393331234567');
  expect(screen.getByText('Ring twice')).toBeTruthy();
});

it('offers Picked up only once the kitchen has the order ready', () => {
  renderCard(delivery({}, { status: 'PREPARING' }));
  expect((screen.getByRole('button', { name: 'Picked up' }) as HTMLButtonElement).disabled).toBe(true);
});

it('asks why before marking a delivery failed, and sends the reason', async () => {
  const sent = renderCard(delivery({ status: 'PICKED_UP', pickedUpAt: '2026-12-07T19:32:00.000Z' }, { status: 'OUT_FOR_DELIVERY' }));
  fireEvent.click(screen.getByRole('button', { name: 'Failed…' }));
  const confirm = screen.getByRole('button', { name: 'Delivery failed' }) as HTMLButtonElement;
  expect(confirm.disabled).toBe(true);
  fireEvent.change(screen.getByLabelText('Why could #42 not be delivered?'), { target: { value: 'Nobody at home' } });
  fireEvent.click(confirm);
  await waitFor(() => expect(sent.map((s) => s.variables)).toEqual([{ id: 'd-1', reason: 'Nobody at home' }]));
  expect(sent[0].query).toContain('markDeliveryFailed');
});
