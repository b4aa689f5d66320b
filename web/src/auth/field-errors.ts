import { ApiError } from '../api/errors';

/** The server's BAD_USER_INPUT / CONFLICT field errors on the form's fields; anything else stays for the form-level message. */
export function fieldErrorsOf<F extends string>(error: unknown, fields: readonly F[]): { fields: Partial<Record<F, string>>; rest: boolean } {
  if (!(error instanceof ApiError)) return { fields: {}, rest: Boolean(error) };
  if ((error.code !== 'BAD_USER_INPUT' && error.code !== 'CONFLICT') || error.fieldErrors.length === 0) return { fields: {}, rest: true };
  const found: Partial<Record<F, string>> = {};
  let rest = false;
  for (const f of error.fieldErrors) {
    if ((fields as readonly string[]).includes(f.path)) found[f.path as F] ??= f.message;
    else rest = true;
  }
  return { fields: found, rest };
}
