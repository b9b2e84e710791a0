/**
 * Staff (从业人员) of a center with certificates, background checks and training hours, and
 * the enrolments of children in its classes. Each change re-checks the center's ratios.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { addDays, completedMonths, daysBetween } from '../../app/dates.ts';
import { appendAudit } from '../audit/index.ts';
import { persons } from '../people/index.ts';
import { isOperator, loadCenter, visibleCentersAs } from './access.ts';
import { childcareClasses, childcareEnrolments, childcareStaff, childcareStaffCertificates } from './schema.ts';
import { refreshWarnings } from './staffing.service.ts';
import { classStandardOn } from './ratios.ts';
import type { CertificateInput, EnrolmentInput, EnrolmentView, StaffInput, StaffUpdate, StaffView } from './contract.ts';

function checkRead(actor: Actor): void {
  if (!isOperator(actor)) requirePermission(actor, 'childcare.read');
}

async function assertClassOf(tx: Executor, centerId: string, classId: string, field = 'classId') {
  const [k] = await tx.select().from(childcareClasses).where(and(eq(childcareClasses.id, classId), eq(childcareClasses.centerId, centerId), eq(childcareClasses.active, true))).limit(1);
  if (!k) throw AppError.field(field, 'childcare.unknownClass');
  return k;
}

export async function listStaff(p: Platform, actor: Actor, centerId: string): Promise<StaffView[]> {
  checkRead(actor);
  const center = await loadCenter(p.db.orm, actor, centerId);
  return staffViews(p, sql`s.center_id = ${center.id}`, center.name);
}

async function staffViews(p: Platform, where: ReturnType<typeof sql>, centerName: string, ex: Executor = p.db.orm): Promise<StaffView[]> {
  const rows = await p.db.rows<Omit<StaffView, 'certificates' | 'centerName'>>(
    sql`SELECT s.id, s.center_id AS "centerId", s.name, s.sex, s.phone, s.role, s.class_id AS "classId", k.name AS "className",
               s.hired_on::text AS "hiredOn", s.left_on::text AS "leftOn", s.background_check AS "backgroundCheck",
               s.background_checked_on::text AS "backgroundCheckedOn", s.training_hours AS "trainingHours"
        FROM childcare_staff s LEFT JOIN childcare_classes k ON k.id = s.class_id
        WHERE ${where} ORDER BY s.left_on NULLS FIRST, s.role, s.name`,
    ex,
  );
  if (!rows.length) return [];
  const certs = await ex
    .select()
    .from(childcareStaffCertificates)
    .where(sql`${childcareStaffCertificates.staffId} IN (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)})`)
    .orderBy(childcareStaffCertificates.validFrom);
  return rows.map((r) => ({
    ...r,
    centerName,
    certificates: certs
      .filter((c) => c.staffId === r.id)
      .map((c) => ({ id: c.id, certType: c.certType, number: c.number, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo })),
  }));
}

export async function addStaff(p: Platform, actor: Actor, centerId: string, input: StaffInput): Promise<StaffView> {
  requirePermission(actor, 'childcare.operate');
  if (input.backgroundCheckedOn && input.backgroundCheckedOn > p.today()) throw AppError.field('backgroundCheckedOn', 'childcare.inFuture');
  return p.db.transaction(async (tx) => {
    const center = await loadCenter(tx, actor, centerId, true);
    if (input.classId) await assertClassOf(tx, centerId, input.classId);
    const [row] = await tx
      .insert(childcareStaff)
      .values({
        unitCode: center.unitCode,
        centerId,
        name: input.name,
        sex: input.sex ?? null,
        phone: input.phone ?? null,
        role: input.role,
        classId: input.classId ?? null,
        hiredOn: input.hiredOn,
        backgroundCheck: input.backgroundCheck,
        backgroundCheckedOn: input.backgroundCheckedOn ?? null,
        trainingHours: input.trainingHours,
      })
      .returning();
    await refreshWarnings(p, tx, center, p.today());
    await appendAudit(tx, actor, { action: 'childcare.staff.create', entityType: 'childcare_staff', entityId: row.id, unitCode: center.unitCode });
    const [view] = await staffViews(p, sql`s.id = ${row.id}`, center.name, tx);
    return view;
  });
}

async function loadStaff(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx.select().from(childcareStaff).where(and(eq(childcareStaff.id, id), inScope(childcareStaff.unitCode, actor))).limit(1).for('update');
  assertWithinScope(row?.unitCode, actor);
  const center = await loadCenter(tx, actor, row.centerId, true);
  return { row, center };
}

export async function updateStaff(p: Platform, actor: Actor, id: string, change: StaffUpdate): Promise<StaffView> {
  requirePermission(actor, 'childcare.operate');
  return p.db.transaction(async (tx) => {
    const { row, center } = await loadStaff(tx, actor, id);
    if (change.classId) await assertClassOf(tx, row.centerId, change.classId);
    if (change.leftOn && change.leftOn < row.hiredOn) throw AppError.field('leftOn', 'childcare.beforeHired');
    const check = change.backgroundCheck ?? row.backgroundCheck;
    const checkedOn = change.backgroundCheckedOn ?? row.backgroundCheckedOn;
    if (check !== 'pending' && !checkedOn) throw AppError.field('backgroundCheckedOn', 'required');
    await tx
      .update(childcareStaff)
      .set({
        ...(change.classId !== undefined ? { classId: change.classId } : {}),
        ...(change.leftOn !== undefined ? { leftOn: change.leftOn } : {}),
        ...(change.phone !== undefined ? { phone: change.phone } : {}),
        ...(change.trainingHours !== undefined ? { trainingHours: change.trainingHours } : {}),
        backgroundCheck: check,
        backgroundCheckedOn: checkedOn,
        updatedAt: sql`now()`,
      })
      .where(eq(childcareStaff.id, id));
    await refreshWarnings(p, tx, center, p.today());
    await appendAudit(tx, actor, { action: 'childcare.staff.update', entityType: 'childcare_staff', entityId: id, unitCode: row.unitCode, detail: { fields: Object.keys(change) } });
    const [view] = await staffViews(p, sql`s.id = ${id}`, center.name, tx);
    return view;
  });
}

export async function addCertificate(p: Platform, actor: Actor, staffId: string, input: CertificateInput): Promise<StaffView> {
  requirePermission(actor, 'childcare.operate');
  return p.db.transaction(async (tx) => {
    const { row, center } = await loadStaff(tx, actor, staffId);
    const [c] = await tx
      .insert(childcareStaffCertificates)
      .values({ unitCode: row.unitCode, centerId: row.centerId, staffId, certType: input.certType, number: input.number, issuer: input.issuer, validFrom: input.validFrom, validTo: input.validTo ?? null })
      .returning();
    await appendAudit(tx, actor, { action: 'childcare.certificate.create', entityType: 'childcare_certificate', entityId: c.id, unitCode: row.unitCode });
    const [view] = await staffViews(p, sql`s.id = ${staffId}`, center.name, tx);
    return view;
  });
}

/** Certificates of current staff that expire within `days` (or have expired), soonest first. */
export async function expiringCertificates(p: Platform, actor: Actor, q: { days: number; unitCode?: string }) {
  checkRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const today = p.today();
  const until = addDays(today, q.days);
  const rows = await p.db.rows<{ certificateId: string; staffId: string; staffName: string; centerId: string; centerName: string; certType: string; number: string; validTo: string }>(sql`
    SELECT t.id AS "certificateId", s.id AS "staffId", s.name AS "staffName", c.id AS "centerId", c.name AS "centerName",
           t.cert_type AS "certType", t.number, t.valid_to::text AS "validTo"
    FROM childcare_staff_certificates t
    JOIN childcare_staff s ON s.id = t.staff_id
    JOIN childcare_centers c ON c.id = t.center_id
    WHERE ${inScope(sql`t.unit_code`, actor)} AND ${visibleCentersAs('c', actor)} AND s.left_on IS NULL
      AND t.valid_to IS NOT NULL AND t.valid_to <= ${until}
      ${q.unitCode ? sql`AND t.unit_code LIKE ${`${q.unitCode}%`}` : sql``}
    ORDER BY t.valid_to, s.name LIMIT 2000`);
  return rows.map((r) => ({ ...r, certType: r.certType as CertificateInput['certType'], daysLeft: daysBetween(today, r.validTo) }));
}

export async function listEnrolments(p: Platform, actor: Actor, centerId: string): Promise<EnrolmentView[]> {
  checkRead(actor);
  return p.db.transaction(async (tx) => {
    const center = await loadCenter(tx, actor, centerId);
    const rows = await p.db.rows<EnrolmentView>(
      sql`SELECT e.id, e.person_id AS "personId", p.name AS "childName", p.birth_date::text AS "birthDate", e.class_id AS "classId", k.name AS "className",
                 e.care_type AS "careType", e.start_date::text AS "startDate", e.end_date::text AS "endDate", e.status
          FROM childcare_enrolments e JOIN persons p ON p.id = e.person_id JOIN childcare_classes k ON k.id = e.class_id
          WHERE e.center_id = ${center.id} AND ${inScope(sql`e.unit_code`, actor)}
          ORDER BY e.status, k.name, p.name`,
      tx,
    );
    // Children's names are personal records: the read is audited.
    await appendAudit(tx, actor, { action: 'childcare.enrolments.view', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { rows: rows.length } });
    return rows;
  });
}

export async function enrol(p: Platform, actor: Actor, centerId: string, input: EnrolmentInput): Promise<{ id: string }> {
  requirePermission(actor, 'childcare.operate');
  return p.db.transaction(async (tx) => {
    const center = await loadCenter(tx, actor, centerId, true);
    const k = await assertClassOf(tx, centerId, input.classId);
    // The child lives in the center's county: a center enrols the children of its own county.
    const [child] = await tx.select().from(persons).where(and(eq(persons.id, input.personId), sql`${persons.unitCode} LIKE ${`${center.unitCode.slice(0, 6)}%`}`)).limit(1);
    if (!child) throw AppError.field('personId', 'childcare.unknownChild');
    const months = completedMonths(child.birthDate, input.startDate);
    const rule = classStandardOn(input.startDate).classes[k.classType];
    if (months >= 36 || months < Math.min(rule.minMonths, 6)) throw AppError.field('personId', 'childcare.ageOutOfRange', { months });
    const [dup] = await tx
      .select({ id: childcareEnrolments.id })
      .from(childcareEnrolments)
      .where(and(eq(childcareEnrolments.personId, input.personId), eq(childcareEnrolments.status, 'active')))
      .limit(1);
    if (dup) throw AppError.field('personId', 'childcare.alreadyEnrolled');
    const [row] = await tx
      .insert(childcareEnrolments)
      .values({ unitCode: center.unitCode, centerId, classId: input.classId, personId: input.personId, careType: input.careType, startDate: input.startDate, status: 'active' })
      .returning({ id: childcareEnrolments.id });
    await refreshWarnings(p, tx, center, p.today());
    await appendAudit(tx, actor, { action: 'childcare.enrolment.create', entityType: 'childcare_enrolment', entityId: row.id, unitCode: center.unitCode });
    return row;
  });
}

export async function endEnrolment(p: Platform, actor: Actor, id: string, endDate: string): Promise<{ id: string }> {
  requirePermission(actor, 'childcare.operate');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(childcareEnrolments).where(and(eq(childcareEnrolments.id, id), inScope(childcareEnrolments.unitCode, actor))).limit(1).for('update');
    assertWithinScope(row?.unitCode, actor);
    const center = await loadCenter(tx, actor, row.centerId, true);
    if (row.status === 'ended') throw AppError.field('endDate', 'childcare.alreadyEnded');
    if (endDate < row.startDate) throw AppError.field('endDate', 'childcare.beforeStart');
    await tx.update(childcareEnrolments).set({ endDate, status: 'ended' }).where(eq(childcareEnrolments.id, id));
    await refreshWarnings(p, tx, center, p.today());
    await appendAudit(tx, actor, { action: 'childcare.enrolment.end', entityType: 'childcare_enrolment', entityId: id, unitCode: row.unitCode });
    return { id };
  });
}
