import { randomUUID } from 'node:crypto';
import { itemWorkflowId } from '../../workflows/item-workflow';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// KDS actions over real HTTP → Temporal Updates on the real item workflows → real activities → PostgreSQL.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('kds-api-test');
});
afterAll(() => api?.stop());

const TASK =
  'id name status quantity startedAt completedAt estimatedMinutes plannedStartAt station { id name } order { id orderNumber } orderItem { id } dependsOn { id } subtasks { id name optional completed }';
const ACTIONS = {
  start: `mutation($id: ID!) { startTask(id: $id) { ${TASK} } }`,
  complete: `mutation($id: ID!) { completeTask(id: $id) { ${TASK} } }`,
  recall: `mutation($id: ID!) { recallTask(id: $id) { ${TASK} } }`,
  subtask: `mutation($taskId: ID!, $subtaskId: ID!) { completeSubtask(taskId: $taskId, subtaskId: $subtaskId) { ${TASK} } }`,
  reassign: `mutation($id: ID!, $stationId: ID!) { reassignTask(id: $id, stationId: $stationId) { ${TASK} } }`,
};

async function placePizza(k: TestKitchen) {
  const res = await api.gql(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id orderNumber items { id } } }', {
    input: { channel: 'IN_STORE', items: [{ menuItemId: k.menu.pizza, quantity: 1 }] },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createOrder;
}

/** The order's task with this name, once it has the wanted status. */
function taskOf(k: TestKitchen, orderId: string, name: string, status = 'QUEUED') {
  return until(async () => {
    const res = await api.gql(k.token.staff, `query($id: ID!) { order(id: $id) { items { tasks { ${TASK} } } } }`, { id: orderId });
    const task = res.data?.order.items[0].tasks.find((t: any) => t.name === name);
    return task?.status === status ? task : undefined;
  }, `${name} ${status}`);
}

async function act(k: TestKitchen, action: keyof typeof ACTIONS, vars: Record<string, string>, token = k.token.staff) {
  return api.gql(token, ACTIONS[action], vars);
}

async function ok(k: TestKitchen, action: keyof typeof ACTIONS, vars: Record<string, string>) {
  const res = await act(k, action, vars);
  if (res.errors) throw new Error(`${action} failed: ${JSON.stringify(res.errors)}`);
  return Object.values(res.data!)[0] as any;
}

describe('KDS actions', () => {
  it('rejects completing a task that was not started with a clear CONFLICT and changes nothing', async () => {
    const k = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');
    const res = await act(k, 'complete', { id: dough.id });
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0].message).toBe('Task "Stendi impasto" cannot be completed: it is QUEUED, not IN_PROGRESS (start it first)');
    const row = await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: dough.id } });
    expect(row).toMatchObject({ status: 'QUEUED', startedAt: null, completedAt: null });
  });

  it('completes a task whose start reached the database but not its workflow, keeping the stored start', async () => {
    const k = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');
    for (const s of dough.subtasks.filter((st: any) => !st.optional)) await ok(k, 'subtask', { taskId: dough.id, subtaskId: s.id });
    // What a Temporal store outage leaves behind: the start activity committed, its update was lost.
    const startedAt = new Date(Date.now() - 90_000);
    await api.prisma.taskInstance.update({ where: { id: dough.id }, data: { status: 'IN_PROGRESS', startedAt } });

    const done = await ok(k, 'complete', { id: dough.id });
    expect(done).toMatchObject({ status: 'DONE', startedAt: startedAt.toISOString() });
    const next = await taskOf(k, order.id, 'Condisci');
    expect(next.status).toBe('QUEUED');
  });

  it('flows start → subtasks → complete through the whole recipe until the order is READY', async () => {
    const k = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');

    const started = await ok(k, 'start', { id: dough.id });
    expect(started).toMatchObject({ status: 'IN_PROGRESS', order: { id: order.id, orderNumber: order.orderNumber }, orderItem: { id: order.items[0].id } });
    expect(started.startedAt).not.toBeNull();

    const open = await act(k, 'complete', { id: dough.id });
    expect(open.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(open.errors?.[0].message).toContain('required subtasks still open: "Prendi la pallina"');

    const required = dough.subtasks.find((s: any) => !s.optional);
    const unknown = await act(k, 'subtask', { taskId: dough.id, subtaskId: randomUUID() });
    expect(unknown.errors?.[0]).toMatchObject({ message: expect.stringContaining('is not part of task'), extensions: { code: 'NOT_FOUND' } });
    const ticked = await ok(k, 'subtask', { taskId: dough.id, subtaskId: required.id });
    expect(ticked.subtasks.find((s: any) => s.id === required.id).completed).toBe(true);
    const done = await ok(k, 'complete', { id: dough.id });
    expect(done.status).toBe('DONE');

    // Recall undoes the bump while nothing downstream has started; then bump again.
    const topping = await taskOf(k, order.id, 'Condisci');
    expect(topping.dependsOn).toEqual([{ id: dough.id }]);
    expect((await ok(k, 'recall', { id: dough.id })).status).toBe('IN_PROGRESS');
    expect((await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: topping.id } })).status).toBe('PENDING');
    await ok(k, 'complete', { id: dough.id });

    for (const name of ['Condisci', 'Inforna']) {
      const task = await taskOf(k, order.id, name);
      await ok(k, 'start', { id: task.id });
      await ok(k, 'complete', { id: task.id });
    }
    const bake = await taskOf(k, order.id, 'Inforna', 'DONE');
    expect(bake.station).toEqual({ id: k.station.oven, name: 'Forno' });
    await until(async () => {
      const res = await api.gql(k.token.staff, 'query($id: ID!) { order(id: $id) { status items { status } } }', { id: order.id });
      return res.data?.order.status === 'READY' ? res.data.order : undefined;
    }, 'order READY');

    // Once the item's workflow has finished, a late tap is refused at once, not after the wait
    // for a workflow that has not started yet.
    await api.h.client.workflow.getHandle(itemWorkflowId(order.items[0].id)).result();
    const tappedAt = Date.now();
    const late = await act(k, 'recall', { id: bake.id });
    // Named as the kitchen knows the item, not by its id.
    expect(late.errors?.[0]).toMatchObject({
      message: `Margherita on order #${order.orderNumber} is already finished in the kitchen`,
      extensions: { code: 'CONFLICT' },
    });
    expect(Date.now() - tappedAt).toBeLessThan(3_000);
  });

  it('names the dish and the order number, not the item id, when a tap comes after the order was cancelled', async () => {
    const k = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');
    const cancelled = await api.gql(k.token.manager, 'mutation($id: ID!, $reason: String!) { cancelOrder(id: $id, reason: $reason) { status } }', {
      id: order.id,
      reason: 'customer left',
    });
    expect(cancelled.errors).toBeUndefined();
    const res = await act(k, 'start', { id: dough.id });
    // Refused by the item workflow while it winds down, or by Temporal once it has finished.
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0].message).toMatch(
      new RegExp(`^Margherita on order #${order.orderNumber} (was cancelled \\(customer left\\)|is already finished in the kitchen)$`),
    );
    expect((await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: dough.id } })).status).toBe('CANCELLED');
  });

  it('answers with what was selected: the task alone, or its order and dependents through fragments', async () => {
    const k = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');
    // What the KDS tablet asks: the task itself (read without its order, item and siblings).
    const own = await api.gql(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { id status station { name } subtasks { id completed } } }', {
      id: dough.id,
    });
    expect(own.errors).toBeUndefined();
    expect(own.data.startTask).toMatchObject({ id: dough.id, status: 'IN_PROGRESS', station: { name: dough.station.name } });
    // The checklist in the recipe's order (not its ids' alphabetical order: "pallina" before "farina"), from every source.
    expect(dough.subtasks.map((s: any) => s.name)).toEqual(['Prendi la pallina', 'Infarina il banco']);
    expect(own.data.startTask.subtasks.map((s: any) => s.id)).toEqual(dough.subtasks.map((s: any) => s.id));
    const queue = await api.gql(k.token.staff, 'query($id: ID!) { stationQueue(stationId: $id) { tasks { id subtasks { id } } } }', { id: dough.station.id });
    const card = queue.data.stationQueue.tasks.find((t: any) => t.id === dough.id);
    expect(card.subtasks.map((s: any) => s.id)).toEqual(dough.subtasks.map((s: any) => s.id));

    // The relatives asked for through a named and an inline fragment are loaded and right.
    const required = dough.subtasks.find((s: any) => !s.optional);
    const withRelatives = await api.gql(
      k.token.staff,
      `mutation($taskId: ID!, $subtaskId: ID!) { completeSubtask(taskId: $taskId, subtaskId: $subtaskId) { id ...Links ... on TaskInstance { ticket: order { orderNumber } } } }
       fragment Links on TaskInstance { downstream { name status } orderItem { id } }`,
      { taskId: dough.id, subtaskId: required.id },
    );
    expect(withRelatives.errors).toBeUndefined();
    expect(withRelatives.data.completeSubtask).toEqual({
      id: dough.id,
      downstream: [{ name: 'Condisci', status: 'PENDING' }],
      orderItem: { id: order.items[0].id },
      ticket: { orderNumber: order.orderNumber },
    });

    // Asked for the id alone, the answer is the id (no read back); the tick itself is stored.
    const next = dough.subtasks.find((s: any) => s.id !== required.id);
    const idOnly = await api.gql(k.token.staff, 'mutation($t: ID!, $s: ID!) { completeSubtask(taskId: $t, subtaskId: $s) { id __typename } }', {
      t: dough.id,
      s: next.id,
    });
    expect(idOnly).toEqual({ data: { completeSubtask: { id: dough.id, __typename: 'TaskInstance' } } });
    expect(await api.prisma.subtaskInstance.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ isCompleted: true });
  });

  it("answers from the item workflow's reply when only its view of the task is asked, exactly as stored", async () => {
    const k = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');
    const VIEW = 'id __typename name status stationType startedAt completedAt subtasks { id name optional completed }';

    const started = await api.gql(k.token.staff, `mutation($id: ID!) { startTask(id: $id) { ${VIEW} } }`, { id: dough.id });
    expect(started.errors).toBeUndefined();
    const read = await api.gql(k.token.staff, `query($id: ID!) { task(id: $id) { ${VIEW} } }`, { id: dough.id });
    expect(started.data.startTask).toEqual(read.data.task);
    expect(started.data.startTask).toMatchObject({ status: 'IN_PROGRESS', stationType: dough.stationType ?? expect.any(String), completedAt: null });
    expect(started.data.startTask.startedAt).toBe((await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: dough.id } })).startedAt!.toISOString());

    // A field the view does not hold (a subtask's completedAt) is read: still answered, and right.
    const required = dough.subtasks.find((s: any) => !s.optional);
    const ticked = await api.gql(
      k.token.staff,
      'mutation($t: ID!, $s: ID!) { completeSubtask(taskId: $t, subtaskId: $s) { id subtasks { id completed completedAt } } }',
      { t: dough.id, s: required.id },
    );
    expect(ticked.errors).toBeUndefined();
    const stored = await api.prisma.subtaskInstance.findUniqueOrThrow({ where: { id: required.id } });
    expect(ticked.data.completeSubtask.subtasks.find((s: any) => s.id === required.id)).toEqual({
      id: required.id,
      completed: true,
      completedAt: stored.completedAt!.toISOString(),
    });
  });

  it('reads every field of a task card as stored (task(id), one SQL statement)', async () => {
    const k = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');
    await ok(k, 'start', { id: dough.id });
    await ok(k, 'subtask', { taskId: dough.id, subtaskId: dough.subtasks[0].id });
    const ALL = `id name status stationType quantity priority estimatedMinutes plannedStartAt queuedAt startedAt completedAt
      station { id name capacity taskTypes isActive displayOrder } order { id orderNumber priority customerName notes }
      orderItem { id name quantity modifications notes allergens } subtasks { id name optional completed completedAt }
      dependsOn { id } downstream { id name status stationType stationName }`;
    const res = await api.gql(k.token.staff, `query($id: ID!) { task(id: $id) { ${ALL} } }`, { id: dough.id });
    expect(res.errors).toBeUndefined();

    const row = await api.prisma.taskInstance.findUniqueOrThrow({
      where: { id: dough.id },
      include: { station: true, subtasks: { orderBy: { position: 'asc' } }, order: true, orderItem: { include: { menuItem: true } } },
    });
    const topping = await api.prisma.taskInstance.findFirstOrThrow({ where: { orderItemId: row.orderItemId, taskDefId: 'condisci' } });
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    expect(res.data.task).toEqual({
      id: row.id,
      name: row.name,
      status: row.status,
      stationType: row.stationType,
      quantity: row.quantity,
      priority: row.priority,
      estimatedMinutes: row.estimatedMinutes.toNumber(),
      plannedStartAt: iso(row.plannedStartAt),
      queuedAt: iso(row.queuedAt),
      startedAt: iso(row.startedAt),
      completedAt: null,
      station: {
        id: row.station!.id,
        name: row.station!.name,
        capacity: row.station!.capacity,
        taskTypes: row.station!.taskTypes,
        isActive: true,
        displayOrder: row.station!.displayOrder,
      },
      order: { id: order.id, orderNumber: order.orderNumber, priority: row.order.priority, customerName: row.order.customerName, notes: row.order.notes },
      orderItem: {
        id: row.orderItemId,
        name: row.orderItem.nameSnapshot,
        quantity: 1,
        modifications: null,
        notes: null,
        allergens: row.orderItem.menuItem.allergens,
      },
      subtasks: row.subtasks.map((s) => ({ id: s.id, name: s.name, optional: s.optional, completed: s.isCompleted, completedAt: iso(s.completedAt) })),
      dependsOn: [],
      downstream: [{ id: topping.id, name: 'Condisci', status: 'PENDING', stationType: topping.stationType, stationName: null }],
    });
    expect(res.data.task.subtasks[0].completedAt).not.toBeNull();
  });

  it('reassigns a queued task to another suitable station and refuses unsuitable or foreign ones', async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');
    const target = dough.station.id === k.station.bench ? k.station.bench2 : k.station.bench;

    const moved = await ok(k, 'reassign', { id: dough.id, stationId: target });
    expect(moved.station.id).toBe(target);
    const queue = await api.gql(k.token.staff, 'query($id: ID!) { stationQueue(stationId: $id) { tasks { id } } }', { id: target });
    expect(queue.data.stationQueue.tasks.map((t: any) => t.id)).toContain(dough.id);

    const oven = await act(k, 'reassign', { id: dough.id, stationId: k.station.oven });
    expect(oven.errors?.[0]).toMatchObject({ message: 'Station "Forno" does not handle station type "banco"', extensions: { code: 'CONFLICT' } });
    const foreign = await act(k, 'reassign', { id: dough.id, stationId: other.station.bench });
    expect(foreign.errors?.[0]).toMatchObject({ message: 'Station not found', extensions: { code: 'NOT_FOUND' } });
    expect((await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: dough.id } })).stationId).toBe(target);
  });

  it("answers NOT_FOUND for another tenant's task and leaves it untouched", async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    const order = await placePizza(other);
    const theirs = await taskOf(other, order.id, 'Stendi impasto');
    // Their own cook acted on it first: what the API remembers about the task is not shared either.
    await ok(other, 'subtask', { taskId: theirs.id, subtaskId: theirs.subtasks[0].id });
    for (const action of ['start', 'complete', 'recall'] as const) {
      const res = await act(k, action, { id: theirs.id });
      expect(res.errors?.[0]).toMatchObject({ message: 'Task not found', extensions: { code: 'NOT_FOUND' } });
    }
    const tick = await act(k, 'subtask', { taskId: theirs.id, subtaskId: theirs.subtasks[1].id });
    expect(tick.errors?.[0]).toMatchObject({ message: 'Task not found', extensions: { code: 'NOT_FOUND' } });
    // Asking for the id alone still finds out whose task it is.
    const read = await api.gql(k.token.staff, 'query($id: ID!) { task(id: $id) { id } }', { id: theirs.id });
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const idOnly = await api.gql(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { id } }', { id: theirs.id });
    expect(idOnly.errors?.[0]).toMatchObject({ message: 'Task not found', extensions: { code: 'NOT_FOUND' } });
    expect((await act(k, 'start', { id: randomUUID() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe('QUEUED');
  });

  it('is refused to a phone operator (tasks:work)', async () => {
    const k = await api.kitchen();
    const order = await placePizza(k);
    const dough = await taskOf(k, order.id, 'Stendi impasto');
    const res = await act(k, 'start', { id: dough.id }, k.token.operator);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', permission: 'tasks:work' } });
  });
});
