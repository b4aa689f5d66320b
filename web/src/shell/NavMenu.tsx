import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/LocaleProvider';
import { usePath } from '../router/router';

/**
 * The top bar's navigation and account links behind a "Menu" button on phones. Wide screens show
 * the panel inline and never the button (styles.css, .topbar__menu); the open state only matters
 * under that breakpoint. Closes when the path changes and on Escape, which returns focus to the button.
 */
export function NavMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const path = usePath();
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const { t } = useI18n();

  // A link followed from the panel changes the path: the panel has done its job.
  useEffect(() => setOpen(false), [path]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button ref={button} type="button" className="btn topbar__menu" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('shell.menu')}
      </button>
      <div id={panelId} className="topbar__panel" data-open={open}>
        {children}
      </div>
    </>
  );
}
