// Turns the index-based schedule back into the id-keyed SimResult.
import { Kind, type KitchenModel } from './kitchen-model';
import type { Schedule, SimResult } from './types';

export function collectResult(model: KitchenModel, schedule: Schedule): SimResult {
  const { tasks, kind, now, stations } = model;
  const { start, finish, station } = schedule;
  const taskStart: Record<string, number> = {};
  const taskFinish: Record<string, number> = {};
  const taskStation: Record<string, string> = {};
  const stationFreeAt: Record<string, number> = {};
  for (const s of stations) stationFreeAt[s.id] = now;

  // NaN marks an item or order that cannot be completed; it is dropped at the end.
  const itemReady = new Map<string, number>();
  const orderOfItem = new Map<string, string>();
  tasks.forEach((task, i) => {
    if (kind[i] === Kind.Cancelled) return;
    orderOfItem.set(task.orderItemId, task.orderId);
    const prior = itemReady.get(task.orderItemId) ?? -Infinity;
    if (Number.isNaN(finish[i])) {
      itemReady.set(task.orderItemId, NaN);
      return;
    }
    taskStart[task.id] = start[i];
    taskFinish[task.id] = finish[i];
    itemReady.set(task.orderItemId, Math.max(prior, finish[i]));
    if (station[i] >= 0) {
      const id = stations[station[i]].id;
      taskStation[task.id] = id;
      stationFreeAt[id] = Math.max(stationFreeAt[id], finish[i]);
    } else if (task.stationId) {
      // DONE, or running on a station missing from the input: report what was recorded.
      taskStation[task.id] = task.stationId;
    }
  });

  const orderReady = new Map<string, number>();
  for (const [itemId, ready] of itemReady) {
    const orderId = orderOfItem.get(itemId)!;
    orderReady.set(orderId, Math.max(orderReady.get(orderId) ?? -Infinity, ready));
  }
  return {
    taskStart,
    taskFinish,
    taskStation,
    itemReady: finiteEntries(itemReady),
    orderReady: finiteEntries(orderReady),
    stationFreeAt,
    unschedulable: model.unschedulable.map((i) => tasks[i].id).sort(),
  };
}

function finiteEntries(map: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of map) if (!Number.isNaN(value)) out[id] = value;
  return out;
}
