import http from 'node:http';
import https from 'node:https';

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
    const res = await post(`${this.baseUrl}/graphql`, JSON.stringify({ query, variables }), token);
    const { text } = res;
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

/**
 * An idle kept-alive connection is dropped after 4 s, before Node's HTTP server closes it on its
 * side (keepAliveTimeout, 5 s): reusing a connection the server was closing at that moment
 * failed the request with ECONNRESET (a crew's queue read, about once in a 5-minute simulation).
 */
const IDLE_SOCKET_MS = 4_000;
const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
};

/**
 * One POST over a kept-alive connection. Plain node:http rather than fetch: fetch (undici) cost
 * about three times the CPU per request (0.7-1.1 vs 0.22-0.36 ms, scratch measurement against the
 * API), and the simulator and the bench share the machine with the kitchen they measure.
 */
function post(url: string, body: string, token: string | null): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return new Promise((resolve, reject) => {
    const req = transport.request(target, { method: 'POST', agent: agents[target.protocol as keyof typeof agents], headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
