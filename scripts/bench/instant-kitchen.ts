import { GqlError, type ApiClient } from '../sim/api-client';
import { COMPLETE_SUBTASK, COMPLETE_TASK, START_TASK, type CompletedTask, type StartedTask } from '../sim/queries';
import type { Recorder } from '../sim/recorder';
import type { BrigadeClientSocket } from '../sim/socket';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../../contracts/errors';

/**
 * A KDS crew with no cooking time, for the bench: every task of a tracked order is started the
 * moment its `task:updated QUEUED` event arrives, its required subtasks ticked, and it is bumped.
 * What remains between an order and READY is the software. Orders not tracked (a backlog) are
 * left alone. Events for an order that arrive before its createOrder answer are held briefly.
 */
const HOLD_MS = 30_000;
const RETRY_MS = 25;
const RETRIES = 80;

export class InstantKitchen {
  /** Where completeTask → dependent marks go (a fresh Recorder per bench phase). */
  recorder: Recorder | null = null;
  readonly stats = { cooked: 0, conflicts: 0, errors: 0, earlyStartRetries: 0 };
  private tracked = new Set<string>();
  private held = new Map<string, { at: number; taskIds: string[] }>();
  private ready = new Map<string, (at: number) => void>();
  lastError: string | null = null;
  lastConflict: string | null = null;

  constructor(
    private readonly cook: ApiClient,
    socket: BrigadeClientSocket,
  ) {
    socket.on('task:updated', ({ taskId, orderId, status }) => {
      if (status !== 'QUEUED') return;
      if (this.tracked.has(orderId)) return void this.cookTask(taskId);
      const entry = this.held.get(orderId) ?? { at: Date.now(), taskIds: [] };
      entry.taskIds.push(taskId);
      this.held.set(orderId, entry);
    });
    socket.on('order:updated', ({ orderId, changes }) => {
      if (changes.status === 'READY' || changes.status === 'CANCELLED') this.ready.get(orderId)?.(Date.now());
    });
    setInterval(() => {
      for (const [id, e] of this.held) if (Date.now() - e.at > HOLD_MS) this.held.delete(id);
    }, 5_000).unref();
  }

  track(orderId: string): void {
    this.tracked.add(orderId);
    const held = this.held.get(orderId);
    this.held.delete(orderId);
    for (const taskId of held?.taskIds ?? []) void this.cookTask(taskId);
  }

  untrack(orderId: string): void {
    this.tracked.delete(orderId);
  }

  /** Resolves with the wall time the order's READY (or CANCELLED) event arrived, or null after `timeoutMs`. */
  waitReady(orderId: string, timeoutMs: number): Promise<number | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ready.delete(orderId);
        resolve(null);
      }, timeoutMs);
      this.ready.set(orderId, (at) => {
        clearTimeout(timer);
        this.ready.delete(orderId);
        resolve(at);
      });
    });
  }

  /**
   * `task:updated QUEUED` is emitted from inside the enqueue activity, before the item workflow
   * records the task as QUEUED, so a start sent at once can be refused ("not released to a
   * station yet"). A cook would tap again; so do we, every RETRY_MS for up to RETRIES times.
   */
  private async start(taskId: string): Promise<StartedTask> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.cook.request<{ startTask: StartedTask }>(START_TASK, { id: taskId })).startTask;
      } catch (err) {
        const early = err instanceof GqlError && err.code === 'CONFLICT' && /not released/.test(err.message);
        if (!early || attempt >= RETRIES) throw err;
        this.stats.earlyStartRetries++;
        await sleep(RETRY_MS);
      }
    }
  }

  private async cookTask(taskId: string): Promise<void> {
    try {
      const startTask = await this.start(taskId);
      for (const sub of startTask.subtasks) {
        if (!sub.optional && !sub.completed) await this.cook.request(COMPLETE_SUBTASK, { taskId, subtaskId: sub.id });
      }
      const sentAt = Date.now();
      const { completeTask } = await this.cook.request<{ completeTask: CompletedTask }>(COMPLETE_TASK, { id: taskId });
      const answeredAt = Date.now();
      for (const d of completeTask.downstream) {
        if (d.status === 'QUEUED') this.recorder?.mark('completeTask → dependent queued', `queued:${d.id}`, sentAt, answeredAt);
      }
      this.stats.cooked++;
    } catch (err) {
      if (err instanceof GqlError && err.code === 'CONFLICT') {
        this.stats.conflicts++;
        this.lastConflict = err.message;
      } else {
        this.stats.errors++;
        this.lastError = errorMessage(err);
      }
    }
  }
}
