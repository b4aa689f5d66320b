import { useId, useState, type FormEvent } from 'react';
import { useGqlMutation, useGqlQuery } from '../api/hooks';
import { dishErrorsOf, EMPTY_DISH } from '../admin/menu/dish-form';
import { CREATE_MENU_ITEM, CURRENCY_KEY, CURRENCY_QUERY, MENU_KEY, MENU_QUERY, UPDATE_MENU_ITEM } from '../admin/menu/menu-api';
import { Link } from '../router/router';
import { FormField } from '../shell/FormField';
import { FormError } from '../shell/states';

interface Props {
  template: { id: string; name: string; category?: string | null };
  onClose(): void;
}

/**
 * "Put on the menu" for a published recipe: a new dish cooked by it (name, price, category), or an
 * existing dish switched to it. Either way new orders of the dish use the recipe's latest version.
 */
export function PutOnMenuForm({ template, onClose }: Props) {
  const id = useId();
  const menu = useGqlQuery(MENU_KEY, MENU_QUERY);
  const currency = useGqlQuery(CURRENCY_KEY, CURRENCY_QUERY).data?.me.tenant.currency;
  const create = useGqlMutation(CREATE_MENU_ITEM, [MENU_KEY]);
  const link = useGqlMutation(UPDATE_MENU_ITEM, [MENU_KEY]);
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [draft, setDraft] = useState({ name: template.name, price: '', category: template.category ?? '', dishId: '' });
  const [done, setDone] = useState<string | null>(null);
  const save = mode === 'new' ? create : link;
  const { fields, rest } = dishErrorsOf(save.error, EMPTY_DISH);
  const dishes = (menu.data?.menuItems ?? []).filter((m) => m.isActive && m.workflowTemplate?.id !== template.id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const onSuccess = (name: string) => () => setDone(name);
    if (mode === 'new') {
      const input = {
        name: draft.name.trim(),
        price: draft.price.trim().replace(',', '.'),
        category: draft.category.trim() || null,
        workflowTemplateId: template.id,
      };
      create.mutate({ input }, { onSuccess: onSuccess(input.name) });
    } else {
      const dish = dishes.find((d) => d.id === draft.dishId);
      if (dish) link.mutate({ id: dish.id, input: { workflowTemplateId: template.id } }, { onSuccess: onSuccess(dish.name) });
    }
  };

  if (done)
    return (
      <div className="banner" role="status">
        <p>
          “{done}” is on the menu with this recipe. <Link to="/admin/menu">Open the menu</Link> to set its ingredients and allergens.
        </p>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Close
        </button>
      </div>
    );

  return (
    <form className="form-grid" onSubmit={submit} aria-label="Put on the menu" noValidate>
      <fieldset className="field">
        <legend>Dish</legend>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={mode === 'new'} onChange={() => setMode('new')} />
          New dish
        </label>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={mode === 'existing'} onChange={() => setMode('existing')} disabled={dishes.length === 0} />
          An existing dish
        </label>
      </fieldset>
      {mode === 'new' ? (
        <>
          <FormField
            controlId={`${id}-name`}
            label="Name"
            error={fields.name}
            control={(p) => <input {...p} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
          />
          <FormField
            controlId={`${id}-price`}
            label={currency ? `Price (${currency})` : 'Price'}
            error={fields.price}
            control={(p) => <input {...p} inputMode="decimal" value={draft.price} onChange={(e) => setDraft({ ...draft, price: e.target.value })} />}
          />
          <FormField
            controlId={`${id}-category`}
            label="Category"
            error={fields.category}
            control={(p) => <input {...p} value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })} />}
          />
        </>
      ) : (
        <FormField
          controlId={`${id}-dish`}
          label="Dish"
          hint="Its orders switch to this recipe from the next one on."
          control={(p) => (
            <select {...p} value={draft.dishId} onChange={(e) => setDraft({ ...draft, dishId: e.target.value })}>
              <option value="">Choose…</option>
              {dishes.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                  {d.workflowTemplate ? ` (now: ${d.workflowTemplate.name})` : ''}
                </option>
              ))}
            </select>
          )}
        />
      )}
      <div className="btn-row form-grid__actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending || (mode === 'existing' && !draft.dishId)}>
          Put on the menu
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
      {rest && <FormError error={save.error} />}
    </form>
  );
}
