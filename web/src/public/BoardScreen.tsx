import type { BoardView } from '../../../contracts/public-views';
import { useI18n } from '../i18n/LocaleProvider';
import { OfflineNote } from './OfflineNote';

/** Two columns of order numbers in type big enough to read across the room. */
export function BoardScreen({ view, live }: { view: BoardView; live: boolean }) {
  const { t } = useI18n();
  return (
    <main className="public board">
      <Column title={t('customer.preparing')} numbers={view.preparing} kind="preparing" />
      <Column title={t('customer.ready')} numbers={view.ready} kind="ready" />
      <OfflineNote live={live} />
    </main>
  );
}

function Column({ title, numbers, kind }: { title: string; numbers: number[]; kind: 'preparing' | 'ready' }) {
  return (
    <section className={`board__column board__column--${kind}`} aria-labelledby={`board-${kind}`}>
      <h1 id={`board-${kind}`} className="board__title">
        {title}
      </h1>
      <ul className="board__numbers" data-testid={`board-${kind}`} aria-live="polite">
        {numbers.map((n) => (
          <li key={n} className="board__number">
            {n}
          </li>
        ))}
      </ul>
    </section>
  );
}
