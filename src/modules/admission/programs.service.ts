import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { childcareCenters, childcareClasses } from '../childcare/index.ts';
import { unitNameMap } from '../org/index.ts';
import { centerForActor, centersOfActor, loadRound } from './access.ts';
import { admissionApplications, admissionChoices, admissionPrograms } from './schema.ts';
import type { ProgramInput, ProgramView } from './contract.ts';
import { requireAdmissionRole } from './rounds.service.ts';

/** Sets a center's places of one class type in a round, with its priority rules. */
export async function setProgram(p: Platform, actor: Actor, roundId: string, input: ProgramInput): Promise<ProgramView> {
  const id = await p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, input.centerId, 'admission.places');
    const r = await loadRound(tx, actor, roundId);
    if (r.status !== 'draft' && r.status !== 'open') throw AppError.conflict('places', 'admission.roundAllocated');
    if (!center.unitCode.startsWith(r.unitCode)) throw AppError.field('centerId', 'admission.centerOutsideRound');
    const [cls] = await tx
      .select({ id: childcareClasses.id, classType: childcareClasses.classType })
      .from(childcareClasses)
      .where(and(eq(childcareClasses.id, input.classId), eq(childcareClasses.centerId, center.id), inScope(childcareClasses.unitCode, actor)))
      .limit(1);
    if (!cls) throw AppError.field('classId', 'admission.classNotFound');
    const ruleIds = input.rules.map((x) => x.id);
    if (new Set(ruleIds).size !== ruleIds.length) throw AppError.field('rules', 'admission.duplicateRule');
    const [row] = await tx
      .insert(admissionPrograms)
      .values({ unitCode: center.unitCode, roundId, centerId: center.id, classId: cls.id, classType: cls.classType, places: input.places, rules: input.rules, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: [admissionPrograms.roundId, admissionPrograms.centerId, admissionPrograms.classType],
        set: { classId: cls.id, places: input.places, rules: input.rules, updatedBy: actor.id, updatedAt: sql`now()` },
      })
      .returning({ id: admissionPrograms.id });
    await appendAudit(tx, actor, { action: 'admission.program.set', entityType: 'admission_program', entityId: row.id, unitCode: center.unitCode, detail: { round: roundId, classType: cls.classType, places: input.places, rules: input.rules } });
    return row.id;
  });
  return (await listPrograms(p, actor, roundId)).find((x) => x.id === id)!;
}

/**
 * The places of a round, for the parents who choose and the centers and county who set them:
 * every program of the round's county (public information of the county's centers).
 */
export async function listPrograms(p: Platform, actor: Actor, roundId: string): Promise<ProgramView[]> {
  requireAdmissionRole(actor);
  const r = await loadRound(p.db.orm, actor, roundId);
  const rows = await p.db.orm
    .select({
      id: admissionPrograms.id,
      roundId: admissionPrograms.roundId,
      centerId: admissionPrograms.centerId,
      centerName: childcareCenters.name,
      centerUnit: childcareCenters.unitCode,
      affordable: childcareCenters.affordable,
      operatorKind: childcareCenters.operatorKind,
      classId: admissionPrograms.classId,
      className: childcareClasses.name,
      classType: admissionPrograms.classType,
      places: admissionPrograms.places,
      rules: admissionPrograms.rules,
    })
    .from(admissionPrograms)
    .innerJoin(childcareCenters, eq(childcareCenters.id, admissionPrograms.centerId))
    .innerJoin(childcareClasses, eq(childcareClasses.id, admissionPrograms.classId))
    .where(and(eq(admissionPrograms.roundId, roundId), inScope(admissionPrograms.unitCode, { scope: r.unitCode })))
    .orderBy(asc(childcareCenters.name), asc(admissionPrograms.classType));
  const ids = rows.map((x) => x.id);
  const taken = ids.length
    ? await p.db.orm
        .select({ programId: admissionApplications.programId, n: count() })
        .from(admissionApplications)
        .where(and(inArray(admissionApplications.programId, ids), inArray(admissionApplications.status, ['offered', 'accepted'])))
        .groupBy(admissionApplications.programId)
    : [];
  const asked = ids.length
    ? await p.db.orm.select({ programId: admissionChoices.programId, n: count() }).from(admissionChoices).where(inArray(admissionChoices.programId, ids)).groupBy(admissionChoices.programId)
    : [];
  const tm = new Map(taken.map((x) => [x.programId, x.n]));
  const am = new Map(asked.map((x) => [x.programId, x.n]));
  const names = await unitNameMap(p.db.orm, rows.map((x) => x.centerUnit));
  return rows.map(({ centerUnit, ...x }) => ({ ...x, rules: x.rules as ProgramView['rules'], centerUnitName: names.get(centerUnit) ?? centerUnit, taken: tm.get(x.id) ?? 0, applicants: am.get(x.id) ?? 0 }));
}
/** The centers (with their classes) whose places the actor may set. */
export async function placeCenters(p: Platform, actor: Actor): Promise<{ id: string; name: string; unitCode: string; classes: { id: string; name: string; classType: ProgramView['classType'] }[] }[]> {
  const centers = await centersOfActor(p.db.orm, actor, 'admission.places');
  if (centers.length === 0) return [];
  const classes = await p.db.orm
    .select({ id: childcareClasses.id, centerId: childcareClasses.centerId, name: childcareClasses.name, classType: childcareClasses.classType })
    .from(childcareClasses)
    .where(and(inArray(childcareClasses.centerId, centers.map((c) => c.id)), inScope(childcareClasses.unitCode, actor), eq(childcareClasses.active, true)))
    .orderBy(asc(childcareClasses.name));
  return centers.map((c) => ({ id: c.id, name: c.name, unitCode: c.unitCode, classes: classes.filter((k) => k.centerId === c.id).map(({ id, name, classType }) => ({ id, name, classType })) }));
}
