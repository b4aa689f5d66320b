import { ApiError } from '../api/errors';
import { graphql } from '../api/graphql';
import { GRAPHQL_ENDPOINT, postGraphQL } from '../api/transport';
import { AuthPayloadFields, loadSession, saveSession, type Session } from './session';

const LOGIN = graphql(
  `
    mutation Login($tenant: String!, $email: String!, $password: String!) {
      login(tenant: $tenant, email: $email, password: $password) {
        ...AuthPayloadFields
      }
    }
  `,
  [AuthPayloadFields],
);
const REFRESH = graphql(
  `
    mutation Refresh($refreshToken: String!) {
      refresh(refreshToken: $refreshToken) {
        ...AuthPayloadFields
      }
    }
  `,
  [AuthPayloadFields],
);
const LOGOUT = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

/** Refresh this long before the access token expires, so no request goes out with a dead token. */
const REFRESH_MARGIN_MS = 60_000;
const MIN_DELAY_MS = 5_000;

/**
 * Owns the login for one browser tab: persistence, proactive refresh before expiry, and a
 * single-flight refresh — the API rotates refresh tokens, so two concurrent refreshes with the same
 * token would make the second one fail and sign the user out.
 */
export class AuthClient {
  private session: Session | null;
  private listeners = new Set<() => void>();
  private inFlight: Promise<Session | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Why the last session ended without the user asking, shown on the login page. */
  endedReason: string | null = null;

  private storage: Storage;
  private endpoint: string;

  constructor({ storage = sessionStorage, endpoint = GRAPHQL_ENDPOINT }: { storage?: Storage; endpoint?: string } = {}) {
    this.storage = storage;
    this.endpoint = endpoint;
    this.session = loadSession(storage);
    this.schedule();
  }

  getSession = (): Session | null => this.session;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async login(tenant: string, email: string, password: string): Promise<Session> {
    const data = await postGraphQL(LOGIN, { tenant, email, password }, { endpoint: this.endpoint });
    this.endedReason = null;
    this.set(data.login);
    return data.login;
  }

  /**
   * Takes over a session the API issued outside login/refresh (changePassword ends every refresh
   * session of the user and returns a fresh one), so this tab stays signed in.
   */
  adopt(session: Session): void {
    this.endedReason = null;
    this.set(session);
  }

  async logout(): Promise<void> {
    const current = this.session;
    this.set(null);
    // Revoking is best effort: the local session is gone either way and the access token expires soon.
    if (current) await postGraphQL(LOGOUT, { refreshToken: current.refreshToken }, { endpoint: this.endpoint }).catch(() => undefined);
  }

  /** A token that is valid for at least a little while, refreshing first if needed. */
  async token(): Promise<string | null> {
    const s = this.session;
    if (!s) return null;
    if (Date.parse(s.expiresAt) - Date.now() > MIN_DELAY_MS) return s.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  }

  /** Resolves to the new session, or null when the server refused it (the user must sign in again). */
  refresh(): Promise<Session | null> {
    if (this.inFlight) return this.inFlight;
    const current = this.session;
    if (!current) return Promise.resolve(null);
    this.inFlight = postGraphQL(REFRESH, { refreshToken: current.refreshToken }, { endpoint: this.endpoint })
      .then((data) => {
        // A logout (or another login) while the request was out wins over its answer.
        if (this.session?.refreshToken !== current.refreshToken) return this.session;
        this.set(data.refresh);
        return data.refresh;
      })
      .catch((err: unknown) => {
        // The session was replaced meanwhile (adopt, login): the old token's refusal ends nothing.
        if (this.session?.refreshToken !== current.refreshToken) return this.session;
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
          this.endedReason = 'Your session has ended. Please sign in again.';
          this.set(null);
          return null;
        }
        // Network trouble: keep the session and try again shortly; the token may still work.
        this.schedule(MIN_DELAY_MS * 2);
        throw err;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private set(session: Session | null): void {
    this.session = session;
    saveSession(this.storage, session);
    this.schedule();
    for (const listener of this.listeners) listener();
  }

  private schedule(delay?: number): void {
    clearTimeout(this.timer);
    if (!this.session) return;
    const wait = delay ?? Math.max(MIN_DELAY_MS, Date.parse(this.session.expiresAt) - Date.now() - REFRESH_MARGIN_MS);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), wait);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }
}
