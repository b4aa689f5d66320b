import { z } from 'zod';
import { AppError, type FieldError } from '../../contracts/errors';
import { badInput } from '../errors';
import { resolveOrderLines, type ResolvedLine } from '../orders/resolve-order-lines';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';

export const WHAT_IF_LIMITS = { slotDelta: 20, rushOrders: 200, spreadMinutes: 240, rushItems: 20, listed: 50 } as const;

const id = z.string().max(100, 'must be an id');
const whatIfSchema = z.object({
  stationSlots: z
    .array(
      z.object({
        stationId: id,
        delta: z
          .number()
          .int('must be a whole number of slots')
          .min(-WHAT_IF_LIMITS.slotDelta, `must be between -${WHAT_IF_LIMITS.slotDelta} and ${WHAT_IF_LIMITS.slotDelta}`)
          .max(WHAT_IF_LIMITS.slotDelta, `must be between -${WHAT_IF_LIMITS.slotDelta} and ${WHAT_IF_LIMITS.slotDelta}`)
          .refine((d) => d !== 0, 'must add or take at least one slot'),
      }),
    )
    .max(WHAT_IF_LIMITS.listed)
    .nullish()
    .transform((v) => v ?? []),
  stationsDown: z
    .array(id)
    .max(WHAT_IF_LIMITS.listed)
    .nullish()
    .transform((v) => v ?? []),
  eightySix: z
    .array(id)
    .max(WHAT_IF_LIMITS.listed)
    .nullish()
    .transform((v) => v ?? []),
  rush: z
    .object({
      orders: z.number().int('must be a whole number').min(1, 'must be between 1 and 200').max(WHAT_IF_LIMITS.rushOrders, 'must be between 1 and 200'),
      spreadMinutes: z
        .number()
        .int('must be whole minutes')
        .min(0, `must be between 0 and ${WHAT_IF_LIMITS.spreadMinutes}`)
        .max(WHAT_IF_LIMITS.spreadMinutes, `must be between 0 and ${WHAT_IF_LIMITS.spreadMinutes}`)
        .nullish()
        .transform((v) => v ?? 0),
      items: z
        .array(z.object({ menuItemId: id, quantity: z.number().int('must be a whole number') }))
        .min(1, 'a rush order needs at least one dish')
        .max(WHAT_IF_LIMITS.rushItems),
    })
    .nullish()
    .transform((v) => v ?? null),
});

type Reader = ServiceOptions<unknown>['db'];

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The what-if's changes checked against the tenant: BAD_USER_INPUT naming each bad field, the rush's dishes resolved as order lines. */
export async function parseWhatIf(db: Reader, input: unknown): Promise<{ changes: z.output<typeof whatIfSchema>; lines: ResolvedLine[] }> {
  const changes = parseInput(whatIfSchema, input);
  await checkStations(db, changes.stationSlots, changes.stationsDown);
  await checkDishes(db, changes.eightySix);
  return { changes, lines: changes.rush ? await resolveRushLines(db, changes.rush.items) : [] };
}

/** Every station named must be the tenant's (another tenant's is unknown, like a made-up id), each at most once, never below zero slots. */
async function checkStations(db: Reader, slots: Array<{ stationId: string; delta: number }>, down: string[]): Promise<void> {
  const ids = [...new Set([...slots.map((s) => s.stationId), ...down])].filter((i) => UUID_RE.test(i));
  const stations = new Map(
    (ids.length === 0 ? [] : await db.station.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, capacity: true } })).map((s) => [s.id, s]),
  );
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  slots.forEach(({ stationId, delta }, i) => {
    const station = stations.get(stationId);
    if (!station) problems.push({ path: `stationSlots.${i}.stationId`, message: `Station ${stationId} does not exist` });
    else if (seen.has(stationId)) problems.push({ path: `stationSlots.${i}.stationId`, message: `"${station.name}" is listed twice` });
    else if (station.capacity + delta < 0)
      problems.push({ path: `stationSlots.${i}.delta`, message: `"${station.name}" has ${station.capacity} slots: at most ${station.capacity} can be taken` });
    seen.add(stationId);
  });
  down.forEach((stationId, i) => {
    if (!stations.has(stationId)) problems.push({ path: `stationsDown.${i}`, message: `Station ${stationId} does not exist` });
  });
  if (problems.length > 0) throw badInput(problems, 'What-if rejected');
}

async function checkDishes(db: Reader, dishes: string[]): Promise<void> {
  const ids = [...new Set(dishes)].filter((i) => UUID_RE.test(i));
  const known = new Set((ids.length === 0 ? [] : await db.menuItem.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((m) => m.id));
  const problems = dishes.flatMap((dish, i) => (known.has(dish) ? [] : [{ path: `eightySix.${i}`, message: `Menu item ${dish} does not exist` }]));
  if (problems.length > 0) throw badInput(problems, 'What-if rejected');
}

/** The rush's dishes checked as an order's lines are (on the menu, available, with a published recipe), errors named under `rush`. */
async function resolveRushLines(db: Reader, items: Array<{ menuItemId: string; quantity: number }>) {
  try {
    return await resolveOrderLines(
      db,
      items.map((i) => ({ ...i, modifications: null, modifiers: [], notes: null })),
    );
  } catch (err) {
    const fields = err instanceof AppError && err.code === 'BAD_USER_INPUT' ? (err.details?.fieldErrors as FieldError[] | undefined) : undefined;
    if (!fields) throw err;
    throw badInput(
      fields.map((f) => ({ ...f, path: `rush.${f.path}` })),
      'What-if rejected',
    );
  }
}
