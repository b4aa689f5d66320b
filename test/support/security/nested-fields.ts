import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { accessOf, type RootField } from './root-fields';

/**
 * Test-only: the fields below the root that declare a permission of their own
 * (`t.withAuth({ permission })` on an object type's field), each with every route that reaches
 * it from a root query without arguments, up to `maxHops` object fields down.
 */
export interface NestedRoute {
  root: RootField;
  /** Field names from the root field's type down to the type holding `field`. */
  through: string[];
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  permission: string;
}

const needsArgs = (f: GraphQLField<unknown, unknown>) => f.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined);

export function nestedRoutes(schema: GraphQLSchema, roots: RootField[], maxHops = 3): NestedRoute[] {
  const routes: NestedRoute[] = [];
  const visit = (root: RootField, type: GraphQLObjectType, through: string[], seen: readonly string[]) => {
    for (const f of Object.values(type.getFields())) {
      const access = accessOf((f.extensions as { pothosOptions?: never }).pothosOptions);
      if (access.kind === 'permission') routes.push({ root, through, type, field: f, permission: access.permission });
      const next = getNamedType(f.type);
      if (access.kind === 'permission' || needsArgs(f) || !isObjectType(next) || seen.includes(next.name) || through.length >= maxHops) continue;
      visit(root, next, [...through, f.name], [...seen, next.name]);
    }
  };
  for (const root of roots) {
    const type = getNamedType(root.field.type);
    if (root.operation === 'query' && !needsArgs(root.field) && isObjectType(type)) visit(root, type, [], [type.name]);
  }
  return routes;
}
