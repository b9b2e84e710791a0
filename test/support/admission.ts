import { sql } from 'drizzle-orm';
import type { Platform } from '../../src/app/context.ts';
import { uuidv7 } from '../../src/db/uuid.ts';

/** A filed center with one class, owned by an operator account (test fixture). */
export async function insertCenter(
  p: Platform,
  opts: { unitCode: string; name: string; owner?: string; classType?: 'infant' | 'toddler' | 'older' | 'mixed'; capacity?: number; lon?: number; lat?: number; operatorKind?: string; affordable?: boolean; creditCode?: string },
): Promise<{ centerId: string; classId: string }> {
  const centerId = uuidv7();
  const classId = uuidv7();
  const [owner] = opts.owner ? await p.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = ${opts.owner}`) : [];
  await p.db.rows(sql`
    INSERT INTO childcare_centers (id, unit_code, name, operator_name, operator_kind, credit_code, address, lon, lat, affordable, status, filed_at, owner_user_id)
    VALUES (${centerId}, ${opts.unitCode}, ${opts.name}, ${opts.name + '举办单位'}, ${opts.operatorKind ?? 'forProfit'}, ${opts.creditCode ?? null}, '测试路1号',
            ${opts.lon ?? null}, ${opts.lat ?? null}, ${opts.affordable ?? false}, 'filed', now(), ${owner?.id ?? null})`);
  await p.db.rows(sql`
    INSERT INTO childcare_classes (id, unit_code, center_id, class_type, name, capacity)
    VALUES (${classId}, ${opts.unitCode}, ${centerId}, ${opts.classType ?? 'toddler'}, ${(opts.classType ?? 'toddler') + '一班'}, ${opts.capacity ?? 15})`);
  return { centerId, classId };
}
