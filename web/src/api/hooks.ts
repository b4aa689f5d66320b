import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Api } from './client';
import type { Variables } from './transport';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiContext.Provider>');
  return api;
}

type QueryOptions<T> = Omit<UseQueryOptions<T, Error, T, QueryKey>, 'queryKey' | 'queryFn'>;

/** A GraphQL query in the shared cache; the key is what live events invalidate. */
export function useGqlQuery<T>(key: QueryKey, query: string, variables?: Variables, options?: QueryOptions<T>) {
  const api = useApi();
  return useQuery<T, Error, T, QueryKey>({
    queryKey: key,
    queryFn: ({ signal }) => api.request<T>(query, variables, signal),
    ...options,
  });
}

/** A GraphQL mutation that refreshes the listed cache entries once it succeeds. */
export function useGqlMutation<T, V extends Variables>(query: string, invalidate: QueryKey[] = []) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<T, Error, V>({
    mutationFn: (variables) => api.request<T>(query, variables),
    onSuccess: () => Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
