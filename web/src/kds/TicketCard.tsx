import { memo } from 'react';
import { UNDO_START_WINDOW_MS } from '../../../domain/kitchen/undo-start';
import { describeError, isReconnecting } from '../api/errors';
import { useI18n } from '../i18n/LocaleProvider';
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

/** One ticket, readable from arm's length: what to make, how it must differ, and how late it is. */
function TicketCardView({ ticket: t, receivedAt, now, busy, error, undoUntil = null, actions }: Props) {
  const { t: tr } = useI18n();
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
      aria-label={tr('kds.ticket.label', { orderNumber: t.orderNumber, label: t.label, task: t.name })}
    >
      <header className="ticket__head">
        <button type="button" className="ticket__order" onClick={() => actions.openExpo(t.orderId)} title={tr('kds.ticket.showOrder')}>
          #{t.orderNumber}
        </button>
        {t.priority > 0 && (
          <span className="badge badge--error">
            {t.priority === 1 ? tr('kds.ticket.high') : t.priority === 2 ? tr('kds.ticket.urgent') : tr('kds.ticket.priority')}
          </span>
        )}
        <span className={`ticket__timer tone--${timer.tone}`} role="timer" aria-label={`${timer.label}, ${TONE_LABEL[timer.tone]}`}>
          {timer.label}
        </span>
      </header>
      <h2 className="ticket__item">{t.label}</h2>
      <p className="ticket__task">
        {t.name}
        <span className="muted"> · {working ? tr('kds.ticket.inProgress') : tr('kds.ticket.waiting')}</span>
      </p>
      {t.modifiers.length > 0 && (
        <ul className="ticket__mods ticket__options" aria-label={tr('kds.ticket.options')}>
          {t.modifiers.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {t.modifications && <p className="ticket__mods">{t.modifications}</p>}
      {t.notes && <p className="ticket__note">{t.notes}</p>}
      {t.orderNotes && <p className="ticket__note ticket__note--order">{tr('kds.ticket.order', { notes: t.orderNotes })}</p>}
      {t.allergens.length > 0 && (
        <p className="ticket__allergens" aria-label={tr('kds.ticket.allergens')}>
          {t.allergens.map((a) => (
            <span key={a} className="allergen">
              {a}
            </span>
          ))}
        </p>
      )}
      {t.subtasks.length > 0 && (
        <ul className="ticket__steps" aria-label={tr('kds.ticket.steps')}>
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
                {s.optional && <span className="muted"> {tr('kds.ticket.optional')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {t.downstream.length > 0 && <p className="ticket__next muted">{tr('kds.ticket.next', { tasks: nextLabels(t).join(', ') })}</p>}
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
                aria-label={tr('kds.ticket.undoLabel', { seconds: undoSeconds })}
              >
                {tr('kds.ticket.undo')} <span className="muted">{undoSeconds} s</span>
              </button>
            )}
            <button type="button" className="btn btn--primary ticket__btn" disabled={busy} onClick={() => actions.done(t)}>
              {openRequired > 0 ? tr('kds.ticket.doneOpen', { count: openRequired }) : tr('kds.ticket.done')}
            </button>
          </>
        ) : (
          <button type="button" className="btn btn--primary ticket__btn" disabled={busy} onClick={() => actions.start(t)}>
            {tr('kds.ticket.start')}
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
