import type { ServiceOptions } from '../types';

export const ONBOARDING_STEPS = ['stations', 'recipes', 'dishes', 'stock', 'staff'] as const;
export type OnboardingStepKey = (typeof ONBOARDING_STEPS)[number];

export interface OnboardingStep {
  key: OnboardingStepKey;
  done: boolean;
  /** The web app's page where the step is done. */
  href: string;
}

export interface Onboarding {
  steps: OnboardingStep[];
  complete: boolean;
}

/**
 * How far a restaurant is from taking its first order, read from its real rows: a station, a
 * published recipe, a dish cooked by a recipe, an ingredient in stock used by a dish, and a second
 * person to work with. Each count stops at the first row.
 */
export async function getOnboarding({ db }: ServiceOptions<void>): Promise<Onboarding> {
  const [stations, recipes, dishes, ingredients, stocked, staff] = await Promise.all([
    db.station.count({ where: { isActive: true }, take: 1 }),
    db.workflowTemplate.count({ where: { isActive: true, currentVersion: { not: null } }, take: 1 }),
    db.menuItem.count({ where: { isActive: true, workflowTemplateId: { not: null } }, take: 1 }),
    db.recipeIngredient.count({ take: 1 }),
    db.inventoryItem.count({ where: { isActive: true, currentStock: { gt: 0 } }, take: 1 }),
    db.user.count({ where: { isActive: true }, take: 2 }),
  ]);
  const done: Record<OnboardingStepKey, boolean> = {
    stations: stations > 0,
    recipes: recipes > 0,
    dishes: dishes > 0,
    stock: ingredients > 0 && stocked > 0,
    staff: staff > 1,
  };
  const HREF: Record<OnboardingStepKey, string> = {
    stations: '/admin/stations',
    recipes: '/designer',
    dishes: '/admin/menu',
    stock: '/admin/inventory',
    staff: '/admin/users',
  };
  const steps = ONBOARDING_STEPS.map((key) => ({ key, done: done[key], href: HREF[key] }));
  return { steps, complete: steps.every((s) => s.done) };
}
