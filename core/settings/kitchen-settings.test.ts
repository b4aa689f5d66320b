import { AppError } from '../../contracts/errors';
import { parseKitchenSettingsChanges, readKitchenSettings } from './kitchen-settings';

describe('kitchen settings', () => {
  it('reads each key on its own: missing or no longer valid values fall back to the default, other keys are ignored', () => {
    const defaults = { readyHoldMinutes: 5, deliveryTravelMinutes: 20, promiseQuantile: 0.8, locale: 'en' };
    expect(readKitchenSettings({})).toEqual(defaults);
    expect(readKitchenSettings(null)).toEqual(defaults);
    expect(readKitchenSettings({ timeZone: 'Europe/Rome', readyHoldMinutes: 12 })).toEqual({ ...defaults, readyHoldMinutes: 12 });
    expect(readKitchenSettings({ readyHoldMinutes: 500 })).toEqual(defaults);
    expect(readKitchenSettings({ readyHoldMinutes: '9' })).toEqual(defaults);
    expect(readKitchenSettings({ readyHoldMinutes: 7, deliveryTravelMinutes: 35 })).toEqual({
      readyHoldMinutes: 7,
      deliveryTravelMinutes: 35,
      promiseQuantile: 0.8,
      locale: 'en',
    });
    expect(readKitchenSettings({ deliveryTravelMinutes: 0 })).toEqual(defaults);
    expect(readKitchenSettings({ promiseQuantile: 0.9 })).toEqual({ ...defaults, promiseQuantile: 0.9 });
    expect(readKitchenSettings({ promiseQuantile: 0.99 })).toEqual(defaults);
  });

  it('keeps only the keys an update gives, and refuses an empty, unknown or out-of-range one as bad input', () => {
    expect(parseKitchenSettingsChanges({ readyHoldMinutes: 1 })).toEqual({ readyHoldMinutes: 1 });
    expect(parseKitchenSettingsChanges({ readyHoldMinutes: 120 })).toEqual({ readyHoldMinutes: 120 });
    const refusal = (input: Record<string, unknown>): unknown => {
      try {
        parseKitchenSettingsChanges(input);
      } catch (err) {
        return err instanceof AppError ? [err.code, err.message] : err;
      }
      return 'accepted';
    };
    expect(refusal({ readyHoldMinutes: null })).toEqual(['BAD_USER_INPUT', 'nothing to change: give at least one setting']);
    expect(refusal({ readyHoldMinutes: 4.5 })).toEqual(['BAD_USER_INPUT', 'Invalid input: readyHoldMinutes: must be a whole number of minutes']);
    expect(parseKitchenSettingsChanges({ promiseQuantile: 0.5 })).toEqual({ promiseQuantile: 0.5 });
    expect(refusal({ promiseQuantile: 0.3 })).toEqual(['BAD_USER_INPUT', 'Invalid input: promiseQuantile: must be at least 0.5']);
    expect(refusal({ colour: 'red' })).toEqual(['BAD_USER_INPUT', expect.stringContaining('colour')]);
    expect(parseKitchenSettingsChanges({ locale: 'it' })).toEqual({ locale: 'it' });
    expect(refusal({ locale: 'fr' })).toEqual(['BAD_USER_INPUT', 'Invalid input: locale: must be one of en, it']);
    expect(readKitchenSettings({ locale: 'it' }).locale).toBe('it');
    expect(readKitchenSettings({ locale: 'xx' }).locale).toBe('en');
  });
});
