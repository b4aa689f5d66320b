import { GqlError, type ApiClient } from './api-client';
import { logNormal, type Rand } from './prng';
import {
  COMPLETE_SUBTASK,
  COMPLETE_TASK,
  START_TASK,
  STATION_QUEUE,
  type QueueEntry,
  type StationQueueData,
  type CompletedTask,
  type StartedTask,
} from './queries';
import type { Recorder } from './recorder';
import type { BrigadeClientSocket } from './socket';
import { setTimeout as sleep } from 'node:timers/promises';

export interface StationInfo {
  id: string;
  name: string;
  capacity: number;
}

export interface CookOptions {
  api: ApiClient;
  station: StationInfo;
  /** A socket that joined this station's room (a KDS screen). */
  socket: BrigadeClientSocket;
  rand: Rand;
  /** This station's crew: below 1 faster than the recipe says, above 1 slower. */
  pace: number;
  /** Spread of the per-task log-normal (0.3 ≈ a quarter of tasks 20 % over their estimate). */
  sigma: number;
  recorder: Recorder;
  pollMs: number;
  onError: (what: string, err: unknown) => void;
}

const pause = (ms: number) => sleep(Math.max(0, ms));

/**
 * One station's cooks. They look at the station queue whenever the station room says a task
 * arrived (and every pollMs anyway), start tasks in the queue's order while the station has a
 * free slot, tick the required subtasks (and some optional ones) while working, and bump the
 * task when done. Durations: the task's estimate × crew pace × log-normal noise.
 */
export class StationCook {
  readonly working = new Set<string>();
  readonly stats = { started: 0, completed: 0, conflicts: 0 };
  private accepting = true;
  private filling: Promise<void> | null = null;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: CookOptions) {}

  begin(): void {
    this.o.socket.on('task:updated', (p) => {
      if (p.stationId === this.o.station.id && p.status === 'QUEUED') this.refresh();
    });
    this.timer = setInterval(() => this.refresh(), this.o.pollMs);
    this.refresh();
  }

  /** No new tasks from now on; the ones in hand are finished. */
  stopStarting(): void {
    this.accepting = false;
    if (this.timer) clearInterval(this.timer);
  }

  private refresh(): void {
    if (!this.accepting) return;
    if (this.filling) {
      this.dirty = true;
      return;
    }
    this.filling = this.fill()
      .catch((err) => this.o.onError(`${this.o.station.name}: queue`, err))
      .finally(() => {
        this.filling = null;
        if (this.dirty) {
          this.dirty = false;
          this.refresh();
        }
      });
  }

  private async fill(): Promise<void> {
    const { stationQueue: q } = await this.o.api.request<StationQueueData>(STATION_QUEUE, { stationId: this.o.station.id });
    // Work someone left in progress (an earlier run that was stopped) is picked up, not left to block a slot.
    for (const entry of q.tasks) if (entry.status === 'IN_PROGRESS' && !this.working.has(entry.id)) this.adopt(entry);
    let free = q.capacity - Math.max(q.inProgress, this.working.size);
    for (const entry of q.tasks) {
      if (free <= 0 || !this.accepting) break;
      if (entry.status !== 'QUEUED' || this.working.has(entry.id)) continue;
      if (await this.start(entry)) free--;
    }
  }

  private adopt(entry: QueueEntry): void {
    this.working.add(entry.id);
    void this.work(entry, entry.subtasks);
  }

  private async start(entry: QueueEntry): Promise<boolean> {
    const sentAt = Date.now();
    try {
      const { startTask } = await this.o.api.request<{ startTask: StartedTask }>(START_TASK, { id: entry.id });
      this.o.recorder.mark('startTask → task:updated', `started:${entry.id}`, sentAt, Date.now());
      this.stats.started++;
      this.working.add(entry.id);
      void this.work(entry, startTask.subtasks);
      return true;
    } catch (err) {
      if (err instanceof GqlError && err.code === 'CONFLICT') {
        // The slot or the task was taken meanwhile, or the task:updated event beat the workflow's
        // own state ("not released to a station yet"): look again shortly, as a cook would.
        this.stats.conflicts++;
        setTimeout(() => this.refresh(), 300);
        return false;
      }
      throw err;
    }
  }

  private async work(entry: QueueEntry, subtasks: StartedTask['subtasks']): Promise<void> {
    const { rand, pace, sigma, api } = this.o;
    // The estimate is already in the system's (wall-clock) minutes: at speed X the simulated
    // menu's recipes carry estimates divided by X (sim-menu.ts), so no further scaling here.
    const wallMs = entry.estimatedMinutes * 60_000 * pace * logNormal(rand, 1, sigma);
    const ticks = subtasks.filter((s) => !s.completed && (!s.optional || rand() < 0.5));
    const started = Date.now();
    try {
      for (const [i, sub] of ticks.entries()) {
        await pause(started + (wallMs * (i + 1)) / (ticks.length + 1) - Date.now());
        await api.request(COMPLETE_SUBTASK, { taskId: entry.id, subtaskId: sub.id }).catch((err) => {
          if (!(err instanceof GqlError && err.code === 'CONFLICT')) throw err;
        });
      }
      await pause(started + wallMs - Date.now());
      const sentAt = Date.now();
      const { completeTask } = await api.request<{ completeTask: CompletedTask }>(COMPLETE_TASK, { id: entry.id });
      const answeredAt = Date.now();
      this.o.recorder.mark('completeTask → task:completed', `completed:${entry.id}`, sentAt, answeredAt);
      // Dependents queued in the answer were released by this very completion.
      for (const d of completeTask.downstream) {
        if (d.status === 'QUEUED') this.o.recorder.mark('completeTask → dependent queued', `queued:${d.id}`, sentAt, answeredAt);
      }
      this.stats.completed++;
    } catch (err) {
      if (err instanceof GqlError && err.code === 'CONFLICT') this.stats.conflicts++;
      else this.o.onError(`${this.o.station.name}: task ${entry.id}`, err);
    } finally {
      this.working.delete(entry.id);
      this.refresh();
    }
  }
}
