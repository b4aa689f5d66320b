import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useApi } from '../api/hooks';
import { COMPLETE_SUBTASK, COMPLETE_TASK, queueKey, RECALL_TASK, START_TASK, type QueueTicket } from './kds-api';
import type { BumpedTicket } from './station-choice';

interface Options {
  stationId: string;
  onBumped(ticket: BumpedTicket | null): void;
  openExpo(orderId: string): void;
}

/**
 * Start / Done / step / Recall for one station screen. Each ticket tracks its own request and its
 * own last error, so a CONFLICT from the kitchen workflow ("dependencies not done…") appears on
 * the ticket the cook tapped, and a second tap while the first is on its way is ignored.
 */
export function useTicketActions({ stationId, onBumped, openExpo }: Options) {
  const api = useApi();
  const client = useQueryClient();
  // The ref answers "already on its way?" synchronously (a double tap); the state redraws buttons.
  const inFlight = useRef(new Set<string>());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<ReadonlyMap<string, unknown>>(new Map());
  const [recallError, setRecallError] = useState<unknown>(null);

  const run = useCallback(
    async (taskId: string, send: () => Promise<unknown>): Promise<boolean> => {
      if (inFlight.current.has(taskId)) return false;
      inFlight.current.add(taskId);
      setBusy(new Set(inFlight.current));
      setErrors((e) => (e.has(taskId) ? new Map([...e].filter(([k]) => k !== taskId)) : e));
      try {
        await send();
        return true;
      } catch (err) {
        setErrors((e) => new Map(e).set(taskId, err));
        return false;
      } finally {
        inFlight.current.delete(taskId);
        setBusy(new Set(inFlight.current));
        void client.invalidateQueries({ queryKey: queueKey(stationId), exact: true });
      }
    },
    [client, stationId],
  );

  const actions = useMemo(
    () => ({
      start: (t: QueueTicket) => void run(t.id, () => api.request(START_TASK, { id: t.id })),
      done: (t: QueueTicket) =>
        void run(t.id, () => api.request(COMPLETE_TASK, { id: t.id })).then(
          (ok) => ok && onBumped({ taskId: t.id, label: t.label, taskName: t.name, orderNumber: t.orderNumber }),
        ),
      tickSubtask: (t: QueueTicket, subtaskId: string) => void run(t.id, () => api.request(COMPLETE_SUBTASK, { taskId: t.id, subtaskId })),
      openExpo,
    }),
    [api, run, onBumped, openExpo],
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

  return { actions, busy, errors, recall, recallError, clearRecallError: () => setRecallError(null) };
}
