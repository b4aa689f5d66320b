/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Shift } from './shift-api';
import { WeekGrid } from './WeekGrid';
import { clock } from './week';

/** The planner's week, by station and by person; e2e/shifts.test.ts plans one in real Chromium. */
const MONDAY = new Date(2026, 11, 14);
const at = (day: number, hour: number) => new Date(2026, 11, 14 + day, hour).toISOString();
const grill = { id: 'g', name: 'Grill' };
const wok = { id: 'w', name: 'Wok' };
const giulia = { id: 'u1', name: 'Giulia', role: 'STAFF' as const };
const marco = { id: 'u2', name: 'Marco', role: 'DELIVERY' as const };
const shift = (id: string, user: Shift['user'], station: Shift['station'], day: number, from: number, to: number, clockedIn = false): Shift => ({
  id,
  startsAt: at(day, from),
  endsAt: at(day, to),
  clockedInAt: clockedIn ? at(day, from) : null,
  clockedOutAt: null,
  onShiftNow: false,
  user,
  station,
});
const SHIFTS = [
  shift('s1', giulia, grill, 0, 10, 16),
  shift('s2', giulia, wok, 2, 18, 23),
  shift('s3', marco, null, 0, 18, 22),
  shift('s4', { id: 'u9', name: 'Old cook', role: 'STAFF' }, grill, 4, 11, 15, true),
];

function renderWeek(onDelete: (s: Shift) => void = () => undefined) {
  render(
    <WeekGrid
      weekStart={MONDAY}
      stations={[grill, wok]}
      people={[giulia, marco, { id: 'u3', name: 'Sara' }]}
      shifts={SHIFTS}
      busy={false}
      onDelete={onDelete}
    />,
  );
  return screen.getByRole('table', { name: 'Shifts of the week' });
}

/** Each row's header and its seven days' chips. */
const grid = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.children].map((cell) => [...cell.querySelectorAll('.shift-chip')].map((c) => c.firstChild?.textContent).join(' | ') || cell.textContent),
    );
const span = (day: number, from: number, to: number) => `${clock(at(day, from))}–${clock(at(day, to))}`;

describe('shift week', () => {
  it('shows a row per station, and one for shifts at no station, naming who works each shift', () => {
    const table = renderWeek();
    expect(grid(table)).toEqual([
      ['Grill', `Giulia ${span(0, 10, 16)}`, '', '', '', `Old cook ${span(4, 11, 15)}`, '', ''],
      ['Wok', '', '', `Giulia ${span(2, 18, 23)}`, '', '', '', ''],
      ['No station', `Marco ${span(0, 18, 22)}`, '', '', '', '', '', ''],
    ]);
  });

  it('by person: a row for everyone who can be planned, shifts or not, and for anyone else planned that week, naming where', () => {
    const table = renderWeek();
    fireEvent.click(screen.getByRole('button', { name: 'By person' }));
    expect(screen.getByRole('button', { name: 'By person' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(table).getAllByRole('columnheader')[0].textContent).toBe('Person');
    expect(grid(table)).toEqual([
      ['Giulia', `Grill ${span(0, 10, 16)}`, '', `Wok ${span(2, 18, 23)}`, '', '', '', ''],
      ['Marco', `No station ${span(0, 18, 22)}`, '', '', '', '', '', ''],
      ['Sara', '', '', '', '', '', '', ''],
      ['Old cook', '', '', '', '', `Grill ${span(4, 11, 15)}`, '', ''],
    ]);
  });

  it('removes a shift not yet clocked in to from either view, naming whose and where', () => {
    const removed: string[] = [];
    renderWeek((s) => removed.push(s.id));
    fireEvent.click(screen.getByRole('button', { name: 'By person' }));
    fireEvent.click(screen.getByRole('button', { name: `Remove Giulia, Wok ${span(2, 18, 23)}` }));
    expect(removed).toEqual(['s2']);
    expect(screen.queryByRole('button', { name: /^Remove Old cook/ })).toBeNull();
  });
});
