import { z } from 'zod';

/**
 * The text rules every input shares, so server, recipe checks and web forms refuse the same
 * strings. PostgreSQL cannot store U+0000 in text or jsonb at all, and the other control
 * characters are never typed by a person: they only come from bugs or attacks.
 */
export const TEXT_LIMITS = {
  /** Names of things (stations, dishes, recipes, people, tasks). */
  name: 200,
  /** Short labels: categories, units, slugs, task ids. */
  label: 100,
  /** Free text a person writes: notes, modifications, descriptions, reasons. */
  note: 1000,
  /** RFC 5321: the longest address a mail server accepts. */
  email: 254,
  /** Secrets, tokens and passwords in transit (bcrypt reads 72 bytes; tokens are shorter). */
  secret: 500,
} as const;

// One line: no C0 control character (tab and newline included) and no DEL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SINGLE_LINE_RE = /^[^\u0000-\u001f\u007f]*$/;
// Several lines: newline, carriage return and tab are fine, the rest of C0 and DEL are not.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MULTI_LINE_RE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters';

/** Whether a string is safe to store as one line of text. */
export const isSingleLine = (value: string): boolean => SINGLE_LINE_RE.test(value);

/** One line of text, at most `max` characters, trimmed. Chain `.min(1)` where empty is wrong. */
export const safeText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).regex(SINGLE_LINE_RE, CONTROL_CHARACTER_MESSAGE);

/** Text that may span lines (notes): newlines and tabs are kept, other control characters refused. */
export const multilineText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).regex(MULTI_LINE_RE, CONTROL_CHARACTER_MESSAGE);

/** A secret or token: compared byte for byte, so never trimmed, but still one line and bounded. */
export const secretText = (max: number = TEXT_LIMITS.secret) =>
  z.string().max(max, `must be at most ${max} characters`).regex(SINGLE_LINE_RE, CONTROL_CHARACTER_MESSAGE);

/** An email address, lower-cased; the length is checked first so a 10 kB string is not parsed. */
export const email = () => safeText(TEXT_LIMITS.email).toLowerCase().pipe(z.email('must be an email address'));

export const PHONE_DIGITS = { min: 6, max: 20 } as const;
// Hand-written because libphonenumber is not a dependency: what a person types for a phone
// number anywhere (digits, spaces, +, -, dots, parentheses) with 6..20 digits; no country rules.
const PHONE_RE = /^\+?[\d\s().-]+$/;

/** A phone number as typed; "call me maybe" or a 40-digit string is refused. */
export const phone = () =>
  safeText(40)
    .regex(PHONE_RE, 'must be a phone number: digits, spaces, +, -, ( ) and . only')
    .refine((v) => {
      const digits = v.replace(/\D/g, '').length;
      return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
    }, `must have ${PHONE_DIGITS.min} to ${PHONE_DIGITS.max} digits`);
