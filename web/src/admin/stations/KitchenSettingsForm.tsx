import { useState, type FormEvent } from 'react';
import { LOCALES } from '../../../../domain/i18n/locales';
import { graphql } from '../../api/graphql';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { useAuth } from '../../auth/AuthContext';
import { useI18n } from '../../i18n/LocaleProvider';
import { KITCHEN_SETTINGS_KEY, KITCHEN_SETTINGS_QUERY } from '../../orders/hand-off';
import { FormError, QueryView } from '../../shell/states';

const UPDATE_KITCHEN_SETTINGS = graphql(`
  mutation UpdateKitchenSettings($input: UpdateKitchenSettingsInput!) {
    updateKitchenSettings(input: $input) {
      readyHoldMinutes
      locale
    }
  }
`);

/** The kitchen-wide settings beside the stations (managers): how long a ready order may wait at the pass, and the default language. */
export function KitchenSettingsForm() {
  const settings = useGqlQuery(KITCHEN_SETTINGS_KEY, KITCHEN_SETTINGS_QUERY);
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="kitchen-settings-title">
      <h2 id="kitchen-settings-title">{t('kitchenSettings.title')}</h2>
      <QueryView query={settings}>
        {(d) => (
          <>
            <SettingsEditor initial={d.kitchenSettings} />
            <DefaultLanguage current={d.kitchenSettings.locale} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function SettingsEditor({ initial }: { initial: { readyHoldMinutes: number } }) {
  const update = useGqlMutation(UPDATE_KITCHEN_SETTINGS, [KITCHEN_SETTINGS_KEY]);
  const { t } = useI18n();
  // Kept as typed, so a half-typed number is not rewritten under the cursor; the server checks the range.
  const [hold, setHold] = useState(String(initial.readyHoldMinutes));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ input: { readyHoldMinutes: Number(hold) } });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('kitchenSettings.title')}>
      <label className="field">
        <span>{t('kitchenSettings.hold')}</span>
        <input type="number" inputMode="numeric" step={1} value={hold} onChange={(e) => setHold(e.target.value)} required />
        <small className="muted">{t('kitchenSettings.holdHint')}</small>
      </label>
      <button type="submit" className="btn btn--primary btn--small" disabled={update.isPending || hold.trim() === ''}>
        {update.isPending ? t('common.saving') : t('common.save')}
      </button>
      {update.isSuccess && !update.isPending && (
        <span className="muted" role="status">
          {t('kitchenSettings.saved')}
        </span>
      )}
      <FormError error={update.error} />
    </form>
  );
}

/** The restaurant's language: staff who chose none see it at once (this tab through its session), the public pages on their next read. */
function DefaultLanguage({ current }: { current: string }) {
  const update = useGqlMutation(UPDATE_KITCHEN_SETTINGS, [KITCHEN_SETTINGS_KEY]);
  const auth = useAuth();
  const { t } = useI18n();
  const choose = (locale: string) =>
    update.mutate(
      { input: { locale } },
      {
        onSuccess: ({ updateKitchenSettings }) => {
          const session = auth.getSession();
          if (session) auth.adopt({ ...session, tenant: { ...session.tenant, locale: updateKitchenSettings.locale } });
        },
      },
    );
  return (
    <div className="inline-form">
      <label className="field">
        <span>{t('account.restaurantLanguage')}</span>
        <select name="tenantLocale" value={current} disabled={update.isPending} onChange={(e) => choose(e.target.value)}>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {t(`languages.${locale}`)}
            </option>
          ))}
        </select>
        <small className="muted">{t('account.restaurantLanguageHint')}</small>
      </label>
      <FormError error={update.error} />
    </div>
  );
}
