import { useState, type FormEvent } from 'react';
import { useGqlMutation, useGqlQuery } from '../api/hooks';
import { navigate } from '../router/router';
import { FormError } from '../shell/states';
import { CREATE_RECIPE, RECIPES_KEY, STATION_TYPES_KEY, STATION_TYPES_QUERY, starterDefinition, stationTypesOf } from './recipe-api';

/** Creates a recipe from a one-task starter (the server only stores valid recipes) and opens it. */
export function NewRecipeForm() {
  const stations = useGqlQuery(STATION_TYPES_KEY, STATION_TYPES_QUERY);
  const create = useGqlMutation(CREATE_RECIPE, [RECIPES_KEY]);
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const types = stations.data ? stationTypesOf(stations.data) : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { input: { name: name.trim(), category: category.trim() || null, definition: starterDefinition(types[0]) } },
      { onSuccess: (d) => navigate(`/designer/${d.createWorkflowTemplate.id}`) },
    );
  };

  if (stations.data && types.length === 0) {
    return <p className="notice">Add at least one active station before creating recipes: every task runs at a station type.</p>;
  }
  return (
    <form className="card inline-form" onSubmit={submit} aria-label="New recipe">
      <label className="field">
        <span>New recipe</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Pizza Margherita" required />
      </label>
      <label className="field">
        <span>Category</span>
        <input value={category} onChange={(e) => setCategory(e.target.value)} placeholder="pizza" />
      </label>
      <button type="submit" className="btn btn--primary" disabled={create.isPending || !stations.data}>
        {create.isPending ? 'Creating…' : 'Create and open'}
      </button>
      <FormError error={create.error} />
    </form>
  );
}
