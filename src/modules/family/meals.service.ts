import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { centerForActor } from '../admission/index.ts';
import { dishNutrients, FOOD_TABLE, planNutrition, rounded, unknownFoods, type Dish } from './nutrition.ts';
import { familyMealPlans } from './schema.ts';
import type { MealPlanInput, MealPlanView } from './contract.ts';
import { weekStartOf } from './shared.ts';

function planView(center: { id: string; name: string }, weekStart: string, row: { id: string; dishes: Dish[]; updatedByName: string } | undefined): MealPlanView {
  const dishes = row?.dishes ?? [];
  const { days, dailyAverage } = planNutrition(dishes);
  return {
    id: row?.id ?? null,
    centerId: center.id,
    centerName: center.name,
    weekStart,
    dishes: dishes.map((d) => ({ ...d, nutrients: rounded(dishNutrients(d)) })),
    days,
    dailyAverage,
    source: FOOD_TABLE.edition,
    updatedByName: row?.updatedByName ?? null,
  };
}

export async function mealPlan(p: Platform, actor: Actor, centerId: string, weekStart?: string): Promise<MealPlanView> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  const week = weekStartOf(weekStart ?? p.today());
  const [row] = await p.db.orm
    .select({ id: familyMealPlans.id, dishes: familyMealPlans.dishes, updatedByName: familyMealPlans.updatedByName })
    .from(familyMealPlans)
    .where(and(eq(familyMealPlans.centerId, center.id), eq(familyMealPlans.weekStart, week), inScope(familyMealPlans.unitCode, actor)))
    .limit(1);
  return planView(center, week, row);
}

export async function saveMealPlan(p: Platform, actor: Actor, centerId: string, input: MealPlanInput): Promise<MealPlanView> {
  if (weekStartOf(input.weekStart) !== input.weekStart) throw AppError.field('weekStart', 'family.weekStartMonday');
  const unknown = unknownFoods(input.dishes);
  if (unknown.length) throw AppError.field('dishes', 'family.unknownFood', { foods: unknown.join(', ') });
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const name = await actorDisplayName(tx, actor);
    const [row] = await tx
      .insert(familyMealPlans)
      .values({ unitCode: center.unitCode, centerId: center.id, weekStart: input.weekStart, dishes: input.dishes, updatedBy: actor.id, updatedByName: name })
      .onConflictDoUpdate({ target: [familyMealPlans.centerId, familyMealPlans.weekStart], set: { dishes: input.dishes, updatedBy: actor.id, updatedByName: name, updatedAt: sql`now()` } })
      .returning({ id: familyMealPlans.id, dishes: familyMealPlans.dishes, updatedByName: familyMealPlans.updatedByName });
    await appendAudit(tx, actor, { action: 'family.mealPlan.save', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { weekStart: input.weekStart, dishes: input.dishes.length } });
    return planView(center, input.weekStart, row);
  });
}
