/** A dish's modifier group as choosing needs it. */
export interface SelectableGroup {
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
  options: Array<{ id: string; name: string }>;
}

export interface SelectionProblem {
  /** The group the problem is about, or null for an option the dish does not have. */
  groupId: string | null;
  message: string;
}

/**
 * Checks chosen option ids against a dish's groups: every option must be one of the dish's,
 * chosen once, and each group gets between its min and max choices. Each problem names its
 * group, so the operator knows what to fix. Shared by the server and the console.
 */
export function checkModifierSelection(groups: readonly SelectableGroup[], optionIds: readonly string[]): SelectionProblem[] {
  const groupOf = new Map(groups.flatMap((g) => g.options.map((o) => [o.id, g] as const)));
  const problems: SelectionProblem[] = [];
  const seen = new Set<string>();
  for (const id of optionIds) {
    if (!groupOf.has(id)) problems.push({ groupId: null, message: `option ${id} is not a modifier of this dish` });
    else if (seen.has(id)) problems.push({ groupId: groupOf.get(id)!.id, message: `"${groupOf.get(id)!.name}": an option is chosen twice` });
    seen.add(id);
  }
  for (const group of groups) {
    const count = group.options.filter((o) => seen.has(o.id)).length;
    if (count < group.minChoices) problems.push({ groupId: group.id, message: `"${group.name}": choose at least ${group.minChoices}, got ${count}` });
    if (count > group.maxChoices) problems.push({ groupId: group.id, message: `"${group.name}": choose at most ${group.maxChoices}, got ${count}` });
  }
  return problems;
}
