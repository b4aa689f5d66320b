import { useId, type ReactNode } from 'react';
import { Link } from '../router/router';

/**
 * A page's heading: an optional way back ("Platforms /"), the title, a lead line under it, and
 * actions on the right.
 */
export function PageHeader({ title, lead, back, actions }: { title: ReactNode; lead?: ReactNode; back?: { to: string; label: string }; actions?: ReactNode }) {
  return (
    <header className="page__header">
      <div>
        {back && (
          <p className="muted">
            <Link to={back.to}>{back.label}</Link> /
          </p>
        )}
        <h1>{title}</h1>
        {lead && <p className="muted">{lead}</p>}
      </div>
      {actions}
    </header>
  );
}

/**
 * "Are you sure?" inline, before something that is hard to undo: the question, then the
 * confirming button and Cancel. Named by `title` when there is one, else by `label`.
 */
export function ConfirmBar({
  title,
  label,
  children,
  confirmLabel,
  tone,
  busy,
  autoFocus,
  onConfirm,
  onCancel,
}: {
  title?: ReactNode;
  label?: string;
  children: ReactNode;
  confirmLabel: ReactNode;
  tone: 'danger' | 'primary';
  busy?: boolean;
  autoFocus?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-label={title ? undefined : label}
      aria-labelledby={title ? `${id}-title` : undefined}
      aria-describedby={`${id}-desc`}
    >
      {title && (
        <p id={`${id}-title`}>
          <strong>{title}</strong>
        </p>
      )}
      <p id={`${id}-desc`}>{children}</p>
      <div className="btn-row">
        <button type="button" className={`btn btn--${tone}`} disabled={busy} autoFocus={autoFocus} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
