import type { ServerToClientEvents } from '../../contracts/socket-events';
import type { BrigadeClientSocket } from './socket';

/**
 * What the simulator observes, with wall-clock receipt times: the first arrival of each
 * Socket.io event it cares about, every mutation's send and response time, and every ETA the
 * kitchen published per order. Latencies and errors are derived at the end (report.ts).
 */
export type LatencyKind =
  | 'createOrder → order:created'
  | 'createOrder → first task queued'
  | 'startTask → task:updated'
  | 'completeTask → task:completed'
  | 'completeTask → dependent queued';

export interface MutationMark {
  kind: LatencyKind;
  eventKey: string;
  sentAt: number;
  answeredAt: number;
}

export interface EtaEvent {
  at: number;
  eta: number;
  items: Array<{ orderItemId: string; readyAt: number }>;
}

export class Recorder {
  /** `<what>:<id>` → first arrival (ms). */
  readonly seen = new Map<string, number>();
  readonly marks: MutationMark[] = [];
  /** Every eta:recalculated per order id, including orders created before the response came back. */
  readonly etas = new Map<string, EtaEvent[]>();
  readonly lateFlags = new Set<string>();
  readonly readyAt = new Map<string, number>();

  private first(key: string, at: number) {
    if (!this.seen.has(key)) this.seen.set(key, at);
  }

  /** Listens on a socket in the tenant room (the operator's board); returns how to stop listening. */
  attach(socket: BrigadeClientSocket): () => void {
    const onCreated: ServerToClientEvents['order:created'] = ({ order }) => this.first(`created:${order.id}`, Date.now());
    const onTask: ServerToClientEvents['task:updated'] = (p) => {
      const at = Date.now();
      if (p.status === 'QUEUED') {
        this.first(`queued:${p.taskId}`, at);
        this.first(`firstQueued:${p.orderId}`, at);
      } else if (p.status === 'IN_PROGRESS') this.first(`started:${p.taskId}`, at);
    };
    const onCompleted: ServerToClientEvents['task:completed'] = (p) => this.first(`completed:${p.taskId}`, Date.now());
    const onEta: ServerToClientEvents['eta:recalculated'] = (p) => {
      const list = this.etas.get(p.orderId) ?? [];
      list.push({ at: Date.now(), eta: Date.parse(p.newEta), items: breakdownItems(p.breakdown) });
      this.etas.set(p.orderId, list);
    };
    const onOrder: ServerToClientEvents['order:updated'] = ({ orderId, changes }) => {
      if (changes.isLate) this.lateFlags.add(orderId);
      if (changes.status === 'READY') this.readyAt.set(orderId, Date.now());
    };
    socket.on('order:created', onCreated);
    socket.on('task:updated', onTask);
    socket.on('task:completed', onCompleted);
    socket.on('eta:recalculated', onEta);
    socket.on('order:updated', onOrder);
    return () => {
      socket.off('order:created', onCreated);
      socket.off('task:updated', onTask);
      socket.off('task:completed', onCompleted);
      socket.off('eta:recalculated', onEta);
      socket.off('order:updated', onOrder);
    };
  }

  mark(kind: LatencyKind, eventKey: string, sentAt: number, answeredAt: number): void {
    this.marks.push({ kind, eventKey, sentAt, answeredAt });
  }
}

function breakdownItems(breakdown: unknown): EtaEvent['items'] {
  const items = (breakdown as { items?: Array<{ orderItemId?: unknown; readyAt?: unknown }> } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((i) =>
    typeof i.orderItemId === 'string' && typeof i.readyAt === 'string' ? [{ orderItemId: i.orderItemId, readyAt: Date.parse(i.readyAt) }] : [],
  );
}
