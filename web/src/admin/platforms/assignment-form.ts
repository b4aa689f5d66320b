import { ApiError } from '../../api/errors';
import type { Assignment } from './platform-api';
import { ALL_DAYS } from './schedule';

/** One dish's platform-specific data as typed in the inline editor. */
export interface AssignmentDraft {
  /** Empty: the platform shows the menu name. */
  platformName: string;
  /** Empty: the platform charges the menu price. */
  platformPrice: string;
  isAvailable: boolean;
  /** Off: on sale all day every day, whatever the fields below hold. */
  limited: boolean;
  from: string;
  to: string;
  days: number[];
}

export type DraftField = 'platformName' | 'platformPrice' | 'isAvailable' | 'hours' | 'days';

export function toDraft(a: Assignment): AssignmentDraft {
  const limited = Boolean(a.availableFrom || a.availableTo) || !ALL_DAYS.every((d) => a.availableDays.includes(d));
  return {
    platformName: a.platformName ?? '',
    platformPrice: a.platformPrice ?? '',
    isAvailable: a.isAvailable,
    limited,
    from: a.availableFrom ?? '',
    to: a.availableTo ?? '',
    days: limited ? [...a.availableDays] : [...ALL_DAYS],
  };
}

/** What updatePlatformAssignment receives: every field, so the saved row is exactly the form. */
export function toUpdateInput(d: AssignmentDraft) {
  return {
    platformName: d.platformName.trim() || null,
    platformPrice: d.platformPrice.trim() || null,
    isAvailable: d.isAvailable,
    // Checking (both times or neither, at least one day) is the server's; its message names the field.
    availableFrom: d.limited ? d.from || null : null,
    availableTo: d.limited ? d.to || null : null,
    availableDays: d.limited ? [...d.days].sort((a, b) => a - b) : [...ALL_DAYS],
  };
}

const FIELD_OF_PATH: Record<string, DraftField> = {
  platformName: 'platformName',
  platformPrice: 'platformPrice',
  isAvailable: 'isAvailable',
  availableFrom: 'hours',
  availableTo: 'hours',
  availableDays: 'days',
};

/** BAD_USER_INPUT field errors under the fields they name; anything else stays form-level (`rest`). */
export function fieldErrorsOf(error: unknown): { fields: Partial<Record<DraftField, string>>; rest: boolean } {
  if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT' || error.fieldErrors.length === 0) return { fields: {}, rest: Boolean(error) };
  const fields: Partial<Record<DraftField, string>> = {};
  let rest = false;
  for (const f of error.fieldErrors) {
    const field = FIELD_OF_PATH[f.path.replace(/^input\./, '').replace(/\.\d+$/, '')];
    if (!field) rest = true;
    else fields[field] ??= f.message;
  }
  return { fields, rest };
}
