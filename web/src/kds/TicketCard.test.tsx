/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ticket } from '../test-support/kds-tickets';
import type { QueueTicket } from './kds-api';
import { TicketCard, type TicketActions } from './TicketCard';
import { useNow } from './use-now';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const noActions: TicketActions = {
  start: () => undefined,
  undoStart: () => undefined,
  done: () => undefined,
  tickSubtask: () => undefined,
  openExpo: () => undefined,
};

/** The card with the screen's one-second clock, as StationScreen wires it. */
function Ticking({ t }: { t: QueueTicket }) {
  const now = useNow(1000);
  const [receivedAt] = useState(() => Date.now());
  return <TicketCard ticket={t} receivedAt={receivedAt} now={now} busy={false} error={null} actions={noActions} />;
}

describe('ticket card', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
  });
  afterEach(() => jest.useRealTimers());

  it('ticks every second and turns amber at 80% of the estimate, then red past it', () => {
    render(<Ticking t={ticket({ status: 'IN_PROGRESS', elapsedSeconds: 230, estimatedMinutes: 5 })} />);
    const timer = screen.getByRole('timer');
    expect([timer.textContent, timer.className]).toEqual(['3:50 / 5:00', 'ticket__timer tone--on-time']);

    act(() => jest.advanceTimersByTime(1000));
    expect(timer.textContent).toBe('3:51 / 5:00');
    act(() => jest.advanceTimersByTime(9000));
    expect([timer.textContent, timer.className]).toEqual(['4:00 / 5:00', 'ticket__timer tone--at-risk']);
    act(() => jest.advanceTimersByTime(61_000));
    expect([timer.textContent, timer.getAttribute('aria-label')]).toEqual(['5:01 / 5:00', '5:01 / 5:00, late']);
    expect(document.querySelector('.ticket')!.className).toContain('ticket--late');
  });

  it('puts modifications, notes, allergens, open steps and what comes next on the ticket', () => {
    const t = ticket({
      status: 'IN_PROGRESS',
      label: 'Margherita × 2',
      name: 'Stendi impasto',
      modifications: 'no basil, extra oil',
      notes: 'cut in 8',
      allergens: ['gluten', 'milk'],
      downstream: ['Condisci'],
      subtasks: [
        { id: 's1', name: 'Prendi la pallina', optional: false, completed: true },
        { id: 's2', name: 'Infarina', optional: true, completed: false },
      ],
    });
    render(<TicketCard ticket={t} receivedAt={T0} now={T0} busy={false} error={null} actions={noActions} />);
    expect(screen.getByRole('heading').textContent).toBe('Margherita × 2');
    expect(screen.getByText('no basil, extra oil')).toBeTruthy();
    expect(screen.getByText('cut in 8')).toBeTruthy();
    expect(screen.getByLabelText('Allergens').textContent).toBe('glutenmilk');
    expect(screen.getByRole('button', { name: /Prendi la pallina/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /Infarina/ }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('next: Condisci')).toBeTruthy();
    // Only optional steps are open: Done says nothing about open steps.
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
  });

  it('lists the ordered options that change this task', () => {
    const t = ticket({ name: 'Inforna', modifiers: ['Basil: No basil', 'Bake: Well done'] });
    render(<TicketCard ticket={t} receivedAt={T0} now={T0} busy={false} error={null} actions={noActions} />);
    expect([...screen.getByRole('list', { name: 'Options' }).querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Basil: No basil',
      'Bake: Well done',
    ]);
  });

  it('names the station where each next task will be done', () => {
    const t = ticket({
      downstream: ['Inforna', 'Taglia'],
      task: {
        orderItem: { id: 'oi-1' },
        downstream: [
          { name: 'Inforna', stationType: 'forno', stationName: 'Forno' },
          { name: 'Taglia', stationType: 'packaging', stationName: null },
        ],
      },
    });
    render(<TicketCard ticket={t} receivedAt={T0} now={T0} busy={false} error={null} actions={noActions} />);
    expect(screen.getByText('next: Inforna @ Forno, Taglia @ packaging')).toBeTruthy();
  });

  it('offers Undo on a ticket this screen started until its window closes, counting down, then only Done', () => {
    const undone: string[] = [];
    const t = ticket({ id: 'started', status: 'IN_PROGRESS' });
    const actions = { ...noActions, undoStart: (x: QueueTicket) => void undone.push(x.id) };
    const { rerender } = render(<TicketCard ticket={t} receivedAt={T0} now={T0} busy={false} error={null} undoUntil={T0 + 10_000} actions={actions} />);
    const undo = screen.getByRole('button', { name: /^Undo/ });
    expect(undo.textContent).toBe('↶ Undo 10 s');
    fireEvent.click(undo);
    expect(undone).toEqual(['started']);

    rerender(<TicketCard ticket={t} receivedAt={T0} now={T0 + 9_200} busy={false} error={null} undoUntil={T0 + 10_000} actions={actions} />);
    expect(screen.getByRole('button', { name: /^Undo/ }).textContent).toBe('↶ Undo 1 s');
    rerender(<TicketCard ticket={t} receivedAt={T0} now={T0 + 10_000} busy={false} error={null} undoUntil={T0 + 10_000} actions={actions} />);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();

    // Never on a waiting ticket, nor on one started elsewhere (no window from this screen).
    rerender(<TicketCard ticket={{ ...t, status: 'QUEUED' }} receivedAt={T0} now={T0} busy={false} error={null} undoUntil={T0 + 10_000} actions={actions} />);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
    rerender(<TicketCard ticket={t} receivedAt={T0} now={T0} busy={false} error={null} undoUntil={null} actions={actions} />);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });
});
