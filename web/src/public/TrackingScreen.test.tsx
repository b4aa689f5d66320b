/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import type { TrackingView } from '../../../contracts/public-views';
import { TrackingScreen } from './TrackingScreen';

const view = (patch: Partial<TrackingView>): TrackingView => ({
  orderNumber: 42,
  delivery: false,
  stage: 'preparing',
  eta: null,
  readyAt: null,
  items: [{ name: 'Margherita', quantity: 2 }],
  rider: null,
  page: { locale: 'en', timeZone: null },
  ...patch,
});

it('shows the ETA as a range while the kitchen works on the order', () => {
  render(<TrackingScreen view={view({ eta: { from: '2026-12-07T18:18:00Z', to: '2026-12-07T18:26:00Z' } })} live />);
  expect(screen.getByRole('heading').textContent).toBe('Your order is being prepared');
  expect(screen.getByTestId('tracking-eta').textContent).toMatch(/^Ready between \d{1,2}:\d\d(\s?[AP]M)? and \d{1,2}:\d\d(\s?[AP]M)?$/);
  expect(screen.getByText('2 × Margherita')).toBeTruthy();
});

it('names the rider by first name once the order is on its way, on the delivery steps', () => {
  render(<TrackingScreen view={view({ delivery: true, stage: 'out_for_delivery', rider: { firstName: 'Marco' } })} live />);
  expect(screen.getByRole('heading').textContent).toBe('Marco is on the way with your order');
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toContain('On its way');
  expect(screen.queryByTestId('tracking-eta')).toBeNull();
});

it('says a cancelled order is cancelled, with no progress to show, and warns while offline', () => {
  render(<TrackingScreen view={view({ stage: 'cancelled' })} live={false} />);
  expect(screen.getByRole('heading').textContent).toBe('This order was cancelled');
  expect(screen.queryByRole('list', { name: 'Progress' })).toBeNull();
  expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
});
