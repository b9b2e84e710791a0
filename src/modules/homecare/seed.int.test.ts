import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testPlatform } from '../../../test/support/platform.ts';
import { personFixture } from '../../../test/support/homecare.ts';
import { createRng } from '../../app/random.ts';
import { seedHomecare } from './seed.ts';

const p = await testPlatform();

describe('the home-care demo data', () => {
  it('writes providers, cards, orders in every state, volunteers with hours and visits through the ledger', async () => {
    for (let i = 0; i < 16; i++) await personFixture(p, { unitCode: i % 2 ? '330602001004' : '330602001008', birthDate: `19${40 + i}-0${1 + (i % 9)}-11` });
    const r = await seedHomecare(p, createRng(7)).catch((e) => {
      throw new Error(`seed refused: ${JSON.stringify((e as { fields?: unknown }).fields ?? String(e))}`);
    });
    expect(r).toMatchObject({ providers: 2, cards: 8, orders: 21, volunteers: 8 });
    const states = await p.db.rows<{ status: string }>(sql`SELECT DISTINCT status FROM homecare_orders ORDER BY 1`);
    expect(states.map((s) => s.status)).toEqual(['accepted', 'cancelled', 'confirmed', 'rated', 'requested', 'visited']);
    const [bad] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT txn_id FROM homecare_ledger_entries GROUP BY txn_id HAVING sum(amount) <> 0) x`);
    expect(bad.n).toBe(0);
    const kinds = await p.db.rows<{ kind: string }>(sql`SELECT DISTINCT kind FROM homecare_ledger_txns ORDER BY 1`);
    expect(kinds.map((k) => k.kind)).toEqual(['earn', 'issue', 'redeem', 'spend', 'transfer']);
    const links = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM homecare_user_persons`);
    expect(links[0].n).toBe(2);
  });
});
