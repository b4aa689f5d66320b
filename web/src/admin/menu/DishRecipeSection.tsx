import { FormField } from '../../shell/FormField';
import type { DishChoices } from './menu-api';

interface Props {
  idPrefix: string;
  recipes: DishChoices['recipes'];
  value: string;
  error?: string;
  onChange(workflowTemplateId: string): void;
}

/** The recipe that cooks the dish: new orders follow its latest published version. */
export function DishRecipeSection({ idPrefix, recipes, value, error, onChange }: Props) {
  const chosen = recipes.find((r) => r.id === value);
  const hint = !value
    ? 'Without a recipe the dish cannot be ordered.'
    : chosen?.currentVersion
      ? `New orders use version ${chosen.currentVersion}, and each version published after it.`
      : 'Not published yet: the dish can be ordered once the recipe is published.';
  return (
    <fieldset className="dish-editor__section">
      <legend>Recipe</legend>
      <FormField
        controlId={`${idPrefix}-recipe`}
        label="Recipe"
        error={error}
        hint={hint}
        control={(props) => (
          <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">No recipe</option>
            {recipes.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.currentVersion ? '' : ' (not published)'}
              </option>
            ))}
          </select>
        )}
      />
    </fieldset>
  );
}
