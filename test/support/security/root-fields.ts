import type { GraphQLField, GraphQLSchema } from 'graphql';

/**
 * Test-only: every Query and Mutation field of the built schema with the access it declares,
 * read from the options Pothos keeps on each field (`extensions.pothosOptions`): what
 * `t.withAuth({ permission })` and `skipTypeScopes` set in api/graphql/schema/*.ts.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'token' }
  | { kind: 'permission'; permission: string }
  /** Anything else: a field the suites cannot judge, which fails them. */
  | { kind: 'undeclared'; detail: string };

export interface RootField {
  operation: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
  access: Access;
}

type PothosOptions = { authScopes?: Record<string, unknown>; skipTypeScopes?: boolean };

export function accessOf(options: PothosOptions | undefined): Access {
  const scopes = options?.authScopes;
  const keys = Object.keys(scopes ?? {});
  if (options?.skipTypeScopes && keys.length === 0) return { kind: 'public' };
  if (keys.length === 1 && scopes?.authenticated === true) return { kind: 'token' };
  if (keys.length === 1 && typeof scopes?.permission === 'string') return { kind: 'permission', permission: scopes.permission };
  return { kind: 'undeclared', detail: JSON.stringify({ authScopes: scopes, skipTypeScopes: options?.skipTypeScopes }) };
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([operation, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({
      operation,
      name: field.name,
      field,
      access: accessOf((field.extensions as { pothosOptions?: PothosOptions }).pothosOptions),
    })),
  );
}
