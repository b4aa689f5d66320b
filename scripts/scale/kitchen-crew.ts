import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ScaleClient } from './client';

const QUEUE = `query($stationId: ID!) { stationQueue(stationId: $stationId) { tasks { id status orderId subtasks { id optional completed } } } }`;
const START = `mutation($id: ID!) { startTask(id: $id) { id status subtasks { id optional completed } } }`;
const SUBTASK = `mutation($taskId: ID!, $subtaskId: ID!) { completeSubtask(taskId: $taskId, subtaskId: $subtaskId) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeTask(id: $id) { id status } }`;
const CREATE = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }`;

type Subtask = { id: string; optional: boolean; completed: boolean };
type Ticket = { id: string; status: string; orderId: string; subtasks: Subtask[] };

/**
 * Cooks as fast as they can tap: they read each station's queue, start what is QUEUED, tick the
 * required steps and bump it. A tap answered UNAVAILABLE ("kitchen reconnecting") or CONFLICT
 * (an earlier tap landed after all) is simply looked at again on the next read, as a cook would.
 */
export class KitchenCrew {
  private busy = new Set<string>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    readonly client: ScaleClient,
    private readonly stationIds: string[],
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.stationIds.map((id) => this.loop(id));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(stationId: string): Promise<void> {
    while (this.running) {
      const res = await this.client.call<{ stationQueue: { tasks: Ticket[] } }>('stationQueue', QUEUE, { stationId });
      const tickets = (res.data?.stationQueue.tasks ?? []).filter((t) => !this.busy.has(t.id));
      await Promise.all(tickets.slice(0, 4).map((t) => this.cook(t)));
      if (tickets.length === 0) await sleep(150);
    }
  }

  private async cook(ticket: Ticket): Promise<void> {
    this.busy.add(ticket.id);
    try {
      let subtasks = ticket.subtasks;
      if (ticket.status === 'QUEUED') {
        const started = await this.client.call<{ startTask: Ticket }>('startTask', START, { id: ticket.id });
        if (!started.data) return;
        subtasks = started.data.startTask.subtasks;
      }
      for (const s of subtasks.filter((s) => !s.optional && !s.completed)) {
        const done = await this.client.call('completeSubtask', SUBTASK, { taskId: ticket.id, subtaskId: s.id });
        if (!done.data) return;
      }
      await this.client.call('completeTask', COMPLETE, { id: ticket.id });
    } finally {
      this.busy.delete(ticket.id);
    }
  }
}

/**
 * Places `count` orders of `menuItemId`, `gapMs` apart, each with an idempotency key (a retry is
 * the same order). `onPlaced(n)` runs once when the n-th order is stored.
 */
export async function placeOrders(
  client: ScaleClient,
  opts: { count: number; menuItemId: string; gapMs: number; onPlaced?: (n: number) => void | Promise<void> },
): Promise<string[]> {
  const ids: string[] = [];
  const placing: Promise<void>[] = [];
  for (let i = 0; i < opts.count; i++) {
    placing.push(
      client
        .call<{ createOrder: { id: string } }>('createOrder', CREATE, {
          input: { channel: 'IN_STORE', idempotencyKey: `scale-${randomUUID()}`, items: [{ menuItemId: opts.menuItemId, quantity: 1 }] },
        })
        .then(async (res) => {
          // Once per stored order: a refused one repeating the count would kill a node twice.
          if (!res.data) return;
          ids.push(res.data.createOrder.id);
          await opts.onPlaced?.(ids.length);
        }),
    );
    await sleep(opts.gapMs);
  }
  await Promise.all(placing);
  return ids;
}
