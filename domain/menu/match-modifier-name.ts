/** A dish's groups as name matching needs them. */
export interface NamedGroup {
  id: string;
  name: string;
  options: Array<{ id: string; name: string }>;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A marketplace's modifier, by name, as one of the dish's options: "Group: Option" names both,
 * a bare "Option" must name exactly one option of the dish (two groups with an "Extra" are
 * ambiguous, so a person decides). Case and spacing do not matter. Null when nothing matches.
 */
export function matchModifierName(name: string, groups: readonly NamedGroup[]): { groupId: string; optionId: string } | null {
  const colon = name.indexOf(':');
  if (colon > 0) {
    const group = groups.find((g) => norm(g.name) === norm(name.slice(0, colon)));
    const option = group?.options.find((o) => norm(o.name) === norm(name.slice(colon + 1)));
    if (group && option) return { groupId: group.id, optionId: option.id };
  }
  const found = groups.flatMap((g) => g.options.filter((o) => norm(o.name) === norm(name)).map((o) => ({ groupId: g.id, optionId: o.id })));
  return found.length === 1 ? found[0] : null;
}
