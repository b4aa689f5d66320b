/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ApiContext } from '../api/hooks';
import { fakeApi } from '../test-support/fake-api';
import { ExpoView } from './ExpoView';

// The expo over an in-memory API answering its one query; the print dialog is the browser's,
// so window.print is a stand-in that records the page as it was when printing began.
const order = (n: number, over: Record<string, unknown> = {}) => ({
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

function renderExpo() {
  const api = fakeApi(() => ({
    orders: [
      order(41),
      order(42, {
        customerName: 'Anna',
        notes: 'Citofono rotto',
        items: [{ id: 'i', name: 'Diavola', quantity: 1, modifications: 'senza aglio', notes: 'ben cotta', status: 'IN_PROGRESS', tasks: [] }],
      }),
    ],
  }));
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
    renderExpo();
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
