import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { can } from '../access/index.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { unitNameMap } from '../org/index.ts';
import { personTransfers, persons } from './schema.ts';
import { lowestCommonUnit, transferSide } from './transfers.ts';
import type { TransferView } from './contract.ts';

export interface TransferRequest {
  person: { id: string; unitCode: string };
  toUnitCode: string;
  name: string;
  phone: string | null;
  address: string | null;
  source: 'register' | 'import';
  importRunId?: string;
}

/**
 * Asks for a person registered outside the caller's scope to move to `toUnitCode`, inside the
 * caller's transaction; a request still open for the same person and destination is reused, so
 * registering or importing again opens none. Every refused registration is audited on the
 * asking side, without the unit the person is registered in. Returns the transfer's id.
 */
export async function requestTransfer(tx: Executor, actor: Actor, r: TransferRequest): Promise<string> {
  const [opened] = await tx
    .insert(personTransfers)
    .values({
      personId: r.person.id,
      unitCode: lowestCommonUnit(r.person.unitCode, r.toUnitCode),
      fromUnitCode: r.person.unitCode,
      toUnitCode: r.toUnitCode,
      name: r.name,
      phone: r.phone,
      address: r.address,
      source: r.source,
      importRunId: r.importRunId ?? null,
      requestedBy: actor.id,
      requestedByUsername: actor.username,
      status: 'pending',
    })
    .onConflictDoNothing({ target: [personTransfers.personId, personTransfers.toUnitCode], where: sql`status = 'pending'` })
    .returning({ id: personTransfers.id });
  const id =
    opened?.id ??
    (
      await tx
        .select({ id: personTransfers.id })
        .from(personTransfers)
        .where(and(eq(personTransfers.personId, r.person.id), eq(personTransfers.toUnitCode, r.toUnitCode), eq(personTransfers.status, 'pending')))
        .limit(1)
    )[0].id;
  await appendAudit(tx, actor, {
    action: 'people.transfer_request',
    entityType: 'person_transfer',
    entityId: id,
    unitCode: r.toUnitCode,
    detail: { source: r.source, opened: Boolean(opened) },
  });
  return id;
}

/** A transfer is the caller's to see when their scope covers either end (the decider covers both). */
function visible(actor: Actor): SQL {
  return or(inScope(personTransfers.fromUnitCode, actor), inScope(personTransfers.toUnitCode, actor))!;
}

const columns = {
  transfer: personTransfers,
  registeredName: persons.name,
  idMasked: persons.idMasked,
};
type Row = { transfer: typeof personTransfers.$inferSelect; registeredName: string; idMasked: string };

function toView(actor: Actor, r: Row, names: Map<string, string>): TransferView {
  const t = r.transfer;
  const side = transferSide(actor.scope, t)!;
  const decider = side === 'decider';
  const asking = side === 'to';
  const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);
  return {
    id: t.id,
    status: t.status,
    side,
    name: asking ? t.name : r.registeredName,
    submittedName: decider ? t.name : null,
    idNumberMasked: r.idMasked,
    personId: asking && t.status !== 'approved' ? null : t.personId,
    fromUnitCode: asking ? null : t.fromUnitCode,
    fromUnitName: asking ? null : pathName(t.fromUnitCode, names),
    toUnitCode: t.toUnitCode,
    toUnitName: pathName(t.toUnitCode, names),
    deciderUnitName: asking ? null : (names.get(t.unitCode) ?? t.unitCode),
    phone: side === 'from' ? null : t.phone,
    address: side === 'from' ? null : t.address,
    source: t.source,
    requestedBy: side === 'from' ? null : t.requestedByUsername,
    requestedAt: new Date(t.requestedAt).toISOString(),
    decidedBy: decider ? t.decidedByUsername : null,
    decidedAt: iso(t.decidedAt),
    note: t.note,
    canDecide: decider && t.status === 'pending' && can(actor.role, 'people.transfer'),
  };
}

/** The county, township and village of a unit, so a village's name is never ambiguous. */
const pathCodes = (code: string) => [6, 9, 12].filter((l) => l <= code.length).map((l) => code.slice(0, l));
const pathName = (code: string, names: Map<string, string>) => pathCodes(code).map((c) => names.get(c) ?? c).join(' ');

async function viewsOf(ex: Executor, actor: Actor, rows: Row[]): Promise<TransferView[]> {
  const names = await unitNameMap(ex, rows.flatMap((r) => [...pathCodes(r.transfer.fromUnitCode), ...pathCodes(r.transfer.toUnitCode), r.transfer.unitCode]));
  return rows.map((r) => toView(actor, r, names));
}

export interface TransferQuery {
  status: 'pending' | 'decided' | 'all';
  page: number;
  pageSize: number;
}

/** Transfers touching the caller's scope, open ones first; each shows only the caller's side. */
export async function listTransfers(p: Platform, actor: Actor, q: TransferQuery) {
  requirePermission(actor, 'people.read');
  const conds: SQL[] = [visible(actor)];
  if (q.status === 'pending') conds.push(eq(personTransfers.status, 'pending'));
  if (q.status === 'decided') conds.push(sql`${personTransfers.status} <> 'pending'`);
  const where = and(...conds)!;
  const rows = await p.db.orm
    .select(columns)
    .from(personTransfers)
    .innerJoin(persons, eq(persons.id, personTransfers.personId))
    .where(where)
    .orderBy(sql`${personTransfers.status} = 'pending' DESC`, desc(personTransfers.requestedAt), asc(personTransfers.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM person_transfers WHERE ${where}`);
  return { items: await viewsOf(p.db.orm, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

export interface TransferDecision {
  decision: 'approve' | 'reject';
  note?: string;
}

/**
 * Approves or rejects an open transfer; only an administrator whose scope covers the deciding
 * unit may. Approval moves the person (with the submitted phone and address, when given) to the
 * destination, provided they are still where the request found them. Audited at the deciding unit.
 */
export async function decideTransfer(p: Platform, actor: Actor, id: string, d: TransferDecision): Promise<TransferView> {
  requirePermission(actor, 'people.transfer');
  return p.db.transaction(async (tx) => {
    const [row] = await tx
      .select(columns)
      .from(personTransfers)
      .innerJoin(persons, eq(persons.id, personTransfers.personId))
      .where(and(eq(personTransfers.id, id), visible(actor)))
      .for('update', { of: personTransfers })
      .limit(1);
    if (!row) throw AppError.notFound();
    const t = row.transfer;
    // Either end may see it; only the side covering both decides.
    if (transferSide(actor.scope, t) !== 'decider') throw AppError.forbidden();
    if (t.status !== 'pending') throw AppError.conflict('decision', 'transferDecided');
    if (d.decision === 'reject' && !d.note) throw AppError.field('note', 'transferRejectReason');
    if (d.decision === 'approve') {
      const [person] = await tx.select({ unitCode: persons.unitCode }).from(persons).where(eq(persons.id, t.personId)).for('update').limit(1);
      if (person.unitCode !== t.fromUnitCode) throw AppError.conflict('decision', 'transferOutdated');
      await tx
        .update(persons)
        .set({ unitCode: t.toUnitCode, ...(t.phone ? { phone: t.phone } : {}), ...(t.address ? { address: t.address } : {}), updatedAt: sql`now()` })
        .where(eq(persons.id, t.personId));
    }
    const [decided] = await tx
      .update(personTransfers)
      .set({
        status: d.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: actor.id,
        decidedByUsername: actor.username,
        decidedAt: sql`now()`,
        note: d.note ?? null,
      })
      .where(eq(personTransfers.id, id))
      .returning();
    await appendAudit(tx, actor, {
      action: d.decision === 'approve' ? 'people.transfer_approve' : 'people.transfer_reject',
      entityType: 'person_transfer',
      entityId: id,
      unitCode: t.unitCode,
      detail: { personId: t.personId, fromUnit: t.fromUnitCode, toUnit: t.toUnitCode },
    });
    return (await viewsOf(tx, actor, [{ ...row, transfer: decided }]))[0];
  });
}
