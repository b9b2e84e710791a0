import { describe, expect, it } from 'vitest';
import { dishNutrients, energyShare, FOOD_TABLE, foodByCode, planNutrition, unknownFoods, type Dish } from './nutrition.ts';

describe('the food-composition table', () => {
  it('carries its edition and the standard edition’s values', () => {
    expect(FOOD_TABLE.edition).toContain('中国食物成分表');
    expect(FOOD_TABLE.edition).toContain('第6版');
    // 米饭（蒸，代表值）: 116 kcal, protein 2.6 g, fat 0.3 g, carbohydrate 25.9 g per 100 g.
    expect(foodByCode('rice-cooked')).toMatchObject({ name: '米饭（蒸，代表值）', energyKcal: 116, proteinG: 2.6, fatG: 0.3, carbohydrateG: 25.9 });
    expect(foodByCode('milk')).toMatchObject({ energyKcal: 65, proteinG: 3.3, fatG: 3.6, carbohydrateG: 4.9 });
  });
  it('has unique codes and plausible values (energy within 20 % of 4/9/4 kcal per g, or 8 kcal)', () => {
    const codes = FOOD_TABLE.foods.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of FOOD_TABLE.foods) {
      const atwater = f.proteinG * 4 + f.fatG * 9 + f.carbohydrateG * 4;
      expect(Math.abs(atwater - f.energyKcal), f.code).toBeLessThanOrEqual(Math.max(0.2 * f.energyKcal, 8));
    }
  });
});

describe('meal-plan nutrition', () => {
  const dishes: Dish[] = [
    { weekday: 1, meal: 'breakfast', name: '牛奶', ingredients: [{ food: 'milk', grams: 200 }] },
    { weekday: 1, meal: 'lunch', name: '米饭', ingredients: [{ food: 'rice-cooked', grams: 100 }] },
    { weekday: 1, meal: 'lunch', name: '番茄鱼片', ingredients: [{ food: 'seabass', grams: 50 }, { food: 'tomato', grams: 60 }] },
    { weekday: 2, meal: 'lunch', name: '米饭', ingredients: [{ food: 'rice-cooked', grams: 100 }] },
  ];

  it('scales per-100 g values by the grams served', () => {
    expect(dishNutrients(dishes[0])).toEqual({ energyKcal: 130, proteinG: 6.6, fatG: 7.2, carbohydrateG: 9.8, fibreG: 0 });
    const fish = dishNutrients(dishes[2]);
    expect(fish.energyKcal).toBeCloseTo(105 * 0.5 + 15 * 0.6, 6);
    expect(fish.proteinG).toBeCloseTo(18.6 * 0.5 + 0.9 * 0.6, 6);
  });

  it('totals each day by meal and averages over the days served', () => {
    const { days, dailyAverage } = planNutrition(dishes);
    expect(days.map((d) => d.weekday)).toEqual([1, 2]);
    expect(days[0].byMeal.breakfast?.energyKcal).toBe(130);
    expect(days[0].byMeal.lunch?.energyKcal).toBe(Math.round(116 + 52.5 + 9));
    expect(days[0].totals.energyKcal).toBe(Math.round(130 + 116 + 52.5 + 9));
    expect(days[1].totals.energyKcal).toBe(116);
    expect(dailyAverage.energyKcal).toBe(Math.round((130 + 116 + 52.5 + 9 + 116) / 2));
  });

  it('gives the energy shares of protein, fat and carbohydrate', () => {
    const s = energyShare({ energyKcal: 0, proteinG: 10, fatG: 10, carbohydrateG: 20, fibreG: 0 });
    // 40 + 90 + 80 = 210 kcal.
    expect(s).toEqual({ protein: 19, fat: 42.9, carbohydrate: 38.1 });
    expect(energyShare({ energyKcal: 0, proteinG: 0, fatG: 0, carbohydrateG: 0, fibreG: 0 })).toEqual({ protein: 0, fat: 0, carbohydrate: 0 });
  });

  it('names the foods that are not in the table', () => {
    expect(unknownFoods([{ ingredients: [{ food: 'milk', grams: 1 }, { food: 'unicorn', grams: 1 }] }])).toEqual(['unicorn']);
    expect(() => dishNutrients({ ingredients: [{ food: 'unicorn', grams: 1 }] })).toThrow(RangeError);
  });
});
