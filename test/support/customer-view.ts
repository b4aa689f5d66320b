import { randomInt } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import type { PublicClientToServerEvents, PublicHandshakeAuth, PublicServerToClientEvents } from '../../contracts/socket-events';
import { until, type KitchenApi, type TestKitchen } from './kitchen-api';

/** Test-only: the customer's view (pickup boards, tracking links) driven the way its pages do. */
export type PublicSocket = Socket<PublicServerToClientEvents, PublicClientToServerEvents>;

export interface PublicAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A client address of its own (the test app trusts one proxy hop), so each test's per-IP limits
 * start from zero and no two runs sharing the database share a key.
 */
export function freshIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export async function publicGet<T = any>(api: KitchenApi, path: string, ip: string): Promise<PublicAnswer<T>> {
  const res = await fetch(`${api.url}${path}`, { headers: { 'x-forwarded-for': ip } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export async function createBoard(api: KitchenApi, k: TestKitchen, name = 'Counter'): Promise<{ id: string; token: string }> {
  const res = await api.gql(k.token.manager, 'mutation($n: String!) { createBoardScreen(input: { name: $n }) { screen { id } token } }', { n: name });
  if (!res.data?.createBoardScreen) throw new Error(JSON.stringify(res.errors));
  return { id: res.data.createBoardScreen.screen.id, token: res.data.createBoardScreen.token };
}

export type PlacedOrder = { id: string; orderNumber: number; trackingToken: string };

/** A phone order of salads (one task each), as the console places it. */
export async function placeSalad(api: KitchenApi, k: TestKitchen, extra: Record<string, unknown> = {}): Promise<PlacedOrder> {
  const res = await api.gql(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id orderNumber trackingToken } }', {
    input: { channel: 'PHONE', items: [{ menuItemId: k.menu.salad, quantity: 2 }], ...extra },
  });
  if (!res.data?.createOrder) throw new Error(JSON.stringify(res.errors));
  return res.data.createOrder as PlacedOrder;
}

/** Starts and bumps the salad's task on the KDS, then waits for the order to be READY. */
export async function cookSalad(api: KitchenApi, k: TestKitchen, orderId: string): Promise<void> {
  const task = await until(async () => (await api.prisma.taskInstance.findFirst({ where: { orderId, status: 'QUEUED' } })) ?? undefined, 'salad task queued');
  for (const action of ['startTask', 'completeTask']) {
    const res = await api.gql(k.token.staff, `mutation($id: ID!) { ${action}(id: $id) { id } }`, { id: task.id });
    if (res.errors) throw new Error(`${action}: ${JSON.stringify(res.errors)}`);
  }
  await until(async () => ((await api.prisma.order.findUnique({ where: { id: orderId } }))?.status === 'READY' ? true : undefined), 'order READY');
}

/** A public page's socket; resolves once connected, rejects with the server's connect_error. */
export function openPublicSocket(api: KitchenApi, auth: PublicHandshakeAuth | Record<string, unknown>, ip = freshIp()): Promise<PublicSocket> {
  const socket: PublicSocket = connect(`${api.url}/public`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { 'x-forwarded-for': ip },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}
