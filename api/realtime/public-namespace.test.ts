import { io as connect } from 'socket.io-client';
import { startKitchenApi, until, type KitchenApi } from '../../test/support/kitchen-api';
import { cookSalad, createBoard, freshIp, openPublicSocket, placeSalad, publicGet, type PublicSocket } from '../../test/support/customer-view';
import { userTokenFor } from '../../test/support/socket-clients';

// The public pages live: a real socket.io client on /public, the real app, workflows and PostgreSQL.
jest.setTimeout(90_000);

let api: KitchenApi;
const sockets: PublicSocket[] = [];
beforeAll(async () => {
  api = await startKitchenApi('public-namespace-test', { env: { TRUST_PROXY: '1' } });
});
afterEach(() => sockets.splice(0).forEach((s) => s.close()));
afterAll(() => api?.stop());

async function open(auth: Record<string, unknown>): Promise<PublicSocket> {
  const socket = await openPublicSocket(api, auth);
  sockets.push(socket);
  return socket;
}

/** Every event a socket receives, for what must never arrive. */
function received(socket: PublicSocket): string[] {
  const seen: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push(`${event}${args.length ? ` ${JSON.stringify(args)}` : ''}`));
  return seen;
}

/** What the board page does: refetch its view on every ping, until it shows what we wait for. */
async function boardUntil(socket: PublicSocket, token: string, ready: (view: { preparing: number[]; ready: number[] }) => boolean) {
  let latest = (await publicGet(api, `/public/board/${token}`, freshIp())).body;
  const refetch = async () => {
    latest = (await publicGet(api, `/public/board/${token}`, freshIp())).body;
  };
  socket.on('board:changed', () => void refetch());
  return until(async () => (ready(latest) ? latest : undefined), 'the board to show it', 20_000);
}

it('moves an order to Ready on an open board without a reload, and tells nothing else', async () => {
  const k = await api.kitchen();
  const board = await createBoard(api, k);
  const socket = await open({ board: board.token });
  const events = received(socket);
  const order = await placeSalad(api, k);
  await boardUntil(socket, board.token, (v) => v.preparing.includes(order.orderNumber));
  await cookSalad(api, k, order.id);
  const view = await boardUntil(socket, board.token, (v) => v.ready.includes(order.orderNumber));
  expect(view).toEqual({ preparing: [], ready: [order.orderNumber], page: { locale: 'en', timeZone: null } });
  // Only payload-free pings: no order:*, task:*, eta:* or station event of the kitchen reaches a board.
  expect(new Set(events)).toEqual(new Set(['board:changed']));
});

// Any order's progress moves the open orders' ETAs (a ping each, rightly), so the page that must
// stay quiet tracks an order that is over: what it hears can only be another order's ping.
it('pings a tracking page when its order changes, never for another order', async () => {
  const k = await api.kitchen();
  const mine = await placeSalad(api, k);
  await api.gql(k.token.manager, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "Changed mind") { id } }', { id: mine.id });
  const other = await placeSalad(api, k);
  const mineEvents = received(await open({ track: mine.trackingToken }));
  const otherEvents = received(await open({ track: other.trackingToken }));
  await cookSalad(api, k, other.id);
  await until(async () => (otherEvents.includes('track:changed') ? true : undefined), 'the other page pinged');
  await until(async () => ((await publicGet(api, `/public/track/${other.trackingToken}`, freshIp())).body.stage === 'ready' ? true : undefined), 'ready');
  expect(mineEvents).toEqual([]);
  expect(new Set(otherEvents)).toEqual(new Set(['track:changed']));
});

it('keeps a board of one kitchen deaf to another kitchen’s orders', async () => {
  const [a, b] = [await api.kitchen(), await api.kitchen()];
  const boardA = await createBoard(api, a);
  const boardB = await createBoard(api, b);
  const eventsA = received(await open({ board: boardA.token }));
  const socketB = await open({ board: boardB.token });
  const order = await placeSalad(api, b);
  await boardUntil(socketB, boardB.token, (v) => v.preparing.includes(order.orderNumber));
  expect(eventsA).toEqual([]);
});

it('disconnects an open board the moment its screen is revoked, and admits it no more', async () => {
  const k = await api.kitchen();
  const board = await createBoard(api, k);
  const socket = await open({ board: board.token });
  const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  const res = await api.gql(k.token.manager, 'mutation($id: ID!) { revokeBoardScreen(id: $id) { id } }', { id: board.id });
  expect(res.errors).toBeUndefined();
  expect(await gone).toBe('io server disconnect');
  await expect(openPublicSocket(api, { board: board.token })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
});

it('refuses a handshake whose token opens nothing, the same way for every kind', async () => {
  const k = await api.kitchen();
  const order = await placeSalad(api, k);
  for (const auth of [
    {},
    { board: 'nope' },
    { board: 'A'.repeat(43) },
    { track: order.trackingToken.toLowerCase() + 'x' },
    { board: order.trackingToken },
    { track: 42 },
  ]) {
    await expect(openPublicSocket(api, auth)).rejects.toMatchObject({ message: 'NOT_FOUND: This link is not valid', data: { code: 'NOT_FOUND' } });
  }
});

it('does not let a staff access token into the public namespace, nor a board token into the main one', async () => {
  const k = await api.kitchen();
  const board = await createBoard(api, k);
  const staff = userTokenFor({ id: k.tenant.id, slug: k.tenant.slug, users: k.tenant.users }, 'not-the-secret', 'STAFF');
  await expect(openPublicSocket(api, { token: staff })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  const main = connect(api.url, { auth: { token: board.token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const err = await new Promise<Error & { data?: { code?: string } }>((resolve) => main.once('connect_error', resolve));
  main.close();
  expect(err.data?.code).toBe('UNAUTHENTICATED');
});
