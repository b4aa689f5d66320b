/**
 * A GraphQL-over-HTTP client as any outside program would write it: login, bearer token,
 * re-login shortly before the access token expires. Nothing here imports the server.
 */
export class GqlError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export interface Session {
  tenant: string;
  email: string;
  password: string;
}

const LOGIN = `mutation Login($tenant: String!, $email: String!, $password: String!) {
  login(tenant: $tenant, email: $email, password: $password) { accessToken expiresAt user { id } tenant { id } }
}`;

/** Re-login this long before expiry, so a long run never sends a stale token. */
const REFRESH_MARGIN_MS = 60_000;

export class ApiClient {
  private token: string | null = null;
  private expiresAt = 0;
  private loggingIn: Promise<void> | null = null;
  userId = '';
  tenantId = '';

  constructor(
    readonly baseUrl: string,
    private readonly session: Session,
  ) {}

  /** The current access token (for the Socket.io handshake). */
  async accessToken(): Promise<string> {
    await this.ensureToken();
    return this.token!;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    await this.ensureToken();
    return this.raw<T>(query, variables, this.token);
  }

  private async ensureToken(): Promise<void> {
    if (this.token && Date.now() < this.expiresAt - REFRESH_MARGIN_MS) return;
    this.loggingIn ??= this.login().finally(() => (this.loggingIn = null));
    await this.loggingIn;
  }

  private async login(): Promise<void> {
    const { tenant, email, password } = this.session;
    const data = await this.raw<{ login: { accessToken: string; expiresAt: string; user: { id: string }; tenant: { id: string } } }>(
      LOGIN,
      { tenant, email, password },
      null,
    );
    this.token = data.login.accessToken;
    this.expiresAt = Date.parse(data.login.expiresAt);
    this.userId = data.login.user.id;
    this.tenantId = data.login.tenant.id;
  }

  private async raw<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text);
    } catch {
      throw new GqlError(`HTTP ${res.status}: ${text.slice(0, 200)}`, null);
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      throw new GqlError(first.message, first.extensions?.code ?? null);
    }
    if (!body.data) throw new GqlError(`HTTP ${res.status}: no data`, null);
    return body.data;
  }
}
