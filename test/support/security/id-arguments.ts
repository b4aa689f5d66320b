import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import type { RootField } from './root-fields';
import type { Entity } from './security-tenant';

/**
 * Test-only: which entity every ID argument of the API names, for the cross-tenant fuzz. Keys
 * are `field.path` (needed for `id`, which means a different entity on every field) or, for
 * names that mean the same everywhere, the argument or input field name alone.
 * A new ID argument must be added here; a new entity also to security-tenant.ts.
 */
const BY_NAME: Record<string, Entity> = {
  stationId: 'station',
  menuItemId: 'menuItem',
  menuItemIds: 'menuItem',
  inventoryItemId: 'inventoryItem',
  workflowTemplateId: 'workflowTemplate',
  platformId: 'platform',
  platformOrderId: 'platformOrder',
  taskId: 'task',
  subtaskId: 'subtask',
  deliveryId: 'delivery',
  riderId: 'rider',
  userId: 'user',
  shiftId: 'shift',
  groupId: 'modifierGroup',
  optionId: 'modifierOption',
  stationsDown: 'station',
  eightySix: 'menuItem',
};

const BY_FIELD: Record<string, Entity> = {
  // The security tenant's audit row is about its station.
  'auditLogs.entityId': 'station',
  'inventoryMovements.itemId': 'inventoryItem',
  'station.id': 'station',
  'updateStation.id': 'station',
  'deleteStation.id': 'station',
  'menuItem.id': 'menuItem',
  'updateMenuItem.id': 'menuItem',
  'deleteMenuItem.id': 'menuItem',
  'archiveMenuItem.id': 'menuItem',
  'restoreMenuItem.id': 'menuItem',
  'setMenuItemAvailability.id': 'menuItem',
  'workflowTemplate.id': 'workflowTemplate',
  'saveWorkflowDraft.id': 'workflowTemplate',
  'publishWorkflowTemplate.id': 'workflowTemplate',
  'adjustInventory.id': 'inventoryItem',
  'updateInventoryItem.id': 'inventoryItem',
  'order.id': 'order',
  'updateOrder.id': 'order',
  'cancelOrder.id': 'order',
  'handOffOrder.id': 'order',
  'orderTimeline.orderId': 'order',
  'task.id': 'task',
  'startTask.id': 'task',
  'undoStartTask.id': 'task',
  'completeTask.id': 'task',
  'recallTask.id': 'task',
  'reassignTask.id': 'task',
  'updateUser.id': 'user',
  'resetUserPassword.id': 'user',
  'updatePlatformAssignment.id': 'platformAssignment',
  'revokeBoardScreen.id': 'boardScreen',
  'updateShift.id': 'shift',
  'deleteShift.id': 'shift',
  'setModifierGroups.groups.id': 'modifierGroup',
  'setModifierGroups.groups.options.id': 'modifierOption',
};

export const ID_ARGUMENTS_FILE = 'test/support/security/id-arguments.ts';

export function entityOf(field: string, path: readonly string[]): Entity | undefined {
  return BY_FIELD[`${field}.${path.join('.')}`] ?? BY_NAME[path[path.length - 1]];
}

/** Every path to an ID value in the field's arguments, through input objects and lists. */
export function idPaths(field: RootField): string[][] {
  const found: string[][] = [];
  const walk = (type: GraphQLInputType, path: string[], seen: readonly string[]) => {
    const named = getNamedType(type);
    if (named.name === 'ID') found.push(path);
    if (!isInputObjectType(named) || seen.includes(named.name)) return;
    for (const f of Object.values(named.getFields())) walk(f.type, [...path, f.name], [...seen, named.name]);
  };
  for (const arg of field.field.args) walk(arg.type, [arg.name], []);
  return found;
}
