/**
 * The infant-health side of a center: the vaccinations due or overdue for the children
 * enrolled there (入托查验, for the center's staff and the township's child-health doctor),
 * and the doctors' guidance tours with their schedule.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { completedMonths } from '../../app/dates.ts';
import { appendAudit } from '../audit/index.ts';
import { can, users } from '../access/index.ts';
import { centerForActor, centersOfActor } from '../admission/index.ts';
import { childcareClasses, childcareEnrolments } from '../childcare/index.ts';
import { immunisationStatus, vaccinations, type VaccinationRecord } from '../health/index.ts';
import { persons } from '../people/index.ts';
import { healthGuidanceTours } from './schema.ts';
import { tourStatus, type TourStatus } from './tours.ts';

const NO_USER = '00000000-0000-0000-0000-000000000000';

export interface CenterDueItem {
  personId: string;
  childName: string;
  className: string;
  ageMonths: number;
  vaccine: string;
  dose: number;
  dueOn: string;
  deadlineOn: string | null;
  status: 'overdue' | 'due';
}

/** The center's own staff, or a child-health doctor / official whose scope holds the center. */
function centerPermission(actor: Actor) {
  return can(actor.role, 'family.staff') ? ('family.staff' as const) : ('health.read' as const);
}

/**
 * Due and overdue doses of the children enrolled at a center today. The children's records
 * are read within the center's county: the enrolment is what gives the center sight of them.
 */
export async function centerImmunisation(p: Platform, actor: Actor, centerId: string): Promise<CenterDueItem[]> {
  const today = p.today();
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, centerPermission(actor));
    const kids = await tx
      .select({ personId: persons.id, childName: persons.name, birthDate: persons.birthDate, className: childcareClasses.name })
      .from(childcareEnrolments)
      .innerJoin(persons, eq(persons.id, childcareEnrolments.personId))
      .innerJoin(childcareClasses, eq(childcareClasses.id, childcareEnrolments.classId))
      .where(and(eq(childcareEnrolments.centerId, center.id), inScope(childcareEnrolments.unitCode, actor), lte(childcareEnrolments.startDate, today), or(isNull(childcareEnrolments.endDate), gte(childcareEnrolments.endDate, today))))
      .orderBy(asc(persons.birthDate));
    const county = { scope: center.unitCode.slice(0, 6) };
    const vax = kids.length
      ? await tx
          .select({ personId: vaccinations.personId, vaccine: vaccinations.vaccine, dose: vaccinations.dose, givenOn: vaccinations.givenOn })
          .from(vaccinations)
          .where(and(inArray(vaccinations.personId, kids.map((k) => k.personId)), inScope(vaccinations.unitCode, county)))
      : [];
    const items: CenterDueItem[] = [];
    for (const k of kids) {
      const records: VaccinationRecord[] = vax.filter((v) => v.personId === k.personId).map((v) => ({ vaccine: v.vaccine as VaccinationRecord['vaccine'], dose: v.dose, givenOn: v.givenOn }));
      for (const d of immunisationStatus(k.birthDate, records, today)) {
        if (d.status !== 'overdue' && d.status !== 'due') continue;
        items.push({ personId: k.personId, childName: k.childName, className: k.className, ageMonths: completedMonths(k.birthDate, today), vaccine: d.vaccine, dose: d.dose, dueOn: d.dueOn, deadlineOn: d.deadlineOn, status: d.status });
      }
    }
    items.sort((a, b) => (a.status === b.status ? a.dueOn.localeCompare(b.dueOn) : a.status === 'overdue' ? -1 : 1));
    await appendAudit(tx, actor, { action: 'health.center_due.list', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { children: kids.length, rows: items.length } });
    return items;
  });
}

export interface TourView {
  id: string;
  centerId: string;
  centerName: string;
  doctorName: string;
  touredOn: string;
  topics: string[];
  findings: string;
  advice: string;
  followUpOn: string | null;
}

export async function centerTours(p: Platform, actor: Actor, centerId: string): Promise<TourView[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, centerPermission(actor));
  const rows = await p.db.orm
    .select()
    .from(healthGuidanceTours)
    .where(and(eq(healthGuidanceTours.centerId, center.id), inScope(healthGuidanceTours.unitCode, actor)))
    .orderBy(desc(healthGuidanceTours.touredOn));
  return rows.map((r) => ({ id: r.id, centerId: r.centerId, centerName: center.name, doctorName: r.doctorName, touredOn: r.touredOn, topics: r.topics, findings: r.findings, advice: r.advice, followUpOn: r.followUpOn }));
}

export async function recordTour(p: Platform, actor: Actor, centerId: string, input: { touredOn: string; topics: string[]; findings: string; advice: string; followUpOn?: string }): Promise<TourView> {
  requirePermission(actor, 'health.write');
  if (input.touredOn > p.today()) throw AppError.field('touredOn', 'family.futureDay');
  if (input.followUpOn && input.followUpOn < input.touredOn) throw AppError.field('followUpOn', 'family.followUpBeforeTour');
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'health.write');
    const [me] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id ?? NO_USER)).limit(1);
    const [row] = await tx
      .insert(healthGuidanceTours)
      .values({ unitCode: center.unitCode, centerId: center.id, doctorId: actor.id, doctorName: me?.name ?? actor.username, touredOn: input.touredOn, topics: input.topics, findings: input.findings, advice: input.advice, followUpOn: input.followUpOn ?? null })
      .returning();
    await appendAudit(tx, actor, { action: 'health.tour.record', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { tour: row.id, touredOn: input.touredOn, topics: input.topics } });
    return { id: row.id, centerId: center.id, centerName: center.name, doctorName: row.doctorName, touredOn: row.touredOn, topics: row.topics, findings: row.findings, advice: row.advice, followUpOn: row.followUpOn };
  });
}

/** The centers in a doctor's scope with their last tour and when the next is due. */
export async function tourSchedule(p: Platform, actor: Actor): Promise<{ centerId: string; centerName: string; unitCode: string; lastTour: string | null; nextDue: string | null; status: TourStatus }[]> {
  requirePermission(actor, 'health.read');
  const centers = await centersOfActor(p.db.orm, actor, 'health.read');
  if (centers.length === 0) return [];
  const tours = await p.db.orm
    .select({ centerId: healthGuidanceTours.centerId, touredOn: healthGuidanceTours.touredOn })
    .from(healthGuidanceTours)
    .where(and(inArray(healthGuidanceTours.centerId, centers.map((c) => c.id)), inScope(healthGuidanceTours.unitCode, actor)));
  const last = new Map<string, string>();
  for (const t of tours) if ((last.get(t.centerId) ?? '') < t.touredOn) last.set(t.centerId, t.touredOn);
  const today = p.today();
  const rank: Record<TourStatus, number> = { overdue: 0, never: 1, due: 2, done: 3 };
  return centers
    .map((c) => ({ centerId: c.id, centerName: c.name, unitCode: c.unitCode, lastTour: last.get(c.id) ?? null, ...tourStatus(last.get(c.id) ?? null, today) }))
    .sort((a, b) => rank[a.status] - rank[b.status] || a.centerName.localeCompare(b.centerName));
}
