import type { WhatIfInput } from './what-if-api';

/** The page's controls as they stand: per station a slot change and whether it is down, the dishes 86'd, a rush. */
export interface WhatIfForm {
  slots: Record<string, number>;
  down: string[];
  eightySix: string[];
  rush: { orders: number; spreadMinutes: number; lines: Array<{ menuItemId: string; quantity: number }> } | null;
}

export const EMPTY_FORM: WhatIfForm = { slots: {}, down: [], eightySix: [], rush: null };

/** The query's input: stations left unchanged and rush lines without a dish are left out. */
export function toWhatIfInput(form: WhatIfForm): WhatIfInput {
  const stationSlots = Object.entries(form.slots)
    .filter(([id, delta]) => delta !== 0 && !form.down.includes(id))
    .map(([stationId, delta]) => ({ stationId, delta }));
  const lines = form.rush?.lines.filter((l) => l.menuItemId !== '') ?? [];
  return {
    stationSlots,
    stationsDown: form.down,
    eightySix: form.eightySix,
    rush: form.rush && lines.length > 0 ? { orders: form.rush.orders, spreadMinutes: form.rush.spreadMinutes, items: lines } : null,
  };
}

/** Nothing to try: every control at "as it is". */
export const isUnchanged = (input: WhatIfInput): boolean =>
  (input.stationSlots?.length ?? 0) === 0 && (input.stationsDown?.length ?? 0) === 0 && (input.eightySix?.length ?? 0) === 0 && !input.rush;

const toggle = (list: string[], id: string, on: boolean) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id));
export const setDown = (form: WhatIfForm, id: string, on: boolean): WhatIfForm => ({ ...form, down: toggle(form.down, id, on) });
export const setEightySix = (form: WhatIfForm, id: string, on: boolean): WhatIfForm => ({ ...form, eightySix: toggle(form.eightySix, id, on) });
