/**
 * The register of centers: an operator registers a center with its classes (a draft with
 * its first filing), edits it while it is a draft or returned, and asks for later changes;
 * officials list, sort, filter and export the centers of their scope and open one.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import { toXlsx } from '../../app/spreadsheet.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { containsPattern } from '../../db/like.ts';
import { appendAudit } from '../audit/index.ts';
import { findUnit, unitNameMap } from '../org/index.ts';
import { isOperator, loadCenter, visibleCentersAs, type CenterRow } from './access.ts';
import { classStandardOn } from './ratios.ts';
import { simplifiedFireAllowed } from './filing.ts';
import { childcareCenterStatusEvents, childcareCenters, childcareEnrolments, childcareFilings } from './schema.ts';
import { CENTER_STATUS_MOVES } from './vocabulary.ts';
import { classCounts, refreshWarnings } from './staffing.service.ts';
import { filingViewsOf } from './filing.service.ts';
import { addEvent } from './timeline.service.ts';
import { checkClasses, saveClasses } from './classes.service.ts';
import { actorDisplayName } from '../access/index.ts';
import { documentsOf } from './documents.service.ts';
import { listWarnings } from './warnings.service.ts';
import type { CenterChangeInput, CenterDetail, CenterInput, CenterListItem, CenterStatusInput, CentersQuery } from './contract.ts';

function checkCenterInput(input: CenterInput, on: string): void {
  const issues = checkClasses(input.classes, on);
  if (input.fireProcedure === 'simplified' && !simplifiedFireAllowed(input.floorAreaM2, input.investmentFen ?? null))
    issues.push({ field: 'fireProcedure', key: 'childcare.simplifiedFireNotAllowed' });
  if (input.openedOn && input.openedOn > on) issues.push({ field: 'openedOn', key: 'childcare.inFuture' });
  if (issues.length) throw AppError.validation(issues);
}

function centerValues(input: CenterInput) {
  return {
    name: input.name,
    operatorName: input.operatorName,
    operatorKind: input.operatorKind,
    form: input.form,
    creditCode: input.creditCode ?? null,
    legalRepresentative: input.legalRepresentative ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    address: input.address,
    lon: input.lon ?? null,
    lat: input.lat ?? null,
    floorAreaM2: input.floorAreaM2,
    outdoorAreaM2: input.outdoorAreaM2 ?? null,
    investmentFen: input.investmentFen ?? null,
    affordable: input.affordable,
    monthlyFeeFen: input.monthlyFeeFen ?? null,
    openedOn: input.openedOn ?? null,
    cloudSupervision: input.cloudSupervision,
  };
}

export async function registerCenter(p: Platform, actor: Actor, input: CenterInput): Promise<{ id: string; filingId: string }> {
  requirePermission(actor, 'childcare.operate');
  checkCenterInput(input, p.today());
  return p.db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    if (!unit || unit.level !== 3) throw AppError.field('unitCode', 'childcare.unitTownship');
    if (!isWithinScope(unit.code, actor)) throw AppError.field('unitCode', 'unitOutOfScope');
    const [center] = await tx
      .insert(childcareCenters)
      .values({ unitCode: unit.code, ...centerValues(input), status: 'draft', ownerUserId: actor.id })
      .returning();
    await saveClasses(tx, center, input.classes);
    const [filing] = await tx
      .insert(childcareFilings)
      .values({ unitCode: unit.code, centerId: center.id, kind: 'initial', status: 'draft', fireProcedure: input.fireProcedure, createdBy: actor.id })
      .returning();
    await addEvent(tx, actor, filing, 'created');
    await appendAudit(tx, actor, { action: 'childcare.center.create', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode });
    return { id: center.id, filingId: filing.id };
  });
}

/** Edits a center while its first filing is a draft or was returned. */
export async function updateCenter(p: Platform, actor: Actor, id: string, input: CenterInput): Promise<{ id: string }> {
  requirePermission(actor, 'childcare.operate');
  checkCenterInput(input, p.today());
  return p.db.transaction(async (tx) => {
    const center = await loadCenter(tx, actor, id, true);
    if (center.status !== 'draft' && center.status !== 'returned') throw AppError.field('status', 'childcare.notEditable');
    if (input.unitCode !== center.unitCode) {
      const unit = await findUnit(tx, input.unitCode);
      if (!unit || unit.level !== 3) throw AppError.field('unitCode', 'childcare.unitTownship');
      if (!isWithinScope(unit.code, actor)) throw AppError.field('unitCode', 'unitOutOfScope');
    }
    await tx.update(childcareCenters).set({ ...centerValues(input), updatedAt: sql`now()` }).where(eq(childcareCenters.id, id));
    await saveClasses(tx, center, input.classes);
    await tx
      .update(childcareFilings)
      .set({ fireProcedure: input.fireProcedure, updatedAt: sql`now()` })
      .where(and(eq(childcareFilings.centerId, id), eq(childcareFilings.kind, 'initial'), sql`${childcareFilings.status} IN ('draft', 'returned')`));
    await refreshWarnings(p, tx, center, p.today());
    await appendAudit(tx, actor, { action: 'childcare.center.update', entityType: 'childcare_center', entityId: id, unitCode: center.unitCode });
    return { id };
  });
}

/** A later change of a filed center: a change filing, submitted at once for the same reviews. */
export async function requestChange(p: Platform, actor: Actor, id: string, change: CenterChangeInput): Promise<{ filingId: string }> {
  requirePermission(actor, 'childcare.operate');
  if (change.classes) {
    const issues = checkClasses(change.classes, p.today());
    if (issues.length) throw AppError.validation(issues);
  }
  return p.db.transaction(async (tx) => {
    const center = await loadCenter(tx, actor, id, true);
    if (center.status !== 'filed') throw AppError.field('status', 'childcare.notFiled');
    const [open] = await tx
      .select({ id: childcareFilings.id })
      .from(childcareFilings)
      .where(and(eq(childcareFilings.centerId, id), sql`${childcareFilings.status} IN ('submitted', 'inReview')`))
      .limit(1);
    if (open) throw AppError.field('_', 'childcare.filingOpen');
    const { note, ...changes } = change;
    const [filing] = await tx
      .insert(childcareFilings)
      .values({ unitCode: center.unitCode, centerId: id, kind: 'change', status: 'draft', changes, createdBy: actor.id })
      .returning();
    await addEvent(tx, actor, filing, 'created', { comment: note ?? null });
    await appendAudit(tx, actor, { action: 'childcare.change.create', entityType: 'childcare_filing', entityId: filing.id, unitCode: center.unitCode, detail: { fields: Object.keys(changes) } });
    return { filingId: filing.id };
  });
}

const SORTS: Record<CentersQuery['sort'], string> = {
  name: 'c.name',
  status: 'c.status',
  capacity: 'capacity',
  enrolled: 'enrolled',
  filedAt: 'c.filed_at',
  unit: 'c.unit_code',
};

function listWhere(actor: Actor, q: CentersQuery): SQL {
  const conds: SQL[] = [visibleCentersAs('c', actor)];
  if (q.unitCode) conds.push(sql`c.unit_code LIKE ${`${q.unitCode}%`}`);
  if (q.status) conds.push(sql`c.status = ${q.status}`);
  if (q.operatorKind) conds.push(sql`c.operator_kind = ${q.operatorKind}`);
  if (q.affordable) conds.push(sql`c.affordable = ${q.affordable === 'true'}`);
  if (q.warnings) conds.push(sql`EXISTS (SELECT 1 FROM childcare_ratio_warnings w WHERE w.center_id = c.id AND w.resolved_at IS NULL)`);
  if (q.q) conds.push(sql`(c.name LIKE ${containsPattern(q.q)} OR c.operator_name LIKE ${containsPattern(q.q)} OR c.address LIKE ${containsPattern(q.q)})`);
  return sql.join(conds, sql` AND `);
}

function checkListAccess(actor: Actor, q: CentersQuery): void {
  if (!isOperator(actor)) requirePermission(actor, 'childcare.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
}

async function selectCenters(p: Platform, actor: Actor, q: CentersQuery, limit: number, offset: number): Promise<{ items: CenterListItem[]; total: number }> {
  const on = p.today();
  const where = listWhere(actor, q);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM childcare_centers c WHERE ${where}`);
  const rows = await p.db.rows<Omit<CenterListItem, 'unitName' | 'countyName'>>(sql`
    SELECT c.id, c.unit_code AS "unitCode", c.name, c.operator_name AS "operatorName", c.operator_kind AS "operatorKind", c.form,
           c.address, c.affordable, c.status, c.filing_number AS "filingNumber", c.filed_at::text AS "filedAt",
           c.cloud_supervision AS "cloudSupervision",
           (SELECT coalesce(sum(k.capacity), 0)::int FROM childcare_classes k WHERE k.center_id = c.id AND k.active) AS capacity,
           (SELECT count(*)::int FROM childcare_enrolments e WHERE e.center_id = c.id AND e.start_date <= ${on} AND (e.end_date IS NULL OR e.end_date >= ${on})) AS enrolled,
           (SELECT count(*)::int FROM childcare_staff s WHERE s.center_id = c.id AND s.left_on IS NULL) AS staff,
           (SELECT count(*)::int FROM childcare_ratio_warnings w WHERE w.center_id = c.id AND w.resolved_at IS NULL) AS "openWarnings"
    FROM childcare_centers c WHERE ${where}
    ORDER BY ${sql.raw(SORTS[q.sort])} ${sql.raw(q.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST')}, c.id
    LIMIT ${limit} OFFSET ${offset}`);
  const names = await unitNameMap(p.db.orm, [...rows.map((r) => r.unitCode), ...rows.map((r) => r.unitCode.slice(0, 6))]);
  return {
    total,
    items: rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode, countyName: names.get(r.unitCode.slice(0, 6)) ?? r.unitCode.slice(0, 6) })),
  };
}

export async function listCenters(p: Platform, actor: Actor, q: CentersQuery & { page: number; pageSize: number }) {
  checkListAccess(actor, q);
  const res = await selectCenters(p, actor, q, q.pageSize, (q.page - 1) * q.pageSize);
  return { ...res, page: q.page, pageSize: q.pageSize };
}

export const EXPORT_LIMIT = 20_000;

export async function exportCenters(p: Platform, actor: Actor, q: CentersQuery, locale: Locale): Promise<Buffer> {
  checkListAccess(actor, q);
  const { items } = await selectCenters(p, actor, q, EXPORT_LIMIT, 0);
  await p.db.transaction((tx) =>
    appendAudit(tx, actor, { action: 'childcare.centers.export', unitCode: q.unitCode ?? actor.scope, detail: { rows: items.length, filters: { ...q } } }),
  );
  const t = translator(locale);
  const tr = (key: string) => t(`childcare:${key}`);
  return toXlsx<CenterListItem>(tr('centers.title'), [
    { header: tr('field.county'), value: (r) => r.countyName },
    { header: tr('field.unit'), value: (r) => r.unitName },
    { header: tr('field.name'), width: 30, value: (r) => r.name },
    { header: tr('field.operatorName'), width: 30, value: (r) => r.operatorName },
    { header: tr('field.operatorKind'), value: (r) => tr(`operatorKind.${r.operatorKind}`) },
    { header: tr('field.address'), width: 36, value: (r) => r.address },
    { header: tr('field.affordable'), value: (r) => t(r.affordable ? 'common:yes' : 'common:no') },
    { header: tr('field.status'), value: (r) => tr(`status.${r.status}`) },
    { header: tr('field.filingNumber'), width: 20, value: (r) => r.filingNumber },
    { header: tr('field.capacity'), value: (r) => r.capacity },
    { header: tr('field.enrolled'), value: (r) => r.enrolled },
    { header: tr('field.staff'), value: (r) => r.staff },
    { header: tr('field.openWarnings'), value: (r) => r.openWarnings },
  ], items);
}

export async function getCenter(p: Platform, actor: Actor, id: string): Promise<CenterDetail> {
  if (!isOperator(actor)) requirePermission(actor, 'childcare.read');
  const on = p.today();
  const center = await loadCenter(p.db.orm, actor, id);
  const std = classStandardOn(on);
  const classes = await classCounts(p, p.db.orm, id, on);
  const filingRows = await p.db.orm.select().from(childcareFilings).where(eq(childcareFilings.centerId, id)).orderBy(sql`${childcareFilings.createdAt} DESC`);
  const names = await unitNameMap(p.db.orm, [center.unitCode]);
  const [{ staffCount }] = await p.db.rows<{ staffCount: number }>(sql`SELECT count(*)::int AS "staffCount" FROM childcare_staff WHERE center_id = ${id} AND left_on IS NULL`);
  const documents = await documentsOf(p, id);
  return {
    ...detailFields(center),
    unitName: names.get(center.unitCode) ?? center.unitCode,
    simplifiedFireAllowed: simplifiedFireAllowed(center.floorAreaM2, center.investmentFen),
    classes: classes.map((c) => ({ ...c, maxSize: std.classes[c.classType].maxSize, childrenPerCaregiver: std.classes[c.classType].childrenPerCaregiver })),
    documents,
    warnings: await listWarnings(p, actor, { centerId: id }),
    filings: await filingViewsOf(p, center, filingRows, documents),
    staffCount,
    enrolled: classes.reduce((s, c) => s + c.enrolled, 0),
    editable: isOperator(actor) && (center.status === 'draft' || center.status === 'returned'),
    statusEvents: await statusEventsOf(p.db.orm, center),
  };
}

async function statusEventsOf(ex: Executor, center: { id: string; unitCode: string }) {
  const rows = await ex
    .select()
    .from(childcareCenterStatusEvents)
    .where(and(eq(childcareCenterStatusEvents.centerId, center.id), eq(childcareCenterStatusEvents.unitCode, center.unitCode)))
    .orderBy(sql`${childcareCenterStatusEvents.at} DESC`);
  return rows.map((r) => ({ at: r.at, action: r.action, fromStatus: r.fromStatus, toStatus: r.toStatus, reason: r.reason, actorName: r.actorName }));
}

/**
 * The county health department suspends a filed center (pending rectification, say), resumes
 * it, or closes it (注销备案). A center with children still enrolled cannot be closed: their
 * enrolments end first, so no child is left on the books of a closed center.
 */
export async function changeCenterStatus(p: Platform, actor: Actor, id: string, input: CenterStatusInput): Promise<CenterDetail> {
  requirePermission(actor, 'childcare.file');
  await p.db.transaction(async (tx) => {
    const center = await loadCenter(tx, actor, id, true);
    const move = CENTER_STATUS_MOVES[input.action];
    if (!move.from.includes(center.status)) throw AppError.conflict('action', `childcare.statusMove.${input.action}`);
    if (input.action === 'close') {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(childcareEnrolments)
        .where(and(eq(childcareEnrolments.centerId, id), eq(childcareEnrolments.status, 'active')));
      if (n > 0) throw AppError.field('action', 'childcare.closeWithChildren', { count: n });
    }
    await tx.update(childcareCenters).set({ status: move.to, updatedAt: sql`now()` }).where(eq(childcareCenters.id, id));
    const name = await actorDisplayName(tx, actor);
    await tx.insert(childcareCenterStatusEvents).values({ unitCode: center.unitCode, centerId: id, action: input.action, fromStatus: center.status, toStatus: move.to, reason: input.reason, actorId: actor.id, actorName: name });
    await appendAudit(tx, actor, { action: `childcare.center.${input.action}`, entityType: 'childcare_center', entityId: id, unitCode: center.unitCode, detail: { from: center.status, to: move.to, reason: input.reason } });
  });
  return getCenter(p, actor, id);
}

function detailFields(c: CenterRow) {
  return {
    id: c.id,
    unitCode: c.unitCode,
    name: c.name,
    operatorName: c.operatorName,
    operatorKind: c.operatorKind,
    form: c.form,
    creditCode: c.creditCode,
    legalRepresentative: c.legalRepresentative,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    address: c.address,
    lon: c.lon,
    lat: c.lat,
    floorAreaM2: c.floorAreaM2,
    outdoorAreaM2: c.outdoorAreaM2,
    investmentFen: c.investmentFen,
    affordable: c.affordable,
    monthlyFeeFen: c.monthlyFeeFen,
    status: c.status,
    filingNumber: c.filingNumber,
    filedAt: c.filedAt,
    openedOn: c.openedOn,
    cloudSupervision: c.cloudSupervision,
  };
}
