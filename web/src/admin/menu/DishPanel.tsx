import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { QueryView } from '../../shell/states';
import { DishEditor } from './DishEditor';
import { ModifierGroupsEditor } from './ModifierGroupsEditor';
import { draftOf, EMPTY_DISH } from './dish-form';
import { choicesOf, CREATE_MENU_ITEM, DISH_CHOICES_KEY, DISH_CHOICES_QUERY, MENU_KEY, UPDATE_MENU_ITEM, type MenuItem } from './menu-api';

/** The dish editor with what it picks from, saving a new dish or the changes to one. */
export function DishPanel({ item, onDone }: { item: MenuItem | null; onDone(): void }) {
  const choices = useGqlQuery(DISH_CHOICES_KEY, DISH_CHOICES_QUERY);
  const create = useGqlMutation(CREATE_MENU_ITEM, [MENU_KEY]);
  const update = useGqlMutation(UPDATE_MENU_ITEM, [MENU_KEY]);
  const save = item ? update : create;
  return (
    <section className="card" aria-labelledby="dish-panel-title">
      <h2 id="dish-panel-title">{item ? `Edit ${item.name}` : 'New dish'}</h2>
      <QueryView query={choices} loadingLabel="Loading recipes and ingredients…">
        {(data) => (
          <DishEditor
            initial={item ? draftOf(item) : EMPTY_DISH}
            choices={choicesOf(data)}
            submitLabel={item ? 'Save dish' : 'Add dish'}
            busy={save.isPending}
            error={save.error}
            onSubmit={(input) => (item ? update.mutate({ id: item.id, input }, { onSuccess: onDone }) : create.mutate({ input }, { onSuccess: onDone }))}
            onCancel={onDone}
          />
        )}
      </QueryView>
      {item && <ModifierGroupsEditor menuItemId={item.id} dishName={item.name} />}
    </section>
  );
}
