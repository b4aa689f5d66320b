import { graphql, type ResultOf } from '../../api/graphql';

export const modifiersKey = (menuItemId: string) => ['menu', 'modifiers', menuItemId] as const;

/** A dish's modifier groups, with what an option can change: its recipe's tasks and the stock items. */
export const MODIFIER_GROUPS_QUERY = graphql(`
  query DishModifierGroups($id: ID!) {
    menuItem(id: $id) {
      id
      name
      workflowTemplate {
        id
        definition
      }
      modifierGroups {
        id
        name
        minChoices
        maxChoices
        options {
          id
          name
          priceDelta
          effects {
            kind
            taskId
            subtaskId
            minutes
            inventoryItemId
            quantity
            factor
          }
        }
      }
    }
    inventoryItems {
      id
      name
      unit
    }
  }
`);
export type DishModifierGroups = ResultOf<typeof MODIFIER_GROUPS_QUERY>;

export const SET_MODIFIER_GROUPS = graphql(`
  mutation SetModifierGroups($menuItemId: ID!, $groups: [ModifierGroupInput!]!) {
    setModifierGroups(menuItemId: $menuItemId, groups: $groups) {
      id
    }
  }
`);
