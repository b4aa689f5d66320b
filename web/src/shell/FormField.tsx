import type { ReactNode } from 'react';

export type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

interface FormFieldProps {
  controlId: string;
  label: string;
  error?: string;
  hint?: string;
  /** Renders the input with the id and ARIA attributes that tie it to its label, hint and error. */
  control: (props: ControlProps) => ReactNode;
}

/** A labelled form control. Hints and errors sit outside the <label>, so its accessible name stays the label alone. */
export function FormField({ controlId, label, error, hint, control }: FormFieldProps) {
  const describedBy = [error && `${controlId}-error`, hint && `${controlId}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      {control({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <small id={`${controlId}-hint`} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${controlId}-error`} className="field__error">
          {error}
        </small>
      )}
    </div>
  );
}
