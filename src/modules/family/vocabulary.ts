/** The fixed vocabularies of home–center interaction; the database CHECKs hold the same lists. */
import type { Meal } from './nutrition.ts';

export const MOODS = ['happy', 'calm', 'tired', 'upset', 'unwell'] as const;
export type Mood = (typeof MOODS)[number];

/** How much of a meal the child ate. */
export const MEAL_AMOUNTS = ['all', 'most', 'half', 'little', 'none'] as const;
export type MealAmount = (typeof MEAL_AMOUNTS)[number];

export interface MealRecord {
  meal: Meal;
  amount: MealAmount;
}

export const ABSENCES = ['sick', 'leave', 'other'] as const;
export type Absence = (typeof ABSENCES)[number];

export const PICKUP_RELATIONS = ['mother', 'father', 'grandparent', 'guardian', 'other'] as const;
export type PickupRelation = (typeof PICKUP_RELATIONS)[number];
