/**
 * When a dish can be ordered on a platform: between two HH:MM times (null = all day) on ISO
 * weekdays (1 = Mon … 7 = Sun). Pure, so the table and its tests share one wording.
 */
export interface Schedule {
  availableFrom: string | null;
  availableTo: string | null;
  availableDays: number[];
}

export const WEEKDAYS = [
  { day: 1, short: 'Mon' },
  { day: 2, short: 'Tue' },
  { day: 3, short: 'Wed' },
  { day: 4, short: 'Thu' },
  { day: 5, short: 'Fri' },
  { day: 6, short: 'Sat' },
  { day: 7, short: 'Sun' },
] as const;

export const ALL_DAYS = WEEKDAYS.map((w) => w.day as number);

const dayName = (day: number) => WEEKDAYS[day - 1]?.short ?? `day ${day}`;

/** "Mon–Fri", "Mon, Wed, Sat, Sun": three or more days in a row read better as a range. */
export function formatDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs[runs.length - 1];
    if (run && d === run[run.length - 1] + 1) run.push(d);
    else runs.push([d]);
  }
  return runs.flatMap((run) => (run.length >= 3 ? [`${dayName(run[0])}–${dayName(run[run.length - 1])}`] : run.map(dayName))).join(', ');
}

/** "Mon–Fri 11:30–15:00", "Every day 18:00–23:00", "Sat, Sun"; null when the dish is always on. */
export function formatSchedule(s: Schedule): string | null {
  const everyDay = ALL_DAYS.every((d) => s.availableDays.includes(d));
  const hours = s.availableFrom && s.availableTo ? `${s.availableFrom}–${s.availableTo}` : null;
  if (everyDay && !hours) return null;
  if (everyDay) return `Every day ${hours}`;
  const days = s.availableDays.length === 0 ? 'No days' : formatDays(s.availableDays);
  return hours ? `${days} ${hours}` : days;
}
