import { useGqlQuery } from '../api/hooks';
import { PageHeader } from '../shell/page';
import { Link } from '../router/router';
import { Empty, QueryView } from '../shell/states';
import { NewRecipeForm } from './NewRecipeForm';
import { minutes, RECIPES_KEY, RECIPES_QUERY } from './recipe-api';

/** Entry to the designer: every recipe of the restaurant with its live version and estimate. */
export function RecipeListPage() {
  const recipes = useGqlQuery(RECIPES_KEY, RECIPES_QUERY);
  return (
    <section className="page">
      <PageHeader title="Recipes" lead="Each dish is cooked by its recipe’s task graph. Open one to edit it in the designer." />
      <NewRecipeForm />
      <QueryView query={recipes} isEmpty={(d) => d.workflowTemplates.length === 0} empty={<Empty title="No recipes yet">Create the first one above.</Empty>}>
        {({ workflowTemplates }) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Recipe</th>
                <th scope="col">Category</th>
                <th scope="col">Live version</th>
                <th scope="col">Draft estimate</th>
                <th scope="col">Versions</th>
              </tr>
            </thead>
            <tbody>
              {[...workflowTemplates]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((t) => (
                  <tr key={t.id}>
                    <td>
                      <Link to={`/designer/${t.id}`}>{t.name}</Link>
                    </td>
                    <td>{t.category ?? '—'}</td>
                    <td>{t.currentVersion ? `v${t.currentVersion}` : <span className="badge badge--warning">not published</span>}</td>
                    <td>{minutes(t.estimatedTotalMinutes)}</td>
                    <td>{t.versions.length}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
