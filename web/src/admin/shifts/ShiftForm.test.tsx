/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { ShiftForm, type ShiftInput } from './ShiftForm';

const choices = {
  shiftStaff: [
    { id: 'u1', name: 'Giulia', role: 'STAFF' as const },
    { id: 'u2', name: 'Marco', role: 'DELIVERY' as const },
  ],
  stations: [{ id: 'g', name: 'Grill' }],
};

function renderForm() {
  const sent: ShiftInput[] = [];
  render(<ShiftForm choices={choices} day="2026-12-14" busy={false} error={null} onSubmit={(input) => sent.push(input)} />);
  return sent;
}

describe('shift form', () => {
  it('plans a cook at a station for a day shift', () => {
    const sent = renderForm();
    fireEvent.change(screen.getByLabelText('Where'), { target: { value: 'g' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '10:30' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add shift' }));
    expect(sent).toEqual([
      { userId: 'u1', stationId: 'g', startsAt: new Date(2026, 11, 14, 10, 30).toISOString(), endsAt: new Date(2026, 11, 14, 18, 0).toISOString() },
    ]);
  });

  it('plans a rider at no station, and a closing shift past midnight into the next day', () => {
    const sent = renderForm();
    fireEvent.change(screen.getByLabelText('Who'), { target: { value: 'u2' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '18:00' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '01:00' } });
    expect(screen.getByText('Ends the next day.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add shift' }));
    expect(sent).toEqual([
      { userId: 'u2', stationId: null, startsAt: new Date(2026, 11, 14, 18, 0).toISOString(), endsAt: new Date(2026, 11, 15, 1, 0).toISOString() },
    ]);
  });
});
