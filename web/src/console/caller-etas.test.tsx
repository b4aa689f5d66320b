/** @jest-environment jsdom */
import { cleanup, render, screen } from '@testing-library/react';
import type { ConsoleOrder, EtaQuote } from './console-api';
import { DeliveryLine } from './DeliveryLine';
import { QuoteBox } from './QuoteBox';
import { createFormat } from '../i18n/format';

/**
 * What the operator reads out to a caller about a delivery: when the kitchen has it ready and when
 * it is at the door, both for a new order (the quote) and for one already placed (its row).
 * api/graphql/eta-quote.test.ts and deliveries.test.ts check the times the server computes.
 */
// The app formats clock times through its formatting module, in the active language (English here).
const hhmm = (iso: string) => createFormat({ locale: 'en', timeZone: null, currency: 'EUR' }).time(iso);
const READY = '2026-12-07T19:30:00.000Z';
const AT_DOOR = '2026-12-07T19:55:00.000Z';

const quote: EtaQuote = {
  readyAt: READY,
  minutes: 13,
  range: { from: '2026-12-07T19:27:00.000Z', to: '2026-12-07T19:35:00.000Z', basis: 'FIXED' },
  perItem: [{ index: 0, name: 'Margherita', quantity: 1, readyAt: READY }],
  unstaffedStations: [],
  delivery: { travelMinutes: 25, deliveredBy: AT_DOOR },
};

afterEach(cleanup);

describe('the quote for a new order', () => {
  const renderQuote = (delivery: boolean) => render(<QuoteBox quote={quote} error={null} updating={false} requestedAt="" empty={false} delivery={delivery} />);

  it('says when a delivery is at the door beside when the kitchen has it ready', () => {
    renderQuote(true);
    expect(screen.getByTestId('quote-range').textContent).toContain(`ready ${hhmm(READY)}`);
    expect(screen.getByTestId('quote-delivered-by').textContent).toBe(`At the door by ${hhmm(AT_DOOR)} (25 min ride after it is ready)`);
  });

  it('says nothing of a door for an order collected or eaten in', () => {
    renderQuote(false);
    expect(screen.getByTestId('quote-minutes').textContent).toBe('13 min');
    expect(screen.queryByTestId('quote-delivered-by')).toBeNull();
  });
});

describe('the row of a placed delivery', () => {
  const order = (patch: Partial<ConsoleOrder>): ConsoleOrder => ({
    id: 'o-1',
    orderNumber: 12,
    status: 'PREPARING',
    fulfillment: 'DELIVERY',
    handOffChoices: [],
    priority: 0,
    customerName: 'Lucia',
    customerPhone: '+393331234567',
    customerAddress: 'Via Torino 12',
    requestedAt: null,
    estimatedReadyAt: READY,
    estimatedReadyRange: null,
    actualReadyAt: null,
    handedOffAt: null,
    deliveredBy: AT_DOOR,
    delivery: { id: 'd-1', status: 'ASSIGNED', failureReason: null, rider: { id: 'r-1', name: 'Ahmed' } },
    isLate: false,
    delayMinutes: 0,
    createdAt: '2026-12-07T19:15:00.000Z',
    trackingToken: 't',
    items: [],
    ...patch,
  });

  it('shows the kitchen’s ready time and the time at the door, and who brings it', () => {
    render(<DeliveryLine order={order({})} />);
    expect(screen.getByTestId('delivery-line').textContent).toBe(`ready ~${hhmm(READY)} · at the door by ${hhmm(AT_DOOR)} · Ahmed takes it`);
  });

  it('once ready and delivered, says when each happened', () => {
    const delivered = order({ status: 'DELIVERED', actualReadyAt: '2026-12-07T19:32:00.000Z', deliveredBy: '2026-12-07T19:51:00.000Z' });
    render(<DeliveryLine order={{ ...delivered, delivery: { ...delivered.delivery!, status: 'DELIVERED' } }} />);
    expect(screen.getByTestId('delivery-line').textContent).toBe(
      `ready at ${hhmm('2026-12-07T19:32:00.000Z')} · delivered at ${hhmm('2026-12-07T19:51:00.000Z')} · delivered by Ahmed`,
    );
  });
});
