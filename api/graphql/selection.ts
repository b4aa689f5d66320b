import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields a client selected directly under the field being resolved, through
 * inline and named fragments (aliases do not matter; a field under @skip/@include counts as
 * selected). Lets a resolver skip loading what nobody asked for.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  return namesIn(info, info.fieldNodes.map((node) => node.selectionSet));
}

/** The same, one level down: the fields selected under `field` (e.g. `subtasks { id completed }`). */
export function selectedSubfieldNames(info: GraphQLResolveInfo, field: string): Set<string> {
  const sets: Array<SelectionSetNode | undefined> = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === field) sets.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return namesIn(info, sets);
}

function namesIn(info: GraphQLResolveInfo, sets: Array<SelectionSetNode | undefined>): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return names;
}
