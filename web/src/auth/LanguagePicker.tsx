import { useId } from 'react';
import { LOCALES, isLocale } from '../../../domain/i18n/locales';
import { graphql } from '../api/graphql';
import { useGqlMutation } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { FormError } from '../shell/states';
import { useAuth, useRequiredSession } from './AuthContext';

export const SET_MY_LOCALE = graphql(`
  mutation SetMyLocale($locale: String) {
    setMyLocale(locale: $locale) {
      id
      locale
    }
  }
`);

/**
 * The signed-in user's own language, or the restaurant's default. The answer goes into this tab's
 * session (like a changed password), so the whole app switches at once and stays switched on reload.
 */
export function LanguagePicker() {
  const id = useId();
  const { t } = useI18n();
  const auth = useAuth();
  const session = useRequiredSession();
  const save = useGqlMutation(SET_MY_LOCALE);
  const tenantDefault = t(`languages.${isLocale(session.tenant.locale) ? session.tenant.locale : 'en'}`);

  const choose = (value: string) =>
    save.mutate(
      { locale: value || null },
      {
        onSuccess: ({ setMyLocale }) => {
          const current = auth.getSession();
          if (current) auth.adopt({ ...current, user: { ...current.user, locale: setMyLocale.locale } });
        },
      },
    );

  return (
    <section className="card account-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('account.language')}</h2>
      <p className="muted">{t('account.languageLead', { tenantDefault })}</p>
      <label className="field">
        <span>{t('account.languageLabel')}</span>
        <select name="locale" value={session.user.locale ?? ''} disabled={save.isPending} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('account.followRestaurant', { language: tenantDefault })}</option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {t(`languages.${locale}`)}
            </option>
          ))}
        </select>
      </label>
      {save.isSuccess && (
        <p className="notice" role="status">
          {t('account.languageSaved')}
        </p>
      )}
      <FormError error={save.error} />
    </section>
  );
}
