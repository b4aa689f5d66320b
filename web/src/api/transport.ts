import { ApiError, toApiError } from './errors';
import { documentText, type TadaDocumentNode, type VariablesArgs } from './graphql';

/** Same origin: the API server serves the app, and `npm run dev` proxies this path to it. */
export const GRAPHQL_ENDPOINT = '/graphql';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * One POST to /graphql. Throws ApiError for GraphQL errors (with extensions.code) and for
 * transport failures (code NETWORK), so callers never look at HTTP details.
 */
export interface PostOptions {
  token?: string | null;
  signal?: AbortSignal;
  endpoint?: string;
}

/** Variables are checked against the document: required ones must be given, with the schema's types. */
export function postGraphQL<Result, Vars>(document: TadaDocumentNode<Result, Vars>, ...args: VariablesArgs<Vars, [options?: PostOptions]>): Promise<Result> {
  const [variables, options] = args as [Vars | undefined, PostOptions | undefined];
  return sendGraphQL(document, variables, options);
}

/** postGraphQL for callers whose own signature already checked the variables (api/client.ts). */
export async function sendGraphQL<Result>(
  document: TadaDocumentNode<Result, never>,
  variables: unknown = {},
  { token, signal, endpoint = GRAPHQL_ENDPOINT }: PostOptions = {},
): Promise<Result> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: documentText(document), variables }),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('Network request failed', 'NETWORK');
  }

  let body: GraphQLResponse<Result>;
  try {
    body = (await res.json()) as GraphQLResponse<Result>;
  } catch {
    // A proxy error page or an empty 502 is not JSON; the status is all we know.
    throw new ApiError(`Server answered ${res.status} without a GraphQL body`, res.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'NETWORK');
  }
  if (body.errors?.length) throw toApiError(body.errors[0]);
  if (body.data == null) throw new ApiError('Empty GraphQL response', 'INTERNAL_SERVER_ERROR');
  return body.data;
}
