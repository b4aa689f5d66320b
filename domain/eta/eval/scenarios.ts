// The seeded ground-truth kitchens `npm run eta:eval` runs Brigade against. What Brigade never sees
// directly (each crew's pace, how long a cook takes to pick up a ticket, the noise, a new dish's
// real time) is drawn here from the seed; Brigade only sees the recipes' estimates and what the
// cooks tap on the KDS, like in a real kitchen.

export interface EvalTaskDef {
  id: string;
  type: string;
  /** The recipe's estimate. */
  minutes: number;
  dependsOn: string[];
}

export interface EvalDish {
  id: string;
  tasks: EvalTaskDef[];
}

export interface EvalStation {
  id: string;
  /** The one station type it serves (one station per type: the queue is the station's). */
  type: string;
  slots: number;
  /** Hidden crew pace: actual / estimate. Null: drawn from the seed in PACE_RANGE. */
  pace: number | null;
  /** Share of tasks a careless crew taps start and done together at the end (a bump of seconds). */
  instantBumpShare?: number;
}

export interface Scenario {
  name: string;
  what: string;
  stations: EvalStation[];
  dishes: EvalDish[];
  /** A dish nobody ordered before this minute: it has no history when it first comes. */
  newDish?: { dishId: string; fromMinute: number };
  /** Arrival rate at a minute of service (a Poisson process). */
  ordersPerHour: (minute: number) => number;
  /** Orders arrive until then; the kitchen then finishes what it has. */
  serviceMinutes: number;
  /** Orders placed before then only teach the learning: they are not measured. */
  warmupMinutes: number;
  /** Sigma of log(actual / the task's true median): the same dish never takes the same time twice. */
  noiseSigma: number;
  /** Sigma of log(the true median of a dish's task / estimate × pace): the recipes' estimates are rough. */
  dishSigma: number;
  highPriorityShare: number;
}

/** Hidden crew paces are drawn from this range, and each station's mean pickup delay (queued with a free slot → started) from PICKUP_MINUTES. */
export const PACE_RANGE: [number, number] = [0.8, 1.5];
export const PICKUP_MINUTES: [number, number] = [0.2, 1.0];
/** Sigma of log(pickup delay) around its station's mean. */
export const PICKUP_SIGMA = 0.5;

const t = (id: string, type: string, minutes: number, dependsOn: string[] = []): EvalTaskDef => ({ id, type, minutes, dependsOn });

export const MENU: EvalDish[] = [
  { id: 'burger', tasks: [t('patty', 'grill', 6), t('bun', 'prep', 2), t('assemble', 'prep', 2, ['patty', 'bun']), t('bag', 'pack', 1, ['assemble'])] },
  { id: 'pizza', tasks: [t('dough', 'prep', 3), t('bake', 'oven', 8, ['dough']), t('box', 'pack', 1, ['bake'])] },
  { id: 'salad', tasks: [t('toss', 'cold', 4), t('bowl', 'pack', 1, ['toss'])] },
  { id: 'fries', tasks: [t('fry', 'fry', 4), t('cone', 'pack', 1, ['fry'])] },
  { id: 'steak', tasks: [t('sear', 'grill', 10), t('sauce', 'prep', 3), t('plate', 'prep', 1, ['sear', 'sauce']), t('tray', 'pack', 1, ['plate'])] },
];
const CURRY: EvalDish = { id: 'curry', tasks: [t('chop', 'prep', 3), t('wok', 'grill', 7, ['chop']), t('pot', 'pack', 1, ['wok'])] };

const station = (type: string, slots: number, extra: Partial<EvalStation> = {}): EvalStation => ({ id: type, type, slots, pace: null, ...extra });
const KITCHEN: EvalStation[] = [station('prep', 3), station('grill', 3), station('oven', 2), station('fry', 1), station('cold', 1), station('pack', 2)];

const base: Omit<Scenario, 'name' | 'what'> = {
  stations: KITCHEN,
  dishes: MENU,
  ordersPerHour: () => 14,
  serviceMinutes: 240,
  warmupMinutes: 60,
  noiseSigma: 0.25,
  dishSigma: 0.15,
  highPriorityShare: 0.05,
};

export const SCENARIOS: Scenario[] = [
  { ...base, name: 'hidden-paces', what: 'crews at hidden paces 0.8-1.5, pickup delays, log-normal noise sigma 0.25, 14 orders/h' },
  { ...base, name: 'rush', what: '14 orders/h, then 26/h from minute 100 to 150', ordersPerHour: (m) => (m >= 100 && m < 150 ? 26 : 14) },
  {
    ...base,
    name: 'slow-station',
    what: 'the oven crew works at half speed (pace 2.0)',
    stations: KITCHEN.map((s) => (s.id === 'oven' ? { ...s, pace: 2 } : s)),
  },
  {
    ...base,
    name: 'new-dish',
    what: 'a curry (prep, then the grill at pace 1.5) first ordered at minute 90, with no history',
    stations: KITCHEN.map((s) => (s.id === 'grill' ? { ...s, pace: 1.5 } : s)),
    dishes: [...MENU, CURRY],
    newDish: { dishId: 'curry', fromMinute: 90 },
  },
  {
    ...base,
    name: 'instant-bumps',
    what: 'the prep crew taps start and done together, seconds apart, on 35 % of its tickets',
    stations: KITCHEN.map((s) => (s.id === 'prep' ? { ...s, instantBumpShare: 0.35 } : s)),
  },
];
