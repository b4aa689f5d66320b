import { sample, weighted, type Rand } from './prng';

/**
 * What a simulated customer orders. Pure: the same PRNG state and menu give the same order.
 * Weights are rough guesses at a takeaway pizzeria-and-wok evening, not measured data.
 */
export interface MenuChoice {
  id: string;
  name: string;
}

export type Channel = 'PHONE' | 'IN_STORE' | 'ONLINE' | 'IMPORT';

export interface GeneratedOrder {
  channel: Channel;
  /** 0 normal, 1 high, 2 urgent. */
  priority: number;
  customerName: string;
  customerPhone: string | null;
  notes: string | null;
  /** Kitchen minutes from now the customer wants it, or null for "as soon as possible". */
  scheduledInMinutes: number | null;
  items: Array<{ menuItemId: string; quantity: number; modifications: string | null; notes: string | null }>;
}

const SIZES = [
  [1, 35],
  [2, 30],
  [3, 20],
  [4, 15],
] as const;
const QUANTITIES = [
  [1, 75],
  [2, 18],
  [3, 7],
] as const;
const CHANNELS = [
  ['PHONE', 35],
  ['IN_STORE', 30],
  ['ONLINE', 30],
  ['IMPORT', 5],
] as const;
const PRIORITIES = [
  [0, 82],
  [1, 10],
  [2, 8],
] as const;
const MODIFICATIONS = ['no onions', 'extra spicy', 'well done', 'gluten-free base', 'sauce on the side'];
const NAMES = ['Rossi', 'Chen', 'Haddad', 'Novak', 'Silva', 'Okafor', 'Müller', 'Kowalski', 'Tanaka', 'Dubois'];

/** Share of orders placed for later, and how far ahead (kitchen minutes). */
export const SCHEDULED_SHARE = 0.1;
export const SCHEDULED_MINUTES: readonly [number, number] = [20, 35];

export function generateOrder(rand: Rand, menu: readonly MenuChoice[], opts: { allowScheduled: boolean }): GeneratedOrder {
  if (menu.length === 0) throw new Error('generateOrder: the menu is empty');
  const size = weighted(rand, SIZES);
  const dishes = sample(rand, menu, size);
  const channel = weighted(rand, CHANNELS);
  const scheduled = opts.allowScheduled && rand() < SCHEDULED_SHARE;
  const [minLead, maxLead] = SCHEDULED_MINUTES;
  return {
    channel,
    // A scheduled order is not urgent: it has a time, not a rush.
    priority: scheduled ? 0 : weighted(rand, PRIORITIES),
    customerName: `${NAMES[Math.floor(rand() * NAMES.length)]} (sim)`,
    customerPhone: channel === 'PHONE' ? `+39 06 ${String(Math.floor(rand() * 1e7)).padStart(7, '0')}` : null,
    notes: rand() < 0.1 ? 'Ring twice' : null,
    scheduledInMinutes: scheduled ? minLead + rand() * (maxLead - minLead) : null,
    items: dishes.map((dish) => ({
      menuItemId: dish.id,
      quantity: weighted(rand, QUANTITIES),
      modifications: rand() < 0.15 ? MODIFICATIONS[Math.floor(rand() * MODIFICATIONS.length)] : null,
      notes: null,
    })),
  };
}
