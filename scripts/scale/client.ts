/**
 * The scale test's client, as a KDS tablet or a till would behave behind the proxy: GraphQL over
 * HTTP with a bearer token, and one retry when the proxy answers without GraphQL (its 502 page) or the
 * connection drops (the request may not have reached any node). Every call is recorded with its latency and
 * outcome, so the checks count what a person at the screen would have seen.
 */
export interface CallRecord {
  op: string;
  at: number;
  ms: number;
  /** 'ok', a GraphQL error code, or `HTTP <status>` / `NETWORK` when the retry failed too. */
  outcome: string;
  retried: boolean;
  /** The error's message and the call's variables, when it was not 'ok' (for a failure's report). */
  detail?: string;
}

type GqlBody = { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };

export class ScaleClient {
  readonly calls: CallRecord[] = [];
  private token = '';

  constructor(readonly baseUrl: string) {}

  async login(tenant: string, email: string, password: string): Promise<void> {
    const res = await this.call<{ login: { accessToken: string } }>(
      'login',
      'mutation($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }',
      { t: tenant, e: email, p: password },
    );
    if (!res.data) throw new Error(`login ${email} failed: ${res.errors?.[0]?.message}`);
    this.token = res.data.login.accessToken;
  }

  get accessToken(): string {
    return this.token;
  }

  /** One GraphQL call; a transport failure is retried once, a GraphQL error is the answer. */
  async call<T>(
    op: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
    const at = Date.now();
    let retried = false;
    for (;;) {
      const answer = await this.post(query, variables);
      if ('failure' in answer && !retried) {
        retried = true;
        continue;
      }
      const ms = Date.now() - at;
      if ('failure' in answer) {
        this.calls.push({ op, at, ms, outcome: answer.failure, retried });
        return { errors: [{ message: answer.failure, extensions: { code: answer.failure } }] };
      }
      const code = answer.body.errors?.[0]?.extensions?.code;
      const detail = answer.body.errors ? `${answer.body.errors[0]?.message} ${JSON.stringify(variables)}` : undefined;
      this.calls.push({ op, at, ms, outcome: answer.body.errors ? (code ?? 'ERROR') : 'ok', retried, detail });
      return answer.body as { data?: T; errors?: GqlBody['errors'] };
    }
  }

  private async post(query: string, variables: Record<string, unknown>): Promise<{ failure: string } | { body: GqlBody }> {
    try {
      const res = await fetch(`${this.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      // A GraphQL answer is the node's, whatever the status; anything else (nginx's 502 page) is the path's.
      const body = (await res.json().catch(() => null)) as GqlBody | null;
      return body && ('data' in body || 'errors' in body) ? { body } : { failure: `HTTP ${res.status}` };
    } catch {
      return { failure: 'NETWORK' };
    }
  }
}
