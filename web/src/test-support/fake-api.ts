import type { Api } from '../api/client';
import { documentText } from '../api/graphql';

/**
 * An Api for component tests that answers from the document's text (what the server would receive)
 * and its variables. The answer is not checked against the document's result type: each fake
 * builds it from test data typed with the app's own types, which are inferred from the schema.
 */
export function fakeApi(answer: (query: string, variables: Record<string, unknown>) => unknown): Api {
  return {
    request: async (document, ...args) => {
      const [variables = {}] = args as unknown[] as [Record<string, unknown>?];
      return (await answer(documentText(document), variables)) as never;
    },
  };
}
