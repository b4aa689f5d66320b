import { memo } from 'react';
import { UNDO_START_WINDOW_MS } from '../../../domain/kitchen/undo-start';
import { describeError, isReconnecting } from '../api/errors';
import type { QueueTicket } from './kds-api';
import { ticketTimer, TONE_LABEL } from './ticket-timer';

export interface TicketActions {
  start(ticket: QueueTicket): void;
  /** Takes back a Start tapped by mistake (offered for UNDO_START_WINDOW_MS after it). */
  undoStart(ticket: QueueTicket): void;
  done(ticket: QueueTicket): void;
  tickSubtask(ticket: QueueTicket, subtaskId: string): void;
  openExpo(orderId: string): void;
}

interface Props {
  ticket: QueueTicket;
  receivedAt: number;
  now: number;
  /** A request for this ticket is on its way: its buttons wait for the answer. */
  busy: boolean;
  error: unknown;
  /** Until when (ms, client clock) this screen offers Undo for its Start; null when it does not. */
  undoUntil?: number | null;
  actions: TicketActions;
}

const PRIORITY = ['', 'high priority', 'urgent'];

/** One ticket, readable from arm's length: what to make, how it must differ, and how late it is. */
function TicketCardView({ ticket: t, receivedAt, now, busy, error, undoUntil = null, actions }: Props) {
  const timer = ticketTimer({ ...t, receivedAt, now });
  const working = t.status === 'IN_PROGRESS';
  const openRequired = t.subtasks.filter((s) => !s.optional && !s.completed).length;
  // `now` ticks once a second, so right after the tap it can lag it: never count above the window.
  const undoSeconds = working && undoUntil !== null && now < undoUntil ? Math.min(Math.ceil((undoUntil - now) / 1000), UNDO_START_WINDOW_MS / 1000) : 0;
  return (
    <article
      className={`ticket ticket--${timer.tone}${working ? ' ticket--working' : ''}`}
      data-task-id={t.id}
      data-status={t.status}
      aria-label={`Order ${t.orderNumber}: ${t.label}, ${t.name}`}
    >
      <header className="ticket__head">
        <button type="button" className="ticket__order" onClick={() => actions.openExpo(t.orderId)} title="Show the whole order (expo)">
          #{t.orderNumber}
        </button>
        {t.priority > 0 && <span className="badge badge--error">{PRIORITY[t.priority] ?? 'priority'}</span>}
        <span className={`ticket__timer tone--${timer.tone}`} role="timer" aria-label={`${timer.label}, ${TONE_LABEL[timer.tone]}`}>
          {timer.label}
        </span>
      </header>
      <h2 className="ticket__item">{t.label}</h2>
      <p className="ticket__task">
        {t.name}
        <span className="muted"> · {working ? 'in progress' : 'waiting'}</span>
      </p>
      {t.modifiers.length > 0 && (
        <ul className="ticket__mods ticket__options" aria-label="Options">
          {t.modifiers.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {t.modifications && <p className="ticket__mods">{t.modifications}</p>}
      {t.notes && <p className="ticket__note">{t.notes}</p>}
      {t.orderNotes && <p className="ticket__note ticket__note--order">Order: {t.orderNotes}</p>}
      {t.allergens.length > 0 && (
        <p className="ticket__allergens" aria-label="Allergens">
          {t.allergens.map((a) => (
            <span key={a} className="allergen">
              {a}
            </span>
          ))}
        </p>
      )}
      {t.subtasks.length > 0 && (
        <ul className="ticket__steps" aria-label="Steps">
          {t.subtasks.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`step${s.completed ? ' step--done' : ''}`}
                aria-pressed={s.completed}
                disabled={s.completed || busy}
                onClick={() => actions.tickSubtask(t, s.id)}
              >
                <span className="step__box" aria-hidden="true">
                  {s.completed ? '✓' : ''}
                </span>
                {s.name}
                {s.optional && <span className="muted"> (optional)</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {t.downstream.length > 0 && <p className="ticket__next muted">next: {nextLabels(t).join(', ')}</p>}
      {error != null &&
        (isReconnecting(error) ? (
          // Not an error about this ticket: it is still there, the kitchen just could not answer yet.
          <p className="ticket__notice" role="status">
            {describeError(error)}
          </p>
        ) : (
          <p className="ticket__error" role="alert">
            {describeError(error)}
          </p>
        ))}
      <div className="ticket__actions">
        {working ? (
          <>
            {undoSeconds > 0 && (
              <button
                type="button"
                className="btn ticket__btn ticket__undo"
                disabled={busy}
                onClick={() => actions.undoStart(t)}
                aria-label={`Undo (${undoSeconds} s left)`}
              >
                ↶ Undo <span className="muted">{undoSeconds} s</span>
              </button>
            )}
            <button type="button" className="btn btn--primary ticket__btn" disabled={busy} onClick={() => actions.done(t)}>
              Done{openRequired > 0 ? ` (${openRequired} step${openRequired === 1 ? '' : 's'} open)` : ''}
            </button>
          </>
        ) : (
          <button type="button" className="btn btn--primary ticket__btn" disabled={busy} onClick={() => actions.start(t)}>
            Start
          </button>
        )}
      </div>
    </article>
  );
}

export const TicketCard = memo(TicketCardView);

/** "Inforna @ Forno": where the ticket goes next (the station once released, else its station type). */
function nextLabels(t: QueueTicket): string[] {
  const links = t.task.downstream;
  if (!links || links.length === 0) return t.downstream;
  return links.map((l) => `${l.name} @ ${l.stationName ?? l.stationType}`);
}
