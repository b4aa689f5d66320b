import { useState } from 'react';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { QueryView } from '../../shell/states';
import { MENU_KEY } from './menu-api';
import { MODIFIER_GROUPS_QUERY, modifiersKey, SET_MODIFIER_GROUPS } from './modifier-api';
import { recipeTargets, toDrafts, toInput } from './modifier-draft';
import { ModifierGroupsForm } from './ModifierGroupsForm';

/**
 * A dish's modifier groups: a summary, and the editor behind a button. Self-contained (its own
 * query and mutation) so any menu page can mount it with the dish id alone.
 */
export function ModifierGroupsEditor({ menuItemId, dishName }: { menuItemId: string; dishName: string }) {
  const [open, setOpen] = useState(false);
  const data = useGqlQuery(modifiersKey(menuItemId), MODIFIER_GROUPS_QUERY, { id: menuItemId }, { enabled: open });
  const save = useGqlMutation(SET_MODIFIER_GROUPS, [MENU_KEY]);

  if (!open) {
    return (
      <button type="button" className="btn btn--small" onClick={() => setOpen(true)} aria-label={`Edit modifiers of ${dishName}`}>
        Modifiers…
      </button>
    );
  }
  return (
    <QueryView query={data}>
      {({ menuItem, inventoryItems }) => (
        <ModifierGroupsForm
          dishName={dishName}
          initial={toDrafts(menuItem.modifierGroups)}
          targets={{ tasks: recipeTargets(menuItem.workflowTemplate?.definition), ingredients: inventoryItems }}
          busy={save.isPending}
          error={save.error}
          onSave={(groups) => save.mutate({ menuItemId, groups: toInput(groups) }, { onSuccess: () => setOpen(false) })}
        />
      )}
    </QueryView>
  );
}
