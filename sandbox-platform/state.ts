import type { PlatformOrderLine, PlatformOrderView } from '../platforms/connector';
import type { PlatformMenuItem } from '../contracts/platform-activities';

/** Everything the sandbox marketplace remembers; tests read it through the control API. */
export interface LedgerEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  body: unknown;
  status: number;
  idempotencyKey: string | null;
  /** A repeated Idempotency-Key: answered from the first call, not applied again. */
  replayed: boolean;
  /** Which injected fault, if any, shaped the answer. */
  fault: FaultKind | null;
}

export type FaultKind = '429' | '500' | 'slow' | 'token-expired';

export interface Fault {
  /** Matched against `${method} ${path}`, e.g. /^POST \/v1\/orders\/[^/]+\/accept$/. */
  match: RegExp;
  kind: FaultKind;
  /** How many matching calls it affects. */
  times: number;
  retryAfterSeconds?: number;
  /** For `slow`: the call commits, then the answer comes this late. */
  delayMs?: number;
}

export interface SandboxOrder extends PlatformOrderView {
  /** Every ready time we were told, in order (the promised one first). */
  readyTimes: string[];
  denyReason?: string | null;
}

export interface MenuUpload {
  id: string;
  status: 'processing' | 'done' | 'failed';
  errors: Array<{ productId: string; message: string }>;
}

export interface SandboxState {
  items: Map<string, PlatformMenuItem>;
  uploads: Map<string, MenuUpload>;
  orders: Map<string, SandboxOrder>;
  store: { status: 'online' | 'paused' | 'busy'; extraMinutes: number };
  ledger: LedgerEntry[];
  faults: Fault[];
  idempotent: Map<string, { status: number; body: unknown }>;
  /** Virtual clock offset: advanceClock moves deadlines forward without waiting. */
  clockOffsetMs: number;
  /** Product ids the marketplace rejects during menu processing (a per-item error). */
  rejectProducts: Set<string>;
  /** Issued OAuth access tokens and when they expire (sandbox time). */
  tokens: Map<string, { expiresAt: number }>;
}

export function createState(): SandboxState {
  return {
    items: new Map(),
    uploads: new Map(),
    orders: new Map(),
    store: { status: 'online', extraMinutes: 0 },
    ledger: [],
    faults: [],
    idempotent: new Map(),
    clockOffsetMs: 0,
    rejectProducts: new Set(),
    tokens: new Map(),
  };
}

export const sandboxNow = (state: SandboxState): number => Date.now() + state.clockOffsetMs;

/** Consumes one use of the first fault matching the call. */
export function takeFault(state: SandboxState, method: string, path: string): Fault | null {
  const fault = state.faults.find((f) => f.times > 0 && f.match.test(`${method} ${path}`));
  if (!fault) return null;
  fault.times -= 1;
  return fault;
}

export function newOrder(id: string, items: PlatformOrderLine[], nowMs: number, acceptWindowMs: number, extra: Partial<SandboxOrder> = {}): SandboxOrder {
  return {
    id,
    status: 'placed',
    items,
    customer: { name: 'Sandbox Customer', phone: null, address: '1 Sandbox Street' },
    notes: null,
    createdAt: new Date(nowMs).toISOString(),
    acceptDeadline: new Date(nowMs + acceptWindowMs).toISOString(),
    promisedReadyAt: null,
    readyAt: null,
    readyTimes: [],
    ...extra,
  };
}
