/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/errors';
import { ApiContext } from '../api/hooks';
import { fakeApi } from '../test-support/fake-api';
import type { MyShift } from './shift-api';
import { ShiftClock } from './ShiftClock';
import { StaffingBanner } from './StaffingBanner';
import type { StationStaffing } from './shift-api';
import { createFormat } from '../i18n/format';

/**
 * The KDS's clock button and staffing banner with their real hooks and cache. The API is an
 * in-memory stand-in answering the same documents (a browser test cannot run the server here);
 * the API side is tested in api/graphql/shifts.test.ts.
 */
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function renderWith(answer: Parameters<typeof fakeApi>[0], ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={fakeApi(answer)}>{ui}</ApiContext.Provider>
    </QueryClientProvider>,
  );
}

describe('KDS clock-in button', () => {
  it('clocks the cook in to the shift due, then offers clock-out', async () => {
    const now = Date.now();
    let shift: MyShift = {
      id: 's1',
      startsAt: iso(now + 30 * MIN),
      endsAt: iso(now + 8 * 60 * MIN),
      clockedInAt: null,
      clockedOutAt: null,
      station: { id: 'g', name: 'Grill' },
    };
    const sent: Array<[string, unknown]> = [];
    renderWith(
      async (query, variables) => {
        if (query.includes('myShifts')) return { myShifts: [shift] };
        if (query.includes('clockIn')) {
          sent.push(['clockIn', variables.shiftId]);
          shift = { ...shift, clockedInAt: iso(Date.now()) };
          return { clockIn: shift };
        }
        return {};
      },
      <ShiftClock />,
    );

    expect(await screen.findByText(/Your shift at Grill/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clock in' }));
    await screen.findByRole('button', { name: 'Clock out' });
    expect(sent).toEqual([['clockIn', 's1']]);
    expect(screen.getByText(/On shift at Grill since/)).toBeTruthy();
  });

  it('shows the server’s reason when clocking out is refused, and nothing at all without a shift due', async () => {
    const now = Date.now();
    const clockedIn: MyShift = {
      id: 's1',
      startsAt: iso(now - 60 * MIN),
      endsAt: iso(now + 60 * MIN),
      clockedInAt: iso(now - 60 * MIN),
      clockedOutAt: null,
      station: null,
    };
    renderWith(
      async (query) => {
        if (query.includes('myShifts')) return { myShifts: [clockedIn] };
        throw new ApiError('You clocked out of this shift already', 'CONFLICT');
      },
      <ShiftClock />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Clock out' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You clocked out of this shift already');

    const later: MyShift = { ...clockedIn, id: 's2', startsAt: iso(now + 3 * 60 * MIN), endsAt: iso(now + 6 * 60 * MIN), clockedInAt: null };
    const { container } = renderWith(async () => ({ myShifts: [later] }), <ShiftClock />);
    await waitFor(() => expect(container.textContent).toBe(''));
  });
});

describe('KDS staffing banner', () => {
  const staffing = (s: StationStaffing | null) => async () => ({ station: { id: 'g', staffing: s } });

  it('says nobody is on shift and until when, while the station takes no new work', async () => {
    const from = new Date(Date.now() + 45 * MIN);
    renderWith(staffing({ followsShifts: true, onShiftNow: 0, capacityNow: 0, staffedFrom: from.toISOString() }), <StaffingBanner stationId="g" />);
    const banner = await screen.findByRole('status');
    const at = createFormat({ locale: 'en', timeZone: null, currency: 'EUR' }).time(from);
    expect(banner.textContent).toBe(
      `Nobody is on shift at this station: it takes no new tickets until the next shift starts at ${at}. Quotes wait for it too.`,
    );
  });

  it('counts who is on where shifts are planned, and stays out of the way where none are', async () => {
    renderWith(staffing({ followsShifts: true, onShiftNow: 2, capacityNow: 2, staffedFrom: null }), <StaffingBanner stationId="g" />);
    expect((await screen.findByLabelText('Staffing')).textContent).toBe('On shift here: 2');
    const { container } = renderWith(staffing({ followsShifts: false, onShiftNow: 0, capacityNow: 3, staffedFrom: null }), <StaffingBanner stationId="h" />);
    await waitFor(() => expect(container.textContent).toBe(''));
  });
});
