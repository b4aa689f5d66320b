import { graphql, type ResultOf } from '../api/graphql';

/** What login and refresh select of the API's AuthPayload (expiresAt: ISO time the access token expires). */
export const AuthPayloadFields = graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    refreshToken
    expiresAt
    user {
      id
      name
      email
      role
      locale
    }
    tenant {
      id
      name
      slug
      locale
      timeZone
      currency
    }
  }
`);

/** Exactly that AuthPayload selection, so a login or refresh answer is stored as it comes. */
export type Session = ResultOf<typeof AuthPayloadFields>;
export type SessionUser = Session['user'];
export type SessionTenant = Session['tenant'];

const KEY = 'brigade.session';

/**
 * sessionStorage (not localStorage): the login lives as long as the tab, and a shared kitchen
 * tablet does not keep a manager signed in after the tab closes.
 */
export function loadSession(storage: Storage): Session | null {
  const raw = storage.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Session>;
    const ok =
      typeof parsed.accessToken === 'string' &&
      typeof parsed.refreshToken === 'string' &&
      typeof parsed.expiresAt === 'string' &&
      typeof parsed.user?.role === 'string' &&
      typeof parsed.tenant?.slug === 'string';
    return ok ? (parsed as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: Session | null): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

/** The last tenant typed on this device, so a kitchen tablet does not ask for it every shift. */
const TENANT_KEY = 'brigade.lastTenant';
export const rememberTenant = (slug: string) => localStorage.setItem(TENANT_KEY, slug);
export const lastTenant = () => localStorage.getItem(TENANT_KEY) ?? '';
