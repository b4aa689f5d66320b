import { matchModifierName } from '../../domain/menu';
import type { MappedLine } from '../../platforms/mapping';
import { modifierGroupsInclude } from '../menu/modifier-groups-include';
import type { TenantTx } from '../types';

export interface ModifiedLine extends MappedLine {
  modifiers: Array<{ groupId: string; optionId: string }>;
  /** Names no option matched: they travel as free text, after a person accepted them at review. */
  unmapped: string[];
}

/**
 * A platform order's modifier names as the dishes' own options (matchModifierName). `unknown`
 * lists each unmatched one with its dish, the review queue's reason; one query for all lines.
 */
export async function mapPlatformModifiers(db: Pick<TenantTx, 'modifierGroup'>, lines: MappedLine[]): Promise<{ lines: ModifiedLine[]; unknown: string[] }> {
  const menuItemIds = [...new Set(lines.filter((l) => l.modifierNames.length > 0).map((l) => l.menuItemId))];
  const groups = menuItemIds.length === 0 ? [] : await db.modifierGroup.findMany({ where: { menuItemId: { in: menuItemIds } }, ...modifierGroupsInclude });
  const unknown: string[] = [];
  const mapped = lines.map((line) => {
    const own = groups.filter((g) => g.menuItemId === line.menuItemId);
    const modifiers: ModifiedLine['modifiers'] = [];
    const unmapped: string[] = [];
    for (const name of line.modifierNames) {
      const match = matchModifierName(name, own);
      if (match) modifiers.push(match);
      else unmapped.push(name);
    }
    unknown.push(...unmapped.map((name) => `"${name}"`));
    return { ...line, modifiers, unmapped };
  });
  return { lines: mapped, unknown };
}
