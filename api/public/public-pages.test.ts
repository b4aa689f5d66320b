import { createHash } from 'node:crypto';
import { startKitchenApi, type KitchenApi } from '../../test/support/kitchen-api';
import { cookSalad, createBoard, freshIp, placeSalad, publicGet } from '../../test/support/customer-view';

// The pickup board and the tracking link over real HTTP: the real app, workflows and PostgreSQL.
jest.setTimeout(90_000);

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'This link is not valid' } };
/** A test kitchen sets no language or time zone: the pages speak the default, in the browser's zone. */
const PAGE = { locale: 'en', timeZone: null };
let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('public-pages-test', { env: { TRUST_PROXY: '1', PUBLIC_IP_RATE_LIMIT: '40', PUBLIC_IP_NOT_FOUND_LIMIT: '12' } });
});
afterAll(() => api?.stop());

describe('board screens', () => {
  it('shows a new screen its token once and stores only the token hash', async () => {
    const k = await api.kitchen();
    const { id, token } = await createBoard(api, k, 'Counter left');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await api.prisma.boardScreen.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await api.gql(k.token.manager, '{ boardScreens { id name revokedAt } }');
    expect(list.data.boardScreens).toEqual([{ id, name: 'Counter left', revokedAt: null }]);
    expect(await api.prisma.auditLog.count({ where: { tenantId: k.tenant.id, action: 'board_screen.create', entityId: id } })).toBe(1);
  });

  it('refuses a nameless screen and another tenant’s screen like a missing one', async () => {
    const [a, b] = [await api.kitchen(), await api.kitchen()];
    const blank = await api.gql(a.token.manager, 'mutation { createBoardScreen(input: { name: "  " }) { token } }');
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const theirs = await createBoard(api, b);
    const revoke = await api.gql(a.token.manager, 'mutation($id: ID!) { revokeBoardScreen(id: $id) { id } }', { id: theirs.id });
    expect(revoke.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await publicGet(api, `/public/board/${theirs.token}`, freshIp())).status).toBe(200);
  });
});

describe('the pickup board', () => {
  it('lists the counter’s order numbers preparing and ready (no deliveries) and nothing else, never stored or indexed', async () => {
    const k = await api.kitchen();
    const board = await createBoard(api, k);
    const first = await placeSalad(api, k, { customerName: 'Ada Lovelace', customerPhone: '+391234567' });
    const second = await placeSalad(api, k);
    await placeSalad(api, k, { customerAddress: 'Via Roma 1' });
    await cookSalad(api, k, first.id);

    const res = await publicGet(api, `/public/board/${board.token}`, freshIp());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ preparing: [second.orderNumber], ready: [first.orderNumber], page: PAGE });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');

    await api.gql(k.token.manager, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "Left") { id } }', { id: second.id });
    expect((await publicGet(api, `/public/board/${board.token}`, freshIp())).body).toEqual({ preparing: [], ready: [first.orderNumber], page: PAGE });
    // Collected at the counter: off the board, and its tracking page says so.
    const handOff = await api.gql(k.token.staff, 'mutation($id: ID!) { handOffOrder(id: $id, to: PICKED_UP) { status } }', { id: first.id });
    expect(handOff.data?.handOffOrder).toEqual({ status: 'PICKED_UP' });
    expect((await publicGet(api, `/public/board/${board.token}`, freshIp())).body).toEqual({ preparing: [], ready: [], page: PAGE });
    expect((await publicGet(api, `/public/track/${first.trackingToken}`, freshIp())).body).toMatchObject({ stage: 'picked_up', eta: null });
  });

  it('of one kitchen never shows another kitchen’s orders', async () => {
    const [a, b] = [await api.kitchen(), await api.kitchen()];
    const boardA = await createBoard(api, a);
    const boardB = await createBoard(api, b);
    const ours = await placeSalad(api, a);
    const theirs = [await placeSalad(api, b), await placeSalad(api, b), await placeSalad(api, b)];
    await cookSalad(api, b, theirs[2].id);

    expect((await publicGet(api, `/public/board/${boardA.token}`, freshIp())).body).toEqual({ preparing: [ours.orderNumber], ready: [], page: PAGE });
    expect((await publicGet(api, `/public/board/${boardB.token}`, freshIp())).body).toEqual({
      preparing: [theirs[0].orderNumber, theirs[1].orderNumber],
      ready: [theirs[2].orderNumber],
      page: PAGE,
    });
  });

  it('answers the same 404 to a token that is wrong, revoked, malformed, oversized or undecodable', async () => {
    const k = await api.kitchen();
    const board = await createBoard(api, k);
    const revoked = await createBoard(api, k, 'Old screen');
    const res = await api.gql(k.token.manager, 'mutation($id: ID!) { revokeBoardScreen(id: $id) { revokedAt } }', { id: revoked.id });
    expect(res.data.revokeBoardScreen.revokedAt).not.toBeNull();
    const wrong = `${board.token.slice(0, -1)}${board.token.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [
      wrong,
      revoked.token,
      'not-a-token',
      `${board.token}x`,
      'A'.repeat(8_000),
      '%E0%A4%A',
      encodeURIComponent(`${board.token.slice(1)}/`),
    ]) {
      const answer = await publicGet(api, `/public/board/${token}`, freshIp());
      expect([token.slice(0, 20), answer.status, answer.body]).toEqual([token.slice(0, 20), 404, NOT_FOUND]);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    expect((await publicGet(api, `/public/board/${board.token}`, freshIp())).status).toBe(200);
  });
});

describe('the tracking link', () => {
  it('shows its one order: stage, ETA range and dishes; no name, phone, address, price or id', async () => {
    const k = await api.kitchen();
    const order = await placeSalad(api, k, { customerName: 'Grace Hopper', customerPhone: '+39555123456', customerAddress: 'Via Roma 1', notes: 'ring twice' });
    await placeSalad(api, k);
    expect(order.trackingToken).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const res = await publicGet(api, `/public/track/${order.trackingToken}`, freshIp());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(res.body).sort()).toEqual(['delivery', 'eta', 'items', 'orderNumber', 'page', 'readyAt', 'rider', 'stage']);
    expect(res.body).toMatchObject({ orderNumber: order.orderNumber, delivery: true, items: [{ name: 'Insalata', quantity: 2 }], readyAt: null, rider: null });
    expect(['received', 'preparing']).toContain(res.body.stage);
    const stored = await api.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    if (stored.estimatedReadyAt) {
      expect(Date.parse(res.body.eta.from)).toBeLessThanOrEqual(stored.estimatedReadyAt.getTime());
      expect(Date.parse(res.body.eta.to)).toBeGreaterThan(stored.estimatedReadyAt.getTime());
    }
    const text = JSON.stringify(res.body);
    for (const secret of ['Grace', '555123456', 'Via Roma', 'ring twice', '6.00', order.id, k.tenant.id]) expect(text).not.toContain(secret);

    await cookSalad(api, k, order.id);
    const ready = await publicGet(api, `/public/track/${order.trackingToken}`, freshIp());
    expect(ready.body).toMatchObject({ stage: 'ready', eta: null });
    expect(Date.parse(ready.body.readyAt)).not.toBeNaN();

    // Out with a rider: the rider's first name, nothing else of theirs.
    const rider = await api.prisma.user.update({ where: { id: k.tenant.users.DELIVERY.id }, data: { name: 'Marco Bianchi' } });
    const delivery = await api.prisma.deliveryAssignment.findUniqueOrThrow({ where: { orderId: order.id } });
    const assigned = await api.gql(k.token.manager, 'mutation($d: ID!, $r: ID!) { assignRider(deliveryId: $d, riderId: $r) { id } }', {
      d: delivery.id,
      r: rider.id,
    });
    expect(assigned.errors).toBeUndefined();
    const out = await api.gql(k.token.staff, 'mutation($id: ID!) { handOffOrder(id: $id, to: OUT_FOR_DELIVERY) { status } }', { id: order.id });
    expect(out.errors).toBeUndefined();
    const onTheWay = await publicGet(api, `/public/track/${order.trackingToken}`, freshIp());
    expect(onTheWay.body).toMatchObject({ stage: 'out_for_delivery', rider: { firstName: 'Marco' } });
    expect(JSON.stringify(onTheWay.body)).not.toContain('Bianchi');
  });

  it('speaks the restaurant’s default language in its time zone (there is no user to ask)', async () => {
    const k = await api.kitchen();
    const set = await api.gql(k.token.manager, 'mutation { updateKitchenSettings(input: { locale: "it" }) { locale } }');
    expect(set.errors).toBeUndefined();
    await api.prisma.tenant.update({ where: { id: k.tenant.id }, data: { settings: { locale: 'it', timeZone: 'Europe/Rome' } } });
    const order = await placeSalad(api, k);
    const board = await createBoard(api, k);
    expect((await publicGet(api, `/public/track/${order.trackingToken}`, freshIp())).body.page).toEqual({ locale: 'it', timeZone: 'Europe/Rome' });
    expect((await publicGet(api, `/public/board/${board.token}`, freshIp())).body.page).toEqual({ locale: 'it', timeZone: 'Europe/Rome' });
  });

  it('answers the same 404 to a token that is wrong, malformed or of an order closed over a day ago', async () => {
    const k = await api.kitchen();
    const order = await placeSalad(api, k);
    const old = await placeSalad(api, k);
    await api.gql(k.token.manager, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "Test") { id } }', { id: old.id });
    await api.prisma.$executeRaw`UPDATE orders SET updated_at = now() - interval '25 hours' WHERE id = ${old.id}::uuid`;
    const wrong = `${order.trackingToken.slice(0, -1)}${order.trackingToken.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [wrong, old.trackingToken, 'x', 'A'.repeat(5_000), `${order.trackingToken}=`]) {
      const answer = await publicGet(api, `/public/track/${token}`, freshIp());
      expect([answer.status, answer.body]).toEqual([404, NOT_FOUND]);
    }
    expect((await publicGet(api, `/public/track/${order.trackingToken}`, freshIp())).status).toBe(200);
  });
});

it('serves the pages themselves (the web app at /board/… and /track/…) never stored and never indexed', async () => {
  for (const path of ['/board/some-token', '/track/some-token']) {
    const res = await fetch(`${api.url}${path}`);
    expect([path, res.status, res.headers.get('cache-control'), res.headers.get('x-robots-tag')]).toEqual([path, 200, 'no-store', 'noindex, nofollow']);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  }
  expect((await fetch(`${api.url}/admin`)).headers.get('x-robots-tag')).toBeNull();
});

describe('limits', () => {
  it('refuses an IP over the public request limit with 429 and Retry-After', async () => {
    const k = await api.kitchen();
    const board = await createBoard(api, k);
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await publicGet(api, `/public/board/${board.token}`, ip)).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    const refused = await publicGet(api, `/public/board/${board.token}`, ip);
    expect([refused.status, refused.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await publicGet(api, `/public/board/${board.token}`, freshIp())).status).toBe(200);
  });

  it('refuses an IP that tried too many tokens that open nothing, even with a valid one', async () => {
    const k = await api.kitchen();
    const board = await createBoard(api, k);
    const ip = freshIp();
    for (let i = 0; i < 12; i++) expect((await publicGet(api, `/public/board/${'Z'.repeat(42)}${i % 10}`, ip)).status).toBe(404);
    expect((await publicGet(api, `/public/board/${board.token}`, ip)).status).toBe(429);
    expect((await publicGet(api, `/public/board/${board.token}`, freshIp())).status).toBe(200);
  });
});
