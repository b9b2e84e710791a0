/**
 * Nutrition of a weekly meal plan (营养膳食"一键配", SPEC §3.7): each dish lists its foods in
 * grams of edible portion; the totals come from the food-composition table shipped in
 * data/food-composition.json (中国食物成分表 标准版 第6版, values per 100 g edible portion).
 * Energy shares of protein, fat and carbohydrate use the table's own energy factors
 * (4, 9 and 4 kcal per g).
 */
import table from './data/food-composition.json' with { type: 'json' };

export interface Food {
  code: string;
  name: string;
  nameEn: string;
  group: string;
  energyKcal: number;
  proteinG: number;
  fatG: number;
  carbohydrateG: number;
  fibreG: number;
}

export const FOOD_TABLE: { edition: string; basis: string; foods: Food[] } = table;
const BY_CODE = new Map(FOOD_TABLE.foods.map((f) => [f.code, f]));

export function foodByCode(code: string): Food | undefined {
  return BY_CODE.get(code);
}

export const MEALS = ['breakfast', 'morningSnack', 'lunch', 'afternoonSnack', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];

export interface Ingredient {
  food: string;
  grams: number;
}

export interface Dish {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  meal: Meal;
  name: string;
  ingredients: Ingredient[];
}

export interface Nutrients {
  energyKcal: number;
  proteinG: number;
  fatG: number;
  carbohydrateG: number;
  fibreG: number;
}

const ZERO: Nutrients = { energyKcal: 0, proteinG: 0, fatG: 0, carbohydrateG: 0, fibreG: 0 };
const KEYS = Object.keys(ZERO) as (keyof Nutrients)[];

function add(a: Nutrients, b: Nutrients): Nutrients {
  const out = { ...a };
  for (const k of KEYS) out[k] += b[k];
  return out;
}

/** Rounded for display: energy to whole kcal, the rest to 0.1 g. */
export function rounded(n: Nutrients): Nutrients {
  const out = { ...n };
  for (const k of KEYS) out[k] = k === 'energyKcal' ? Math.round(n[k]) : Math.round(n[k] * 10) / 10;
  return out;
}

/** The nutrients of an amount of one food; an unknown food code is an error. */
export function ingredientNutrients(i: Ingredient): Nutrients {
  const food = BY_CODE.get(i.food);
  if (!food) throw new RangeError(`unknown food ${i.food}`);
  const f = i.grams / 100;
  return { energyKcal: food.energyKcal * f, proteinG: food.proteinG * f, fatG: food.fatG * f, carbohydrateG: food.carbohydrateG * f, fibreG: food.fibreG * f };
}

export function dishNutrients(d: Pick<Dish, 'ingredients'>): Nutrients {
  return d.ingredients.reduce((sum, i) => add(sum, ingredientNutrients(i)), ZERO);
}

/** Codes of ingredients that are not in the table (for a field-level error). */
export function unknownFoods(dishes: readonly Pick<Dish, 'ingredients'>[]): string[] {
  return [...new Set(dishes.flatMap((d) => d.ingredients.map((i) => i.food)).filter((c) => !BY_CODE.has(c)))];
}

export interface DayTotals {
  weekday: number;
  totals: Nutrients;
  byMeal: Partial<Record<Meal, Nutrients>>;
  /** Share of energy from protein, fat and carbohydrate, in percent. */
  energyShare: { protein: number; fat: number; carbohydrate: number };
}

export function energyShare(n: Nutrients): DayTotals['energyShare'] {
  const kcal = n.proteinG * 4 + n.fatG * 9 + n.carbohydrateG * 4;
  if (kcal === 0) return { protein: 0, fat: 0, carbohydrate: 0 };
  const pct = (x: number) => Math.round((x / kcal) * 1000) / 10;
  return { protein: pct(n.proteinG * 4), fat: pct(n.fatG * 9), carbohydrate: pct(n.carbohydrateG * 4) };
}

/** Per-day totals (by meal and for the day) and the week's daily average, over the days served. */
export function planNutrition(dishes: readonly Dish[]): { days: DayTotals[]; dailyAverage: Nutrients } {
  const days = new Map<number, DayTotals>();
  for (const d of dishes) {
    const n = dishNutrients(d);
    let day = days.get(d.weekday);
    if (!day) {
      day = { weekday: d.weekday, totals: ZERO, byMeal: {}, energyShare: { protein: 0, fat: 0, carbohydrate: 0 } };
      days.set(d.weekday, day);
    }
    day.totals = add(day.totals, n);
    day.byMeal[d.meal] = add(day.byMeal[d.meal] ?? ZERO, n);
  }
  const list = [...days.values()].sort((a, b) => a.weekday - b.weekday);
  let sum = ZERO;
  for (const day of list) {
    day.energyShare = energyShare(day.totals);
    sum = add(sum, day.totals);
  }
  const avg = { ...sum };
  for (const k of KEYS) avg[k] = list.length ? sum[k] / list.length : 0;
  return {
    days: list.map((d) => ({ ...d, totals: rounded(d.totals), byMeal: Object.fromEntries(Object.entries(d.byMeal).map(([m, n]) => [m, rounded(n)])) })),
    dailyAverage: rounded(avg),
  };
}
