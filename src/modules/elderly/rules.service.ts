import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { subsidyRules } from '../subsidies/index.ts';
import { ELDERLY_RULES, ELDERLY_RULES_SOURCE } from './allowances.ts';

/** Loads the elderly rules of SPEC §3.8 into the rules engine's table once (programme 'elderly'). */
export async function seedElderlyRules(ex: Executor): Promise<number> {
  const [{ n }] = await ex.select({ n: sql<number>`count(*)::int` }).from(subsidyRules).where(eq(subsidyRules.programme, 'elderly'));
  if (n > 0) return 0;
  await ex.insert(subsidyRules).values(ELDERLY_RULES.map((r) => ({ ...r, source: ELDERLY_RULES_SOURCE, createdByName: 'seed' })));
  return ELDERLY_RULES.length;
}
