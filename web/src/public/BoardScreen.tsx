import type { BoardView } from '../../../contracts/public-views';
import { OfflineNote } from './OfflineNote';

/** Two columns of order numbers in type big enough to read across the room. */
export function BoardScreen({ view, live }: { view: BoardView; live: boolean }) {
  return (
    <main className="public board">
      <Column title="Preparing" numbers={view.preparing} kind="preparing" />
      <Column title="Ready" numbers={view.ready} kind="ready" />
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
