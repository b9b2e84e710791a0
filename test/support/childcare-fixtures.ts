/**
 * Childcare centers at rest, for the tests of the modules built on them (grading,
 * supervision, subsidies): a center in a given state with one class and enrolled children,
 * written as rows. The registration and filing workflow that produces such centers is
 * tested in the childcare module itself.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../src/app/context.ts';
import { uuidv7 } from '../../src/db/uuid.ts';
import { composeIdNumber, personCopyRow, PERSON_COPY_COLUMNS } from '../../src/modules/people/index.ts';
import { toCsvRow } from '../../src/app/csv.ts';
import { addMonths } from '../../src/app/dates.ts';

export interface CenterFixture {
  unitCode?: string;
  name?: string;
  affordable?: boolean;
  status?: 'draft' | 'filed' | 'suspended';
  filedOn?: string | null;
  openedOn?: string | null;
  operatorKind?: 'public' | 'nonProfit' | 'forProfit' | 'employer' | 'kindergarten' | 'community';
  creditCode?: string | null;
  ownerUsername?: string;
  healthEvaluation?: boolean;
  cloudSupervision?: boolean;
  children?: number;
  enrolledFrom?: string;
  enrolledTo?: string | null;
  careType?: 'fullDay' | 'halfDay' | 'hourly' | 'temporary';
}

let sequence = 0;

export async function createCenterFixture(p: Platform, f: CenterFixture = {}): Promise<{ id: string; classId: string; personIds: string[]; enrolmentIds: string[]; unitCode: string; name: string }> {
  sequence++;
  const unitCode = f.unitCode ?? '330602001';
  const id = uuidv7();
  const classId = uuidv7();
  const name = f.name ?? `测试托育园${sequence}`;
  const status = f.status ?? 'filed';
  const filedOn = f.filedOn === undefined ? (status === 'filed' ? '2024-01-15' : null) : f.filedOn;
  const owner = f.ownerUsername ? (await p.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = ${f.ownerUsername}`))[0]?.id ?? null : null;
  await p.db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO childcare_centers (id, unit_code, name, operator_name, operator_kind, credit_code, address, affordable, status, filed_at, filing_number, opened_on, cloud_supervision, owner_user_id)
      VALUES (${id}, ${unitCode}, ${name}, ${name + '运营方'}, ${f.operatorKind ?? 'forProfit'}, ${f.creditCode === undefined ? `91330602MA2${String(sequence).padStart(7, '0')}` : f.creditCode},
              ${'测试地址' + sequence}, ${f.affordable ?? true}, ${status}, ${filedOn ? `${filedOn}T10:00:00+08:00` : null}, ${filedOn ? `备${sequence}` : null},
              ${f.openedOn === undefined ? '2024-02-01' : f.openedOn}, ${f.cloudSupervision ?? false}, ${owner})`);
    await tx.execute(sql`INSERT INTO childcare_classes (id, unit_code, center_id, class_type, name, capacity) VALUES (${classId}, ${unitCode}, ${id}, 'mixed', '混龄一班', 60)`);
    if (f.healthEvaluation ?? true) {
      await tx.execute(sql`
        INSERT INTO childcare_documents (id, unit_code, center_id, kind, file_name, mime_type, size_bytes, sha256, content, uploaded_by_name)
        VALUES (${uuidv7()}, ${unitCode}, ${id}, 'healthEvaluation', '卫生评价报告.pdf', 'application/pdf', 4, ${'a'.repeat(64)}, '\\x25504446'::bytea, 'fixture')`);
    }
  });
  const n = f.children ?? 0;
  const [village] = await p.db.rows<{ code: string }>(sql`SELECT code FROM org_units WHERE parent_code = ${unitCode} ORDER BY code LIMIT 1`);
  const rows = Array.from({ length: n }, (_, i) => {
    const birth = addMonths(f.enrolledFrom ?? '2025-01-01', -12 - (i % 12));
    return personCopyRow(p.keys, { unitCode: village.code, name: `幼儿${sequence}-${i + 1}`, sex: i % 2 ? 'female' : 'male', birthDate: birth, idNumber: composeIdNumber(unitCode.slice(0, 6), birth, (sequence * 40 + i) % 1000), phone: null, address: null }, 'fixture');
  });
  if (rows.length) await p.db.copyCsv('persons', PERSON_COPY_COLUMNS, rows.map((r) => toCsvRow(r)).join('\n') + '\n');
  const personIds = rows.map((r) => r[0] as string);
  const enrolmentIds = personIds.map(() => uuidv7());
  if (n) {
    await p.db.transaction(async (tx) => {
      for (const [i, personId] of personIds.entries()) {
        const to = f.enrolledTo ?? null;
        await tx.execute(sql`
          INSERT INTO childcare_enrolments (id, unit_code, center_id, class_id, person_id, care_type, start_date, end_date, status)
          VALUES (${enrolmentIds[i]}, ${unitCode}, ${id}, ${classId}, ${personId}, ${f.careType ?? 'fullDay'}, ${f.enrolledFrom ?? '2025-01-01'}, ${to}, ${to ? 'ended' : 'active'})`);
      }
    });
  }
  return { id, classId, personIds, enrolmentIds, unitCode, name };
}

/** Gives a center a grade record directly (the grading workflow is tested on its own). */
export async function gradeFixture(p: Platform, centerId: string, level: 'cityModel' | 'grade1' | 'grade2' | 'grade3', validFrom = '2024-06-01', validTo = '2027-05-31'): Promise<void> {
  await p.db.rows(sql`INSERT INTO center_grades (id, unit_code, center_id, level, valid_from, valid_to) SELECT ${uuidv7()}, unit_code, id, ${level}, ${validFrom}, ${validTo} FROM childcare_centers WHERE id = ${centerId}`);
}
