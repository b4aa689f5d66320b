import { useI18n } from '../i18n/LocaleProvider';

/** " (12:37–12:46)": the range told around a ready time; "learned" when it came from the kitchen's spread. */
export function ReadyRange({ range }: { range: { from: string; to: string; basis?: string } | null | undefined }) {
  const { t, format } = useI18n();
  if (!range) return null;
  return (
    <span className="ready-range muted" data-testid="ready-range" title={range.basis === 'LEARNED' ? t('orders.rangeLearned') : t('orders.rangeFixed')}>
      {' '}
      ({format.timeRange(range.from, range.to)})
    </span>
  );
}
