/**
 * Phone numbers are stored as digits with an optional leading "+", so a call-back search for
 * "333 123 4567" finds "+39 333-123-4567". Text without any digit is kept as typed.
 */
export function normalizePhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (!digits) return phone;
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

/** The digits of a search term, when it looks like (part of) a phone number. */
export function phoneDigits(search: string): string | null {
  const digits = search.replace(/\D/g, '');
  return digits.length >= 3 && /^[\d\s+()./-]+$/.test(search) ? digits : null;
}
