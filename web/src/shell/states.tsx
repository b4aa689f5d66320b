import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api/errors';
import { useI18n } from '../i18n/LocaleProvider';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{t('common.somethingWrong')}</p>
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * Loading, error and empty states in one place, so no screen forgets one of them.
 * `isEmpty` decides what counts as empty for this data; `empty` is what to say then.
 */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  loadingLabel,
  notFound,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  loadingLabel?: string;
  /** Shown instead of the error box when the API says NOT_FOUND. */
  notFound?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (notFound && query.error instanceof ApiError && query.error.code === 'NOT_FOUND') return <>{notFound}</>;
  if (query.error || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty ?? <NothingHere />}</>;
  return <>{children(query.data)}</>;
}

function NothingHere() {
  const { t } = useI18n();
  return <Empty title={t('common.nothingHere')} />;
}

/** Inline result of a form submit: the API's message, next to the button that caused it. */
export function FormError({ error }: { error: unknown }) {
  useI18n(); // re-renders the message when the language changes
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {describeError(error)}
    </p>
  );
}
