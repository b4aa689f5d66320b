import type { TaskStatusName } from '../../../contracts/socket-events';
import { i18n } from '../i18n/i18n';

export type TimerTone = 'on-time' | 'at-risk' | 'late';

export interface TicketTimerInput {
  status: TaskStatusName;
  /** From the server, measured when it answered (in progress: since start; queued: since arrival). */
  elapsedSeconds: number;
  /** Client clock when that answer arrived. Counting on from here keeps tablet clock skew out. */
  receivedAt: number;
  now: number;
  estimatedMinutes: number;
  /** Server times: only their difference is used, for the same reason. */
  queuedAt?: string | null;
  plannedStartAt?: string | null;
}

export interface TicketTimer {
  elapsedSeconds: number;
  tone: TimerTone;
  /** "3:12 / 5:00" in progress, "waiting 1:05" in the queue. */
  label: string;
}

/** In progress: past this share of the estimate the ticket turns amber. */
export const AT_RISK_SHARE = 0.8;
/** Queued: how long after its planned start a ticket may wait before amber, and before red. */
export const QUEUE_GRACE_SECONDS = 60;
export const QUEUE_LATE_SECONDS = 180;

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * The ticket's clock and colour, as a pure function of the last server answer and "now", so it
 * ticks every second without refetching and is testable without a browser.
 * Work in hand is judged against the (quantity-scaled) estimate; waiting work against when the
 * kitchen planned to start it (fire-by-prep-time may plan it later than its arrival).
 */
export function ticketTimer(input: TicketTimerInput): TicketTimer {
  const sinceAnswer = Math.max(0, Math.floor((input.now - input.receivedAt) / 1000));
  const elapsed = Math.max(0, input.elapsedSeconds) + sinceAnswer;

  if (input.status === 'IN_PROGRESS') {
    const estimate = Math.max(0, input.estimatedMinutes * 60);
    const tone: TimerTone = elapsed > estimate ? 'late' : elapsed >= estimate * AT_RISK_SHARE ? 'at-risk' : 'on-time';
    return { elapsedSeconds: elapsed, tone, label: `${clock(elapsed)} / ${clock(estimate)}` };
  }

  if (input.status === 'QUEUED') {
    const planned = input.plannedStartAt && input.queuedAt ? (Date.parse(input.plannedStartAt) - Date.parse(input.queuedAt)) / 1000 : 0;
    const overdue = elapsed - Math.max(0, Number.isFinite(planned) ? planned : 0);
    const tone: TimerTone = overdue > QUEUE_LATE_SECONDS ? 'late' : overdue > QUEUE_GRACE_SECONDS ? 'at-risk' : 'on-time';
    return { elapsedSeconds: elapsed, tone, label: i18n.t('kds.ticket.waitingClock', { clock: clock(elapsed) }) };
  }

  return { elapsedSeconds: elapsed, tone: 'on-time', label: clock(elapsed) };
}

/** In the active language at each read. */
export const TONE_LABEL: Record<TimerTone, string> = {
  get 'on-time'() {
    return i18n.t('kds.tone.on-time');
  },
  get 'at-risk'() {
    return i18n.t('kds.tone.at-risk');
  },
  get late() {
    return i18n.t('kds.tone.late');
  },
};
