/**
 * Mandatory reports (强制报告): any signed-in user, and anyone without an account through the
 * public form, may report a child in danger. A report opens a case in the unit it names with
 * its clock running; the reporter gets back a receipt number and nothing else.
 */
import crypto from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { can } from '../access/index.ts';
import { findUnit, orgUnits } from '../org/index.ts';
import { persons } from '../people/index.ts';
import { protectionCaseEvents, protectionCases } from './schema.ts';
import { deadlineVersionOn, stageDueAt } from './deadlines.ts';
import { actorName } from './names.ts';
import type { PublicReportInput, ReportInput } from './contract.ts';

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** A receipt number: the Shanghai date and six random digits (20261204-048213). */
export function newReceiptNo(at: Date): string {
  return `${SHANGHAI_DATE.format(at).replaceAll('-', '')}-${String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** A case's unit: a township or village of the city. */
async function reportUnit(ex: Executor, code: string | undefined): Promise<string> {
  if (!code) throw AppError.field('unitCode', 'required');
  const unit = await findUnit(ex, code);
  if (!unit || unit.level < 3) throw AppError.field('unitCode', 'protection.unitTownship');
  return unit.code;
}

interface NewCase {
  unitCode: string;
  personId: string | null;
  childName: string | null;
  childDescription: string | null;
  category: ReportInput['category'];
  riskLevel: ReportInput['riskLevel'];
  situation: string;
  location: string | null;
  reporterKind: 'staff' | 'public';
  reporterUserId: string | null;
  reporterName: string | null;
  reporterContact: string | null;
}

async function openCase(tx: Executor, actor: Pick<Actor, 'id' | 'username' | 'ip'>, c: NewCase, at: Date): Promise<{ receiptNo: string }> {
  const version = deadlineVersionOn(SHANGHAI_DATE.format(at));
  for (let attempt = 0; ; attempt++) {
    const receiptNo = newReceiptNo(at);
    const [row] = await tx
      .insert(protectionCases)
      .values({
        unitCode: c.unitCode,
        receiptNo,
        personId: c.personId,
        reportedChildName: c.childName,
        reportedChildDescription: c.childDescription,
        category: c.category,
        riskLevel: c.riskLevel,
        situation: c.situation,
        location: c.location,
        stage: 'report',
        stageEnteredAt: at.toISOString(),
        stageDueAt: stageDueAt('report', c.riskLevel, at)!.toISOString(),
        deadlineVersion: version.version,
        reporterKind: c.reporterKind,
        reporterUserId: c.reporterUserId,
        reporterName: c.reporterName,
        reporterContact: c.reporterContact,
        reportedAt: at.toISOString(),
      })
      .onConflictDoNothing({ target: protectionCases.receiptNo })
      .returning({ id: protectionCases.id });
    if (!row) {
      if (attempt > 5) throw new Error('could not draw a free receipt number');
      continue;
    }
    await tx.insert(protectionCaseEvents).values({ caseId: row.id, unitCode: c.unitCode, at: at.toISOString(), actorId: c.reporterUserId, actorName: c.reporterName ?? '', kind: 'reported', stage: 'report', toStage: 'report' });
    await appendAudit(tx, actor, { action: 'protection.report', entityType: 'protection_case', entityId: row.id, unitCode: c.unitCode, detail: { reporterKind: c.reporterKind, category: c.category, riskLevel: c.riskLevel } });
    return { receiptNo };
  }
}

/**
 * A signed-in user's report. A registered child is named by id (looked up in the reporter's
 * own scope, and only by a role that may read people); otherwise by name or description with
 * the unit where the child is.
 */
export async function fileReport(p: Platform, actor: Actor, input: ReportInput, opts: { at?: Date } = {}): Promise<{ receiptNo: string }> {
  const at = opts.at ?? new Date();
  return p.db.transaction(async (tx) => {
    let unitCode: string;
    let personId: string | null = null;
    if (input.personId) {
      const [person] = can(actor.role, 'people.read')
        ? await tx.select({ id: persons.id, unitCode: persons.unitCode }).from(persons).where(and(eq(persons.id, input.personId), inScope(persons.unitCode, actor))).limit(1)
        : [];
      if (!person) throw AppError.field('personId', 'protection.childNotFound');
      personId = person.id;
      unitCode = person.unitCode;
    } else {
      unitCode = await reportUnit(tx, input.unitCode);
    }
    return openCase(
      tx,
      actor,
      {
        unitCode,
        personId,
        childName: input.childName || null,
        childDescription: input.childDescription || null,
        category: input.category,
        riskLevel: input.riskLevel,
        situation: input.situation,
        location: input.location || null,
        reporterKind: 'staff',
        reporterUserId: actor.id,
        reporterName: await actorName(tx, actor),
        reporterContact: null,
      },
      at,
    );
  });
}

/** A report from the public form: no account, an optional contact, a receipt number back. */
export async function filePublicReport(p: Platform, input: PublicReportInput, opts: { ip?: string; at?: Date } = {}): Promise<{ receiptNo: string }> {
  const at = opts.at ?? new Date();
  return p.db.transaction(async (tx) =>
    openCase(
      tx,
      { id: null, username: 'public', ip: opts.ip },
      {
        unitCode: await reportUnit(tx, input.unitCode),
        personId: null,
        childName: input.childName || null,
        childDescription: input.childDescription || null,
        category: input.category,
        // A child in immediate danger is for the police (110): the form says so.
        riskLevel: 'normal',
        situation: input.situation,
        location: input.location || null,
        reporterKind: 'public',
        reporterUserId: null,
        reporterName: null,
        reporterContact: input.reporterContact || null,
      },
      at,
    ),
  );
}

/** The county and township names of the city, for the public form's unit picker (public data). */
export async function publicUnits(p: Platform, parent: string): Promise<{ code: string; name: string; hasChildren: boolean }[]> {
  const unit = await findUnit(p.db.orm, parent);
  if (!unit || unit.level > 2 || !unit.code.startsWith('3306')) throw AppError.notFound();
  const rows = await p.db.orm.select({ code: orgUnits.code, name: orgUnits.name, level: orgUnits.level }).from(orgUnits).where(eq(orgUnits.parentCode, parent)).orderBy(asc(orgUnits.code));
  return rows.map((r) => ({ code: r.code, name: r.name, hasChildren: r.level < 3 }));
}

