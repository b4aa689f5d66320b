import type { Prisma } from '../../prisma/generated/client';
import { type FieldError } from '../../contracts/errors';
import type { OrderedModifier } from '../../domain/menu';
import { badInput } from '../errors';
import type { TenantTx } from '../types';
import { modifierGroupsInclude } from '../menu/modifier-groups-include';
import { MAX_ITEM_QUANTITY, type OrderLineInput } from './order-input';
import { resolveLineModifiers } from './resolve-line-modifiers';

type Reader = Pick<TenantTx, 'menuItem' | 'workflowTemplateVersion'>;

/** An order line checked against the menu: the dish as it is now and its current published recipe. */
export interface ResolvedLine {
  index: number;
  line: OrderLineInput;
  menuItem: { id: string; name: string; price: Prisma.Decimal; allergens: string[] };
  /** The options chosen (snapshots), and the dish's price with their deltas. */
  modifiers: OrderedModifier[];
  unitPrice: Prisma.Decimal;
  /** The version the line pins: its template's current published version. */
  version: { id: string; templateId: string; definition: unknown };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks every line against the tenant's menu (the scoped client: another tenant's item is
 * simply unknown) and collects every problem, each naming its dish, into one BAD_USER_INPUT, so
 * the phone operator fixes the whole order at once. Two queries whatever the order size.
 */
export async function resolveOrderLines(db: Reader, lines: OrderLineInput[]): Promise<ResolvedLine[]> {
  const ids = [...new Set(lines.map((l) => l.menuItemId).filter((id) => UUID_RE.test(id)))];
  const menuItems = await db.menuItem.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      price: true,
      allergens: true,
      isActive: true,
      isAvailable: true,
      unavailableReason: true,
      workflowTemplate: { select: { id: true, currentVersion: true } },
      modifierGroups: modifierGroupsInclude,
    },
  });
  const byId = new Map(menuItems.map((m) => [m.id, m]));
  const published = menuItems.flatMap((m) =>
    m.workflowTemplate?.currentVersion != null ? [{ templateId: m.workflowTemplate.id, version: m.workflowTemplate.currentVersion }] : [],
  );
  const versions =
    published.length === 0
      ? []
      : await db.workflowTemplateVersion.findMany({
          where: { OR: published },
          select: { id: true, templateId: true, definition: true },
        });
  const versionByTemplate = new Map(versions.map((v) => [v.templateId, v]));

  const problems: FieldError[] = [];
  const resolved: ResolvedLine[] = [];
  lines.forEach((line, index) => {
    const path = `items.${index}`;
    const item = byId.get(line.menuItemId);
    const label = item ? `"${item.name}"` : `Menu item ${line.menuItemId}`;
    const before = problems.length;
    if (!item) problems.push({ path: `${path}.menuItemId`, message: `${label} does not exist` });
    else if (!item.isActive) problems.push({ path: `${path}.menuItemId`, message: `${label} is no longer on the menu` });
    else if (!item.isAvailable)
      problems.push({ path: `${path}.menuItemId`, message: `${label} is unavailable${item.unavailableReason ? ` (${item.unavailableReason})` : ''}` });
    else if (!item.workflowTemplate) problems.push({ path: `${path}.menuItemId`, message: `${label} has no recipe, so the kitchen cannot make it` });
    else if (!versionByTemplate.has(item.workflowTemplate.id)) problems.push({ path: `${path}.menuItemId`, message: `${label} has no published recipe yet` });
    if (line.quantity < 1 || line.quantity > MAX_ITEM_QUANTITY) {
      problems.push({ path: `${path}.quantity`, message: `${label}: quantity must be between 1 and ${MAX_ITEM_QUANTITY}, got ${line.quantity}` });
    }
    if (problems.length > before || !item?.workflowTemplate) return;
    const version = versionByTemplate.get(item.workflowTemplate.id)!;
    const chosen = resolveLineModifiers(path, item, line.modifiers, version.definition);
    if (!chosen.ok) {
      problems.push(...chosen.problems);
      return;
    }
    resolved.push({
      index,
      line,
      menuItem: { id: item.id, name: item.name, price: item.price, allergens: item.allergens },
      modifiers: chosen.modifiers,
      unitPrice: chosen.unitPrice,
      version,
    });
  });
  if (problems.length > 0) throw badInput(problems, 'Order rejected');
  return resolved;
}
