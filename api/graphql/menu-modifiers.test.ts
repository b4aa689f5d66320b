import type { WorkflowDefinition } from '../../domain/recipe';
import { createInventoryItem, createMenuItem, createRecipe } from '../../test/support/activity-fixtures';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// Modifiers that change the work, over the real app: the item workflow, the stock and the quote.
jest.setTimeout(120_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('menu-modifiers-test');
});
afterAll(() => api?.stop());

/** stretch 3 → dress 2 (a mozzarella checklist item) → basil 1 → bake 8: 14 minutes on the critical path. */
const BASIL_PIZZA: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    {
      id: 'prep',
      name: 'Prep',
      order: 1,
      tasks: [
        { id: 'stendi', name: 'Stendi impasto', station_type: 'banco', estimated_minutes: 3, depends_on: [], subtasks: [] },
        {
          id: 'condisci',
          name: 'Condisci',
          station_type: 'banco',
          estimated_minutes: 2,
          depends_on: ['stendi'],
          subtasks: [
            { id: 'pomodoro', name: 'Pomodoro', optional: false },
            { id: 'mozzarella', name: 'Mozzarella', optional: false },
          ],
        },
      ],
    },
    {
      id: 'garnish',
      name: 'Garnish',
      order: 2,
      tasks: [{ id: 'basilico', name: 'Basilico fresco', station_type: 'banco', estimated_minutes: 1, depends_on: ['condisci'], subtasks: [] }],
    },
    {
      id: 'cook',
      name: 'Cottura',
      order: 3,
      tasks: [{ id: 'inforna', name: 'Inforna', station_type: 'forno', estimated_minutes: 8, depends_on: ['basilico'], subtasks: [] }],
    },
  ],
};

const GROUP_FIELDS = 'id name minChoices maxChoices options { id name priceDelta effects { kind taskId subtaskId minutes inventoryItemId quantity factor } }';
const SET_GROUPS = `mutation($m: ID!, $g: [ModifierGroupInput!]!) { setModifierGroups(menuItemId: $m, groups: $g) { ${GROUP_FIELDS} } }`;
const CREATE_ORDER = `mutation($items: [OrderItemInput!]!) { createOrder(input: { channel: PHONE, items: $items }) {
  id totalAmount items { id unitPrice modifications modifiers { groupName optionName priceDelta } } } }`;
const QUOTE = 'query($items: [OrderItemInput!]!) { etaQuote(items: $items) { minutes } }';

interface Dish {
  k: TestKitchen;
  menuItemId: string;
  templateId: string;
  stock: { dough: string; basil: string; mozzarella: string };
  groups: Array<{ id: string; name: string; options: Array<{ id: string; name: string }> }>;
}

async function basilPizza(): Promise<Dish> {
  const k = await api.kitchen();
  const tenantId = k.tenant.id;
  const [dough, basil, mozzarella] = await Promise.all(
    ['Dough', 'Basil', 'Mozzarella'].map((name) => createInventoryItem(api.prisma, tenantId, { name, currentStock: 1000 })),
  );
  const { template } = await createRecipe(api.prisma, tenantId, BASIL_PIZZA);
  const dish = await createMenuItem(api.prisma, tenantId, {
    name: 'Margherita al basilico',
    templateId: template.id,
    ingredients: [
      { inventoryItemId: dough.id, quantity: 200 },
      { inventoryItemId: basil.id, quantity: 5 },
      { inventoryItemId: mozzarella.id, quantity: 100 },
    ],
  });
  const res = await api.gql(k.token.manager, SET_GROUPS, {
    m: dish.id,
    g: [
      {
        name: 'Basil',
        minChoices: 0,
        maxChoices: 1,
        options: [
          {
            name: 'No basil',
            effects: [
              { kind: 'SKIP_TASK', taskId: 'basilico' },
              { kind: 'SCALE_INGREDIENT', inventoryItemId: basil.id, factor: 0 },
            ],
          },
        ],
      },
      {
        name: 'Cheese',
        minChoices: 0,
        maxChoices: 1,
        options: [
          { name: 'Extra', priceDelta: '1.50', effects: [{ kind: 'ADD_INGREDIENT', inventoryItemId: mozzarella.id, quantity: 50 }] },
          {
            name: 'None',
            priceDelta: '-1.00',
            effects: [
              { kind: 'SKIP_SUBTASK', taskId: 'condisci', subtaskId: 'mozzarella' },
              { kind: 'SCALE_INGREDIENT', inventoryItemId: mozzarella.id, factor: 0 },
            ],
          },
        ],
      },
      { name: 'Bake', minChoices: 0, maxChoices: 1, options: [{ name: 'Well done', effects: [{ kind: 'ADD_MINUTES', taskId: 'inforna', minutes: 4 }] }] },
    ],
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return {
    k,
    menuItemId: dish.id,
    templateId: template.id,
    stock: { dough: dough.id, basil: basil.id, mozzarella: mozzarella.id },
    groups: res.data.setModifierGroups,
  };
}

/** The { groupId, optionId } of "group/option". */
function pick(dish: Dish, ...names: string[]) {
  return names.map((n) => {
    const [groupName, optionName] = n.split('/');
    const group = dish.groups.find((g) => g.name === groupName)!;
    return { groupId: group.id, optionId: group.options.find((o) => o.name === optionName)!.id };
  });
}

describe('modifiers that change the work', () => {
  it('are set per dish by a manager and read on the menu, but not set by an operator', async () => {
    const dish = await basilPizza();
    expect(dish.groups.map((g) => [g.name, g.options.map((o) => o.name)])).toEqual([
      ['Basil', ['No basil']],
      ['Cheese', ['Extra', 'None']],
      ['Bake', ['Well done']],
    ]);
    const menu = await api.gql(dish.k.token.operator, `query($id: ID!) { menuItem(id: $id) { modifierGroups { ${GROUP_FIELDS} } } }`, { id: dish.menuItemId });
    expect(menu.data.menuItem.modifierGroups).toEqual(dish.groups);
    expect(menu.data.menuItem.modifierGroups[1].options[1]).toMatchObject({
      priceDelta: '-1.00',
      effects: [
        { kind: 'SKIP_SUBTASK', taskId: 'condisci', subtaskId: 'mozzarella', minutes: null, inventoryItemId: null },
        { kind: 'SCALE_INGREDIENT', inventoryItemId: dish.stock.mozzarella, factor: 0, taskId: null },
      ],
    });
    const denied = await api.gql(dish.k.token.operator, SET_GROUPS, { m: dish.menuItemId, g: [] });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('quote with the changed durations', async () => {
    const dish = await basilPizza();
    const quote = async (modifiers: Array<{ groupId: string; optionId: string }>) => {
      const res = await api.gql(dish.k.token.operator, QUOTE, { items: [{ menuItemId: dish.menuItemId, quantity: 1, modifiers }] });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data.etaQuote.minutes as number;
    };
    expect(await quote([])).toBe(14); // 3 + 2 + 1 + 8, an empty kitchen
    expect(await quote(pick(dish, 'Basil/No basil'))).toBe(13);
    expect(await quote(pick(dish, 'Basil/No basil', 'Bake/Well done'))).toBe(17);
  });

  it('keep their added minutes on top of a learned time', async () => {
    const dish = await basilPizza();
    // Three bakes of 10 minutes: the learned time fully replaces the recipe's 8.
    await api.prisma.taskDuration.createMany({
      data: [1, 2, 3].map(() => ({ tenantId: dish.k.tenant.id, workflowTemplateId: dish.templateId, taskDefId: 'inforna', durationSeconds: 600 })),
    });
    const quote = async (modifiers: Array<{ groupId: string; optionId: string }>) => {
      const res = await api.gql(dish.k.token.operator, QUOTE, { items: [{ menuItemId: dish.menuItemId, quantity: 1, modifiers }] });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data.etaQuote.minutes as number;
    };
    expect(await quote([])).toBe(16); // 3 + 2 + 1 + 10
    expect(await quote(pick(dish, 'Bake/Well done'))).toBe(20); // + 4, not swallowed by the learned 10
  });

  it('build the item workflow without the skipped task, show each option on its task and deduct the changed stock', async () => {
    const dish = await basilPizza();
    const { k } = dish;
    const res = await api.gql(k.token.operator, CREATE_ORDER, {
      items: [
        { menuItemId: dish.menuItemId, quantity: 2, modifications: 'cut in 8', modifiers: pick(dish, 'Basil/No basil', 'Cheese/Extra', 'Bake/Well done') },
      ],
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const order = res.data.createOrder;
    expect(order.totalAmount).toBe('22.00'); // (9.50 + 1.50) × 2
    expect(order.items[0]).toMatchObject({
      unitPrice: '11.00',
      modifications: 'cut in 8',
      modifiers: [
        { groupName: 'Basil', optionName: 'No basil', priceDelta: '0.00' },
        { groupName: 'Cheese', optionName: 'Extra', priceDelta: '1.50' },
        { groupName: 'Bake', optionName: 'Well done', priceDelta: '0.00' },
      ],
    });

    // The item workflow's tasks: no basil task, the oven waits for the dressing instead.
    const tasks = await until(async () => {
      const rows = await api.prisma.taskInstance.findMany({ where: { tenantId: k.tenant.id, orderItemId: order.items[0].id } });
      return rows.length >= 3 ? rows : undefined;
    }, 'the item tasks');
    const byDef = new Map(tasks.map((t) => [t.taskDefId, t]));
    expect([...byDef.keys()].sort()).toEqual(['condisci', 'inforna', 'stendi']);
    expect(byDef.get('inforna')!.dependsOn).toEqual([byDef.get('condisci')!.id]);
    expect(byDef.get('inforna')!.estimatedMinutes.toNumber()).toBe(16.2); // (8 + 4) × 1.35 for the second unit
    expect(byDef.get('inforna')!.addedMinutes.toNumber()).toBe(5.4); // 4 × 1.35: kept apart, so it adds on top of a learned time

    // The KDS ticket of the first step shows the options that change no task left, not "Well done".
    const queue = await until(async () => {
      const q = await api.gql(k.token.staff, 'query($s: ID!) { stationQueue(stationId: $s) { tasks { id name modifiers } } }', { s: k.station.bench });
      return q.data?.stationQueue.tasks.find((t: { id: string }) => t.id === byDef.get('stendi')!.id);
    }, 'the first ticket');
    expect(queue.modifiers).toEqual(['Basil: No basil', 'Cheese: Extra']);

    // Starting the first task of the deduct phase deducts: no basil, 150 g of mozzarella a pizza.
    const started = await api.gql(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { status } }', { id: byDef.get('stendi')!.id });
    if (started.errors) throw new Error(JSON.stringify(started.errors));
    const movements = await until(async () => {
      const rows = await api.prisma.inventoryMovement.findMany({ where: { tenantId: k.tenant.id, movementType: 'order_deduction' } });
      return rows.length >= 2 ? rows : undefined;
    }, 'the deduction');
    const moved = Object.fromEntries(movements.map((m) => [m.inventoryItemId, m.quantity.toNumber()]));
    expect(moved).toEqual({ [dish.stock.dough]: -400, [dish.stock.mozzarella]: -300 });
    const stock = await api.prisma.inventoryItem.findMany({ where: { id: { in: Object.values(dish.stock) } } });
    expect(Object.fromEntries(stock.map((s) => [s.id, s.currentStock.toNumber()]))).toEqual({
      [dish.stock.dough]: 600,
      [dish.stock.basil]: 1000,
      [dish.stock.mozzarella]: 700,
    });
  });

  it('skip a checklist item on the task it changes', async () => {
    const dish = await basilPizza();
    const res = await api.gql(dish.k.token.operator, CREATE_ORDER, {
      items: [{ menuItemId: dish.menuItemId, quantity: 1, modifiers: pick(dish, 'Cheese/None') }],
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    expect(res.data.createOrder.totalAmount).toBe('8.50');
    const dressing = await until(
      () =>
        api.prisma.taskInstance
          .findFirst({ where: { orderItemId: res.data.createOrder.items[0].id, taskDefId: 'condisci' }, include: { subtasks: true } })
          .then((t) => t ?? undefined),
      'the dressing task',
    );
    expect(dressing.subtasks.map((s) => s.subtaskDefId)).toEqual(['pomodoro']);
  });
});

describe('modifiers: bad input', () => {
  const codeAndField = (res: { errors?: Array<{ message: string; extensions?: Record<string, any> }> }) => ({
    code: res.errors?.[0].extensions?.code,
    field: res.errors?.[0].extensions?.field,
  });

  it('refuses too many or too few choices, naming the group, and stores nothing', async () => {
    const dish = await basilPizza();
    const { k } = dish;
    const before = await api.prisma.order.count({ where: { tenantId: k.tenant.id } });
    const tooMany = await api.gql(k.token.operator, CREATE_ORDER, {
      items: [{ menuItemId: dish.menuItemId, quantity: 1, modifiers: pick(dish, 'Cheese/Extra', 'Cheese/None') }],
    });
    expect(codeAndField(tooMany)).toEqual({ code: 'BAD_USER_INPUT', field: 'items.0.modifiers' });
    expect(tooMany.errors![0].message).toContain('"Cheese": choose at most 1, got 2');

    const required = await api.gql(k.token.manager, SET_GROUPS, {
      m: dish.menuItemId,
      g: [{ id: dish.groups[1].id, name: 'Cheese', minChoices: 1, maxChoices: 1, options: dish.groups[1].options.map((o) => ({ id: o.id, name: o.name })) }],
    });
    if (required.errors) throw new Error(JSON.stringify(required.errors));
    expect(required.data.setModifierGroups[0].options.map((o: { id: string }) => o.id)).toEqual(dish.groups[1].options.map((o) => o.id));
    const tooFew = await api.gql(k.token.operator, CREATE_ORDER, { items: [{ menuItemId: dish.menuItemId, quantity: 1 }] });
    expect(codeAndField(tooFew)).toEqual({ code: 'BAD_USER_INPUT', field: 'items.0.modifiers' });
    expect(tooFew.errors![0].message).toContain('"Cheese": choose at least 1, got 0');
    expect(await api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(before);
  });

  it("refuses another dish's option and another tenant's group", async () => {
    const dish = await basilPizza();
    const other = await basilPizza();
    const { k } = dish;
    const salad = await api.gql(k.token.manager, SET_GROUPS, {
      m: k.menu.salad,
      g: [{ name: 'Dressing', minChoices: 0, maxChoices: 1, options: [{ name: 'Oil' }] }],
    });
    const [cheese] = pick(dish, 'Cheese/Extra');
    const wrongOption = await api.gql(k.token.operator, CREATE_ORDER, {
      items: [{ menuItemId: dish.menuItemId, quantity: 1, modifiers: [{ groupId: cheese.groupId, optionId: salad.data.setModifierGroups[0].options[0].id }] }],
    });
    expect(codeAndField(wrongOption)).toEqual({ code: 'BAD_USER_INPUT', field: 'items.0.modifiers.0.optionId' });
    expect(wrongOption.errors![0].message).toContain('"Cheese" of "Margherita al basilico" has no option');
    const foreign = await api.gql(k.token.operator, CREATE_ORDER, {
      items: [{ menuItemId: dish.menuItemId, quantity: 1, modifiers: pick(other, 'Cheese/Extra') }],
    });
    expect(codeAndField(foreign)).toEqual({ code: 'BAD_USER_INPUT', field: 'items.0.modifiers.0.groupId' });
    // Another tenant's ids cannot be taken over either.
    const stolen = await api.gql(k.token.manager, SET_GROUPS, {
      m: dish.menuItemId,
      g: [{ id: other.groups[0].id, name: 'Basil', minChoices: 0, maxChoices: 1, options: [{ name: 'Plain' }] }],
    });
    expect(codeAndField(stolen)).toEqual({ code: 'BAD_USER_INPUT', field: 'groups.0.id' });
    const foreignDish = await api.gql(k.token.manager, SET_GROUPS, { m: other.menuItemId, g: [] });
    expect(foreignDish.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses options that would leave the recipe with no task, and saves nothing', async () => {
    const dish = await basilPizza();
    const { k } = dish;
    const skipAll = ['stendi', 'condisci', 'basilico', 'inforna'].map((taskId) => ({ kind: 'SKIP_TASK', taskId }));
    const alone = await api.gql(k.token.manager, SET_GROUPS, {
      m: dish.menuItemId,
      g: [{ name: 'Nothing', minChoices: 0, maxChoices: 1, options: [{ name: 'Just the box', effects: skipAll }] }],
    });
    expect(codeAndField(alone)).toEqual({ code: 'BAD_USER_INPUT', field: 'groups.0.options.0.effects' });
    expect(alone.errors![0].message).toContain('skip every task');
    const unknownTask = await api.gql(k.token.manager, SET_GROUPS, {
      m: dish.menuItemId,
      g: [{ name: 'Bake', minChoices: 0, maxChoices: 1, options: [{ name: 'Grill', effects: [{ kind: 'ADD_MINUTES', taskId: 'griglia', minutes: 2 }] }] }],
    });
    expect(codeAndField(unknownTask)).toEqual({ code: 'BAD_USER_INPUT', field: 'groups.0.options.0.effects.0.taskId' });
    const minOverMax = await api.gql(k.token.manager, SET_GROUPS, {
      m: dish.menuItemId,
      g: [{ name: 'Bake', minChoices: 2, maxChoices: 1, options: [{ name: 'A' }, { name: 'B' }] }],
    });
    expect(codeAndField(minOverMax)).toEqual({ code: 'BAD_USER_INPUT', field: 'groups.0.minChoices' });
    const stored = await api.prisma.modifierGroup.findMany({ where: { menuItemId: dish.menuItemId }, orderBy: { position: 'asc' } });
    expect(stored.map((g) => g.name)).toEqual(['Basil', 'Cheese', 'Bake']);

    // Each option alone leaves a task; both together would not: refused when ordered.
    const halves = await api.gql(k.token.manager, SET_GROUPS, {
      m: dish.menuItemId,
      g: [
        { name: 'Front', minChoices: 0, maxChoices: 1, options: [{ name: 'No front', effects: skipAll.slice(0, 2) }] },
        { name: 'Back', minChoices: 0, maxChoices: 1, options: [{ name: 'No back', effects: skipAll.slice(2) }] },
      ],
    });
    if (halves.errors) throw new Error(JSON.stringify(halves.errors));
    const groups = halves.data.setModifierGroups as Dish['groups'];
    const before = await api.prisma.order.count({ where: { tenantId: k.tenant.id } });
    const empty = await api.gql(k.token.operator, CREATE_ORDER, {
      items: [{ menuItemId: dish.menuItemId, quantity: 1, modifiers: groups.map((g) => ({ groupId: g.id, optionId: g.options[0].id })) }],
    });
    expect(codeAndField(empty)).toEqual({ code: 'BAD_USER_INPUT', field: 'items.0.modifiers' });
    expect(empty.errors![0].message).toContain('skip every task');
    expect(await api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(before);
  });
});
