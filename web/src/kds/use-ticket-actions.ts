import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { UNDO_START_WINDOW_MS } from '../../../domain/kitchen/undo-start';
import { useApi } from '../api/hooks';
import { COMPLETE_SUBTASK, COMPLETE_TASK, queueKey, RECALL_TASK, START_TASK, UNDO_START_TASK, type QueueTicket } from './kds-api';
import type { BumpedTicket } from './station-choice';

interface Options {
  stationId: string;
  /** The tickets on screen: an error or an Undo belongs to a ticket as it was when tapped. */
  tickets: readonly QueueTicket[] | undefined;
  onBumped(ticket: BumpedTicket | null): void;
  openExpo(orderId: string): void;
}

/** A tap's error, and the ticket's status when it was tapped: once the ticket moves on, it is stale. */
interface TapError {
  error: unknown;
  status: QueueTicket['status'];
}

/** Drops the entries whose ticket left the screen or is no longer `keep`; the same map when none. */
function pruned<V>(map: ReadonlyMap<string, V>, tickets: readonly QueueTicket[], keep: (v: V, t: QueueTicket) => boolean): ReadonlyMap<string, V> {
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const next = new Map([...map].filter(([id, v]) => byId.has(id) && keep(v, byId.get(id)!)));
  return next.size === map.size ? map : next;
}

/**
 * Start / Undo / Done / step / Recall for one station screen. Each ticket tracks its own request
 * and its own last error, so a CONFLICT from the kitchen workflow ("dependencies not done…")
 * appears on the ticket the cook tapped, and a second tap while the first is on its way is
 * ignored. An error lasts until a later tap on the ticket succeeds or the ticket moves on (an
 * UNAVAILABLE start the server applied once its worker was back, a bump from another screen).
 */
export function useTicketActions({ stationId, tickets, onBumped, openExpo }: Options) {
  const api = useApi();
  const client = useQueryClient();
  // The ref answers "already on its way?" synchronously (a double tap); the state redraws buttons.
  const inFlight = useRef(new Set<string>());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<ReadonlyMap<string, TapError>>(new Map());
  // Until when (client clock) each ticket started here may be taken back: counted from the tap, so
  // the button goes a little before the server's own 10 s from started_at.
  const [undoUntil, setUndoUntil] = useState<ReadonlyMap<string, number>>(new Map());
  const [recallError, setRecallError] = useState<unknown>(null);

  useEffect(() => {
    if (!tickets) return;
    setErrors((e) => pruned(e, tickets, (v, t) => v.status === t.status));
    setUndoUntil((u) => pruned(u, tickets, (_v, t) => t.status === 'IN_PROGRESS'));
  }, [tickets]);

  const run = useCallback(
    async (t: QueueTicket, send: () => Promise<unknown>): Promise<boolean> => {
      if (inFlight.current.has(t.id)) return false;
      inFlight.current.add(t.id);
      setBusy(new Set(inFlight.current));
      setErrors((e) => (e.has(t.id) ? new Map([...e].filter(([k]) => k !== t.id)) : e));
      try {
        await send();
        return true;
      } catch (error) {
        setErrors((e) => new Map(e).set(t.id, { error, status: t.status }));
        return false;
      } finally {
        inFlight.current.delete(t.id);
        setBusy(new Set(inFlight.current));
        void client.invalidateQueries({ queryKey: queueKey(stationId), exact: true });
      }
    },
    [client, stationId],
  );

  const forgetUndo = useCallback((id: string) => setUndoUntil((u) => (u.has(id) ? new Map([...u].filter(([k]) => k !== id)) : u)), []);

  const actions = useMemo(
    () => ({
      start: (t: QueueTicket) => {
        const tappedAt = Date.now();
        void run(t, () => api.request(START_TASK, { id: t.id })).then((ok) => ok && setUndoUntil((u) => new Map(u).set(t.id, tappedAt + UNDO_START_WINDOW_MS)));
      },
      undoStart: (t: QueueTicket) => void run(t, () => api.request(UNDO_START_TASK, { id: t.id })).then(() => forgetUndo(t.id)),
      done: (t: QueueTicket) =>
        void run(t, () => api.request(COMPLETE_TASK, { id: t.id })).then(
          (ok) => ok && onBumped({ taskId: t.id, label: t.label, taskName: t.name, orderNumber: t.orderNumber }),
        ),
      tickSubtask: (t: QueueTicket, subtaskId: string) => void run(t, () => api.request(COMPLETE_SUBTASK, { taskId: t.id, subtaskId })),
      openExpo,
    }),
    [api, run, onBumped, openExpo, forgetUndo],
  );

  /** The ticket's last error, while the ticket is still as it was when tapped. */
  const errorOf = useCallback(
    (t: QueueTicket) => {
      const e = errors.get(t.id);
      return e && e.status === t.status ? e.error : null;
    },
    [errors],
  );

  const recall = useCallback(
    async (bumped: BumpedTicket) => {
      setRecallError(null);
      try {
        await api.request(RECALL_TASK, { id: bumped.taskId });
        onBumped(null);
      } catch (err) {
        setRecallError(err);
      } finally {
        void client.invalidateQueries({ queryKey: queueKey(stationId), exact: true });
      }
    },
    [api, client, stationId, onBumped],
  );

  return { actions, busy, errorOf, undoUntil, recall, recallError, clearRecallError: () => setRecallError(null) };
}
