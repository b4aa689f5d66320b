import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields a client selected directly under the field being resolved, through
 * inline and named fragments (aliases do not matter; a field under @skip/@include counts as
 * selected). Lets a resolver skip loading what nobody asked for.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  return namesIn(info, topLevel(info));
}

/** The same, one level down: the fields selected under `field` (e.g. `subtasks { id completed }`). */
export function selectedSubfieldNames(info: GraphQLResolveInfo, field: string): Set<string> {
  return namesIn(
    info,
    fieldsIn(info, topLevel(info))
      .filter((f) => f.name.value === field)
      .map((f) => f.selectionSet),
  );
}

const topLevel = (info: GraphQLResolveInfo) => info.fieldNodes.map((node) => node.selectionSet);

const namesIn = (info: GraphQLResolveInfo, sets: Array<SelectionSetNode | undefined>) => new Set(fieldsIn(info, sets).map((f) => f.name.value));

/** The fields of these selection sets, fragments (inline and named) opened. */
function fieldsIn(info: GraphQLResolveInfo, sets: Array<SelectionSetNode | undefined>): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return fields;
}
