import type { Prisma } from '../../prisma/generated/client';
import type { TravelTime } from '../../domain/delivery/travel-time';
import { rankRiders, riderAvailability, type RiderAvailability } from '../../domain/delivery/rider-suggestion';
import type { TenantDb } from '../../db/tenant-scope';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { dispatchBoardSchema } from './delivery-input';
import { deliveryInclude, deliveryView, type DeliveryView } from './delivery-view';
import { ridersOnShift } from './riders-on-shift';
import { readTravelTime } from './travel-time';

export interface DispatchBoard {
  /** Ready, or due within `withinMinutes`, and those out with a rider: the kitchen's ready time first. */
  deliveries: DeliveryView[];
  /** Deliveries to send later: still in the kitchen beyond the window. */
  later: number;
  /** Best first (domain/delivery/rider-suggestion.ts), off-shift riders last. */
  riders: RiderAvailability[];
  /** The rider to send next; null when nobody is on shift. */
  suggestedRiderId: string | null;
  travel: TravelTime;
  withinMinutes: number;
}

/** What the dispatcher sends: waiting for a rider or the kitchen, not cancelled, not yet out. */
const toSend = { status: { in: ['pending', 'assigned'] } } satisfies Prisma.DeliveryAssignmentWhereInput;

/**
 * The dispatcher's screen in one call: what is ready or about to be, with addresses, and every
 * active rider with whether they are free, out (since when, back when) or off shift.
 */
export async function listDispatchBoard({ db, input }: ServiceOptions<unknown>): Promise<DispatchBoard> {
  const { withinMinutes } = parseInput(dispatchBoardSchema, input);
  const now = new Date();
  const dueBy = new Date(now.getTime() + withinMinutes * 60_000);
  const soon: Prisma.OrderWhereInput = { OR: [{ status: 'READY' }, { status: { in: ['NEW', 'PREPARING'] }, estimatedReadyAt: { lte: dueBy } }] };
  const [travel, rows, later, riders] = await Promise.all([
    readTravelTime(db),
    db.deliveryAssignment.findMany({ where: { OR: [{ ...toSend, order: soon }, { status: 'picked_up' }] }, include: deliveryInclude }),
    db.deliveryAssignment.count({ where: { ...toSend, order: { status: { in: ['NEW', 'PREPARING'] }, NOT: soon } } }),
    riderBoard(db, now),
  ]);
  const deliveries = rows.map((row) => deliveryView(row, travel.minutes, now)).sort(byReadyAt);
  const available = riders.map((r) => riderAvailability(r, { now, travelMinutes: travel.minutes }));
  const ranked = rankRiders(available);
  const off = available.filter((r) => r.state === 'OFF_SHIFT').sort((a, b) => a.name.localeCompare(b.name));
  return { deliveries, later, riders: [...ranked, ...off], suggestedRiderId: ranked[0]?.id ?? null, travel, withinMinutes };
}

const byReadyAt = (a: DeliveryView, b: DeliveryView) =>
  (a.readyAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.readyAt?.getTime() ?? Number.MAX_SAFE_INTEGER) || a.order.orderNumber - b.order.orderNumber;

/** Every active rider with what they carry now and what waits for them. */
async function riderBoard(db: TenantDb, now: Date) {
  const [users, open, onShift] = await Promise.all([
    db.user.findMany({ where: { role: 'DELIVERY', isActive: true }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.deliveryAssignment.findMany({
      where: { status: { in: ['assigned', 'picked_up'] }, riderId: { not: null } },
      select: { riderId: true, status: true, pickedUpAt: true },
    }),
    ridersOnShift(db, now),
  ]);
  return users.map((u) => {
    const mine = open.filter((d) => d.riderId === u.id);
    const pickups = mine.filter((d) => d.status === 'picked_up').map((d) => d.pickedUpAt?.getTime() ?? now.getTime());
    return {
      id: u.id,
      name: u.name,
      onShift: onShift(u.id),
      outSince: pickups.length ? new Date(Math.min(...pickups)) : null,
      waiting: mine.filter((d) => d.status === 'assigned').length,
    };
  });
}
