import { getKitchenSettings } from '../../../core/settings/get-kitchen-settings';
import type { KitchenSettings } from '../../../core/settings/kitchen-settings';
import { updateKitchenSettings } from '../../../core/settings/update-kitchen-settings';
import { builder } from '../builder';

const KitchenSettingsRef = builder.objectRef<KitchenSettings>('KitchenSettings').implement({
  description: "The tenant's kitchen settings, defaults filled in.",
  fields: (t) => ({
    readyHoldMinutes: t.exposeInt('readyHoldMinutes', {
      description: 'How long a READY order may wait at the pass before the expo and the console show it as waiting too long (1..120, default 5).',
    }),
    deliveryTravelMinutes: t.exposeInt('deliveryTravelMinutes', {
      description: 'Pass to door as the manager set it (1..180, default 20); updateDeliverySettings changes it, dispatchBoard.travel says what is in force.',
    }),
    promiseQuantile: t.exposeFloat('promiseQuantile', {
      description:
        'Quantile of the learned ready-time spread promised to customers and platforms (0.5..0.95, default 0.8: 4 orders in 5 ready by then). Without a learned spread the point estimate is promised.',
    }),
    locale: t.exposeString('locale', {
      description: "The restaurant's default language (en, it, default en): for users who chose none, and for its pickup board and tracking pages.",
    }),
  }),
});

const UpdateKitchenSettingsInput = builder.inputType('UpdateKitchenSettingsInput', {
  description: 'Only the settings given change; the others stay as they are.',
  fields: (t) => ({
    readyHoldMinutes: t.int(),
    promiseQuantile: t.float(),
    locale: t.string({ description: 'en or it; BAD_USER_INPUT names locale otherwise.' }),
  }),
});

builder.queryFields((t) => ({
  kitchenSettings: t.withAuth({ permission: 'orders:read' }).field({
    type: KitchenSettingsRef,
    resolve: (_root, _args, { db, actor }) => getKitchenSettings({ db, actor, input: {} }),
  }),
}));

builder.mutationFields((t) => ({
  updateKitchenSettings: t.withAuth({ permission: 'stations:write' }).field({
    type: KitchenSettingsRef,
    description: 'Audited as kitchenSettings.update with the values it replaced. BAD_USER_INPUT names a value out of range or a language other than en, it.',
    args: { input: t.arg({ type: UpdateKitchenSettingsInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => updateKitchenSettings({ db, actor, input }),
  }),
}));
