import { GqlError } from '../sim/api-client';
import { CANCEL_ORDER, COMPLETE_SUBTASK, COMPLETE_TASK, CREATE_ORDER, type CompletedTask } from '../sim/queries';
import { errorMessage } from '../../contracts/errors';
import type { TenantKitchen } from './tenant-kitchens';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One tenant's crew, on the KDS through the public API like InstantKitchen (instant-kitchen.ts),
 * but cooking: each ticket of an order it placed is started when its `task:updated QUEUED`
 * arrives, held for its estimate divided by `cookSpeed` (0: at once), its required steps
 * ticked, and bumped. It also times, on the cook's socket, createOrder sent → the order's first
 * `task:updated QUEUED`, and completeTask sent → each dependent's.
 */
const START_TASK = `mutation Start($id: ID!) { startTask(id: $id) { id estimatedMinutes subtasks { id optional completed } } }`;
const RETRY_MS = 25;
const RETRIES = 80;

export interface CrewLatencies {
  firstTask: number[];
  dependent: number[];
}

export class TenantCrew {
  /** 0: cook at once (the throughput phase); else kitchen minutes run this many times faster. */
  cookSpeed = 0;
  readonly errors: string[] = [];
  private placedAt = new Map<string, number>();
  /** Dependents whose completeTask was answered before their QUEUED arrived: when it was sent. */
  private completeSent = new Map<string, number>();
  /** When each task's QUEUED arrived, for a completeTask answered after it. */
  private queuedAt = new Map<string, number>();
  /** Tickets of orders whose createOrder has not answered yet (fire at the counter can beat the answer). */
  private held = new Map<string, Array<{ taskId: string; at: number }>>();
  private ready = new Map<string, (at: number) => void>();
  private open = new Set<string>();

  constructor(
    private readonly kitchen: TenantKitchen,
    private readonly latencies: CrewLatencies,
  ) {
    kitchen.socket.on('task:updated', ({ taskId, orderId, status }) => {
      if (status !== 'QUEUED') return;
      const at = Date.now();
      if (this.open.has(orderId)) this.queued(orderId, taskId, at);
      else if (this.held.size < 1_000) this.held.set(orderId, [...(this.held.get(orderId) ?? []), { taskId, at }]);
    });
    kitchen.socket.on('order:updated', ({ orderId, changes }) => {
      if (changes.status !== 'READY' && changes.status !== 'CANCELLED') return;
      this.open.delete(orderId);
      this.ready.get(orderId)?.(Date.now());
    });
  }

  private queued(orderId: string, taskId: string, at: number): void {
    const placed = this.placedAt.get(orderId);
    if (placed !== undefined) {
      this.placedAt.delete(orderId);
      this.latencies.firstTask.push(at - placed);
    }
    const sent = this.completeSent.get(taskId);
    if (sent !== undefined) {
      this.completeSent.delete(taskId);
      this.latencies.dependent.push(at - sent);
    } else this.queuedAt.set(taskId, at);
    void this.cook(taskId);
  }

  openOrders(): string[] {
    return [...this.open];
  }

  /** Places one order of `dish` (index into the menu); resolves with its id once createOrder answered. */
  async place(dish: number, quantity = 1): Promise<string> {
    const sentAt = Date.now();
    const items = [{ menuItemId: this.kitchen.menu[dish % this.kitchen.menu.length].id, quantity }];
    const { createOrder } = await this.kitchen.operator.request<{ createOrder: { id: string } }>(CREATE_ORDER, { input: { channel: 'IN_STORE', items } });
    this.open.add(createOrder.id);
    this.placedAt.set(createOrder.id, sentAt);
    const early = this.held.get(createOrder.id) ?? [];
    this.held.delete(createOrder.id);
    for (const { taskId, at } of early) this.queued(createOrder.id, taskId, at);
    return createOrder.id;
  }

  async cancel(orderId: string): Promise<void> {
    await this.kitchen.operator.request(CANCEL_ORDER, { id: orderId, reason: 'bench: run over' });
    this.open.delete(orderId);
  }

  /** Resolves with the wall time the order was READY (or CANCELLED), or null after `timeoutMs`. */
  waitReady(orderId: string, timeoutMs: number): Promise<number | null> {
    if (!this.open.has(orderId)) return Promise.resolve(Date.now());
    return new Promise((resolve) => {
      const timer = setTimeout(() => (this.ready.delete(orderId), resolve(null)), timeoutMs);
      this.ready.set(orderId, (at) => (clearTimeout(timer), this.ready.delete(orderId), resolve(at)));
    });
  }

  private async cook(taskId: string): Promise<void> {
    const api = this.kitchen.cook;
    try {
      const task = await this.start(taskId);
      if (this.cookSpeed > 0) await sleep((task.estimatedMinutes * 60_000) / this.cookSpeed);
      for (const sub of task.subtasks) if (!sub.optional && !sub.completed) await api.request(COMPLETE_SUBTASK, { taskId, subtaskId: sub.id });
      const sentAt = Date.now();
      const { completeTask } = await api.request<{ completeTask: CompletedTask }>(COMPLETE_TASK, { id: taskId });
      for (const d of completeTask.downstream) {
        if (d.status !== 'QUEUED') continue; // still waiting for another dependency: not released by this one
        const queued = this.queuedAt.get(d.id);
        if (queued === undefined) this.completeSent.set(d.id, sentAt);
        else this.latencies.dependent.push(queued - sentAt);
      }
      this.queuedAt.delete(taskId);
    } catch (err) {
      this.errors.push(errorMessage(err));
    }
  }

  /** The `task:updated QUEUED` can beat the item workflow's own record of it: a cook taps again (instant-kitchen.ts). */
  private async start(taskId: string) {
    for (let attempt = 0; ; attempt++) {
      try {
        type Started = { id: string; estimatedMinutes: number; subtasks: Array<{ id: string; optional: boolean; completed: boolean }> };
        return (await this.kitchen.cook.request<{ startTask: Started }>(START_TASK, { id: taskId })).startTask;
      } catch (err) {
        const early = err instanceof GqlError && err.code === 'CONFLICT' && /not released/.test(err.message);
        if (!early || attempt >= RETRIES) throw err;
        await sleep(RETRY_MS);
      }
    }
  }
}
