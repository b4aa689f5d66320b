/**
 * What login asks of a rate limiter, so the use case stays transport- and store-neutral; the API
 * implements it on PostgreSQL (api/rate-limits/login-throttle.ts). `account` is whatever was typed
 * (tenant slug + email), existing or not, so a block never tells whether an account exists.
 */
export interface LoginAttempt {
  ip?: string;
  account: string;
}

export interface LoginThrottle {
  /** Before the password is checked: throws RATE_LIMITED while the IP or the account must wait. */
  begin(attempt: LoginAttempt): Promise<void>;
  /** A wrong password (or unknown account): counts towards both limits and may start a wait. */
  failed(attempt: LoginAttempt): Promise<void>;
  /** The password was right: the account's failures are forgotten. */
  succeeded(attempt: LoginAttempt): Promise<void>;
}

/** The account key of an attempt: tenant slug and email as typed, case-insensitive. */
export function loginAccount(tenantSlug: string, email: string): string {
  return `${tenantSlug.toLowerCase()}\n${email.toLowerCase()}`;
}
