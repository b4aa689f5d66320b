import { useMutation, useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Api } from './client';
import type { TadaDocumentNode, VariablesArgs } from './graphql';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiContext.Provider>');
  return api;
}

type QueryOptions<T> = Omit<UseQueryOptions<T, Error, T, QueryKey>, 'queryKey' | 'queryFn'>;

/** A GraphQL query in the shared cache; the key is what live events invalidate. */
export function useGqlQuery<Result, Vars>(
  key: QueryKey,
  document: TadaDocumentNode<Result, Vars>,
  ...args: VariablesArgs<Vars, [options?: QueryOptions<Result>]>
) {
  const api = useApi();
  const [variables, options] = args as [Vars | undefined, QueryOptions<Result> | undefined];
  return useQuery<Result, Error, Result, QueryKey>({
    queryKey: key,
    queryFn: ({ signal }) => api.request(document, ...([variables, signal] as VariablesArgs<Vars, [AbortSignal]>)),
    ...options,
  });
}

/** A GraphQL mutation that refreshes the listed cache entries once it succeeds. */
export function useGqlMutation<Result, Vars>(document: TadaDocumentNode<Result, Vars>, invalidate: QueryKey[] = []) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<Result, Error, Vars>({
    mutationFn: (variables) => api.request(document, ...([variables] as VariablesArgs<Vars>)),
    onSuccess: () => Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
