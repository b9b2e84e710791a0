/**
 * Home-care use cases: providers and their items, 六助 orders paid from the care card (a
 * hold at acceptance, captured at confirmation, released on cancellation), the care card's
 * issue, refund and expiry, the time bank's earned, redeemed and given hours, and visits to
 * special-difficulty elderly. Every query of scoped rows goes through `inScope`; a record
 * outside the caller's scope answers 404. Every change is audited in its transaction and
 * every read of a person's statement or order is audited.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { addDays } from '../../app/dates.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { containsPattern } from '../../db/like.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName, can } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';
import { accountById, captureHold, countyOf, personAccount, placeHold, postMovement, releaseHold, statementLines, systemAccount, type AccountRow, type PostResult } from './ledger.ts';
import { available } from './ledgerRules.ts';
import { orderStep, allowedActions, orderAmount, type OrderAction, type OrderParty, type OrderStatus } from './orderFlow.ts';
import {
  CARE_CARD_RULES,
  TIME_BANK_RULES,
  VISIT_INTERVAL_DAYS,
  ageOn,
  cardPaysFor,
  earnedMinutes,
  inverseRelation,
  mayHoldCard,
  mayRedeem,
  mayTransfer,
  ruleOn,
  type Relation,
  type ServiceCategory,
  type VisitTier,
} from './rules.ts';
import type {
  AccountView,
  AccountsQuery,
  ItemInput,
  MeView,
  MovementView,
  OrderActionInput,
  OrderDetail,
  OrderInput,
  OrderView,
  OrdersQuery,
  ProviderInput,
  ProviderView,
  StatementView,
  VolunteerServiceInput,
  VolunteerServiceView,
} from './contract.ts';

type Row = Record<string, unknown>;
async function q<T = Row>(ex: Executor, query: SQL): Promise<T[]> {
  const r = (await ex.execute(query)) as unknown;
  return (Array.isArray(r) ? r : ((r as { rows?: T[] }).rows ?? [])) as T[];
}

function readAny(actor: Actor): void {
  if (!can(actor.role, 'homecare.read') && !can(actor.role, 'homecare.provide') && !can(actor.role, 'homecare.self')) throw AppError.forbidden();
}

interface PersonRow {
  id: string;
  name: string;
  unitCode: string;
  birthDate: string;
}

/** A person in the caller's scope, or 404. */
async function personInScope(ex: Executor, actor: Actor, personId: string): Promise<PersonRow> {
  const [row] = await q<PersonRow>(ex, sql`SELECT id, name, unit_code AS "unitCode", birth_date::text AS "birthDate" FROM persons WHERE id = ${personId} AND ${inScope(sql`unit_code`, actor)}`);
  if (!row) throw AppError.notFound();
  return row;
}

/** The person record of a signed-in elderly person or volunteer, or null. */
async function selfPersonId(ex: Executor, actor: Actor): Promise<string | null> {
  if (!actor.id || !can(actor.role, 'homecare.self')) return null;
  const [row] = await q<{ personId: string }>(ex, sql`SELECT person_id AS "personId" FROM homecare_user_persons WHERE user_id = ${actor.id}`);
  return row?.personId ?? null;
}

// ---- accounts ----------------------------------------------------------------------------

const ACCOUNT_SELECT = sql`SELECT a.id, a.currency, a.person_id AS "personId", pe.name AS "personName", pe.birth_date::text AS "birthDate", a.unit_code AS "unitCode",
  a.balance::float8 AS balance, a.held::float8 AS held FROM homecare_accounts a JOIN persons pe ON pe.id = a.person_id`;

type AccountListRow = Omit<AccountView, 'unitName' | 'available' | 'age'> & { birthDate: string };

async function toAccountViews(ex: Executor, rows: AccountListRow[], today: string): Promise<AccountView[]> {
  const names = await unitNameMap(ex, rows.map((r) => r.unitCode));
  return rows.map(({ birthDate, ...r }) => ({ ...r, age: ageOn(birthDate, today), unitName: names.get(r.unitCode) ?? r.unitCode, available: available(r) }));
}

async function accountViewById(ex: Executor, id: string, today: string): Promise<AccountView> {
  const rows = await q<AccountListRow>(ex, sql`${ACCOUNT_SELECT} WHERE a.id = ${id}`);
  return (await toAccountViews(ex, rows, today))[0];
}

export async function listAccounts(p: Platform, actor: Actor, query: AccountsQuery): Promise<{ items: AccountView[]; total: number; page: number; pageSize: number }> {
  requirePermission(actor, 'homecare.read');
  const pageNo = query.page ?? 1;
  const size = query.pageSize ?? 20;
  const conds: SQL[] = [sql`a.owner = 'person'`, sql`a.currency = ${query.currency}`, inScope(sql`a.unit_code`, actor)];
  if (query.unitCode) conds.push(sql`a.unit_code LIKE ${`${query.unitCode}%`}`);
  if (query.q) conds.push(sql`pe.name LIKE ${containsPattern(query.q)}`);
  const where = sql.join(conds, sql` AND `);
  const rows = await q<AccountListRow>(p.db.orm, sql`${ACCOUNT_SELECT} WHERE ${where} ORDER BY a.balance DESC, a.id LIMIT ${size} OFFSET ${(pageNo - 1) * size}`);
  const [{ n }] = await q<{ n: number }>(p.db.orm, sql`SELECT count(*)::int AS n FROM homecare_accounts a JOIN persons pe ON pe.id = a.person_id WHERE ${where}`);
  return { items: await toAccountViews(p.db.orm, rows, p.today()), total: n, page: pageNo, pageSize: size };
}

/** An account's statement (audited): its entries, newest first, with the balance after each. */
export async function accountStatement(p: Platform, actor: Actor, accountId: string, paging: { page?: number; pageSize?: number }): Promise<StatementView> {
  readAny(actor);
  const pageNo = paging.page ?? 1;
  const size = paging.pageSize ?? 50;
  return p.db.transaction(async (tx) => {
    const account = await accountById(tx, accountId);
    if (!account || account.owner !== 'person') throw AppError.notFound();
    if (can(actor.role, 'homecare.read')) assertWithinScope(account.unitCode, actor);
    else if (account.personId !== (await selfPersonId(tx, actor))) throw AppError.notFound();
    const { lines, total } = await statementLines(tx, accountId, size, (pageNo - 1) * size);
    await appendAudit(tx, actor, { action: 'homecare.statement.read', entityType: 'homecare_account', entityId: accountId, unitCode: account.unitCode, detail: { personId: account.personId, currency: account.currency } });
    return { account: await accountViewById(tx, accountId, p.today()), lines, total, page: pageNo, pageSize: size };
  });
}

async function movementView(ex: Executor, r: PostResult, accountId: string, today: string): Promise<MovementView> {
  return { txnId: r.txn.id, kind: r.txn.kind, amount: r.txn.amount, replayed: r.replayed, account: await accountViewById(ex, accountId, today) };
}

/** Issues care-card money to an elderly person from the government issue account of the person's county. */
export async function issueCard(p: Platform, actor: Actor, input: { personId: string; amountFen: number; idempotencyKey: string; memo?: string }): Promise<MovementView> {
  requirePermission(actor, 'homecare.manage');
  return p.db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, input.personId);
    const rule = ruleOn(CARE_CARD_RULES, p.today());
    if (!mayHoldCard(rule, person.birthDate, p.today())) throw AppError.field('personId', 'homecare.notElderly', { age: rule.minAge });
    const account = await personAccount(tx, 'card', person.id, person.unitCode);
    const issue = await systemAccount(tx, 'card', 'issue', countyOf(person.unitCode));
    const r = await postMovement(tx, actor, await actorDisplayName(tx, actor), {
      kind: 'issue', amount: input.amountFen, debitAccountId: issue.id, creditAccountId: account.id, idempotencyKey: input.idempotencyKey, unitCode: person.unitCode, memo: input.memo ?? null,
    });
    return movementView(tx, r, account.id, p.today());
  });
}

/** Refunds part or all of a card payment back to the card (never as cash). */
export async function refundCard(p: Platform, actor: Actor, input: { txnId: string; amountFen: number; idempotencyKey: string; reason: string }): Promise<MovementView> {
  requirePermission(actor, 'homecare.manage');
  return p.db.transaction(async (tx) => {
    const [spend] = await q<{ id: string; kind: string; amount: number; unitCode: string; orderId: string | null }>(
      tx,
      sql`SELECT id, kind, amount::float8 AS amount, unit_code AS "unitCode", order_id AS "orderId" FROM homecare_ledger_txns WHERE id = ${input.txnId} AND ${inScope(sql`unit_code`, actor)}`,
    );
    if (!spend) throw AppError.notFound();
    if (spend.kind !== 'spend') throw AppError.field('txnId', 'homecare.notSpend');
    const [entry] = await q<{ accountId: string }>(tx, sql`SELECT account_id AS "accountId" FROM homecare_ledger_entries WHERE txn_id = ${spend.id} AND amount < 0`);
    const settlement = await systemAccount(tx, 'card', 'settlement', countyOf(spend.unitCode));
    // Lock the person's account first so two refunds of one spend are counted one after the other.
    await q(tx, sql`SELECT id FROM homecare_accounts WHERE id IN (${entry.accountId}, ${settlement.id}) ORDER BY id FOR UPDATE`);
    const [{ refunded }] = await q<{ refunded: number }>(
      tx,
      sql`SELECT coalesce(sum(amount), 0)::float8 AS refunded FROM homecare_ledger_txns WHERE reverses_txn_id = ${spend.id} AND idempotency_key <> ${input.idempotencyKey}`,
    );
    if (refunded + input.amountFen > spend.amount) throw AppError.field('amountFen', 'homecare.refundTooLarge');
    const r = await postMovement(tx, actor, await actorDisplayName(tx, actor), {
      kind: 'refund', amount: input.amountFen, debitAccountId: settlement.id, creditAccountId: entry.accountId, reversesTxnId: spend.id, orderId: spend.orderId, idempotencyKey: input.idempotencyKey, unitCode: spend.unitCode, memo: input.reason,
    });
    return movementView(tx, r, entry.accountId, p.today());
  });
}

/** Expires the whole available balance of a card (a card given up or an ended entitlement). */
export async function expireCard(p: Platform, actor: Actor, accountId: string, input: { idempotencyKey: string; reason: string }): Promise<MovementView> {
  requirePermission(actor, 'homecare.manage');
  return p.db.transaction(async (tx) => {
    const account = await accountById(tx, accountId);
    if (!account || account.owner !== 'person' || account.currency !== 'card') throw AppError.notFound();
    assertWithinScope(account.unitCode, actor);
    const [prior] = await q<{ amount: number }>(tx, sql`SELECT amount::float8 AS amount FROM homecare_ledger_txns WHERE idempotency_key = ${input.idempotencyKey}`);
    const amount = prior?.amount ?? available(account);
    if (amount <= 0) throw AppError.field('amountFen', 'homecare.nothingToExpire');
    const expiry = await systemAccount(tx, 'card', 'expiry', countyOf(account.unitCode));
    const r = await postMovement(tx, actor, await actorDisplayName(tx, actor), { kind: 'expiry', amount, debitAccountId: account.id, creditAccountId: expiry.id, idempotencyKey: input.idempotencyKey, unitCode: account.unitCode, memo: input.reason });
    return movementView(tx, r, account.id, p.today());
  });
}

/** By county in scope: issued = spent − refunded + expired + outstanding (the programme's own reconciliation). */
export async function cardSummary(p: Platform, actor: Actor) {
  requirePermission(actor, 'homecare.read');
  const rows = await q<{ county: string; kind: string; amount: number }>(
    p.db.orm,
    sql`SELECT left(unit_code, 6) AS county, kind, sum(amount)::float8 AS amount FROM homecare_ledger_txns WHERE currency = 'card' AND ${inScope(sql`unit_code`, actor)} GROUP BY 1, 2`,
  );
  const balances = await q<{ county: string; outstanding: number; held: number; holders: number }>(
    p.db.orm,
    sql`SELECT left(unit_code, 6) AS county, sum(balance)::float8 AS outstanding, sum(held)::float8 AS held, count(*)::int AS holders
        FROM homecare_accounts WHERE owner = 'person' AND currency = 'card' AND ${inScope(sql`unit_code`, actor)} GROUP BY 1`,
  );
  const counties = [...new Set([...rows.map((r) => r.county), ...balances.map((b) => b.county)])].filter((c) => c.startsWith(actor.scope.slice(0, 6)) || actor.scope.length < 6).sort();
  const names = await unitNameMap(p.db.orm, counties);
  const rule = ruleOn(CARE_CARD_RULES, p.today());
  return {
    rule: { minAge: rule.minAge, source: rule.source },
    rows: counties.map((c) => {
      const sum = (k: string) => rows.filter((r) => r.county === c && r.kind === k).reduce((s, r) => s + r.amount, 0);
      const b = balances.find((x) => x.county === c);
      return { unitCode: c, unitName: names.get(c) ?? c, issued: sum('issue'), spent: sum('spend'), refunded: sum('refund'), expired: sum('expiry'), outstanding: b?.outstanding ?? 0, held: b?.held ?? 0, holders: b?.holders ?? 0 };
    }),
  };
}

// ---- providers ---------------------------------------------------------------------------

export async function listProviders(p: Platform, actor: Actor, opts: { category?: ServiceCategory; unitCode?: string } = {}): Promise<ProviderView[]> {
  readAny(actor);
  const conds: SQL[] = [];
  if (can(actor.role, 'homecare.read') || can(actor.role, 'homecare.self')) {
    // Providers serve a county: a township or village user sees the providers of its county and below.
    conds.push(sql`(${inScope(sql`pr.unit_code`, actor)} OR ${actor.scope} LIKE pr.unit_code || '%')`);
  } else {
    conds.push(sql`pr.user_id = ${actor.id}`);
  }
  if (opts.unitCode) conds.push(sql`pr.unit_code LIKE ${`${opts.unitCode}%`}`);
  if (opts.category) conds.push(sql`${opts.category} = ANY (pr.categories)`);
  const rows = await q<Omit<ProviderView, 'items' | 'unitName'>>(
    p.db.orm,
    sql`SELECT pr.id, pr.unit_code AS "unitCode", pr.name, pr.categories, pr.phone, pr.address, pr.active,
          (SELECT count(*)::int FROM homecare_orders o WHERE o.provider_id = pr.id AND o.status IN ('requested', 'accepted', 'visited')) AS "openOrders"
        FROM homecare_providers pr WHERE ${sql.join(conds, sql` AND `)} ORDER BY pr.unit_code, pr.name`,
  );
  const ids = rows.map((r) => r.id);
  const items = ids.length
    ? await q<ProviderView['items'][number]>(
        p.db.orm,
        sql`SELECT id, provider_id AS "providerId", category, name, charge_unit AS "chargeUnit", price_fen::float8 AS "priceFen", active FROM homecare_service_items
            WHERE provider_id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) ORDER BY category, price_fen`,
      )
    : [];
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode, items: items.filter((i) => i.providerId === r.id) }));
}

export async function createProvider(p: Platform, actor: Actor, input: ProviderInput): Promise<ProviderView> {
  requirePermission(actor, 'homecare.manage');
  assertWithinScope(input.unitCode, actor);
  const id = await p.db.transaction(async (tx) => {
    let userId: string | null = null;
    if (input.username) {
      const [u] = await q<{ id: string; role: string; unitCode: string }>(tx, sql`SELECT id, role, unit_code AS "unitCode" FROM users WHERE username = ${input.username}`);
      if (!u || u.role !== 'service_provider' || !u.unitCode.startsWith(actor.scope)) throw AppError.field('username', 'homecare.providerUser');
      userId = u.id;
    }
    const [dup] = await q(tx, sql`SELECT 1 FROM homecare_providers WHERE unit_code = ${input.unitCode} AND name = ${input.name}`);
    if (dup) throw AppError.conflict('name', 'homecare.providerExists');
    const newId = uuidv7();
    await tx.execute(sql`INSERT INTO homecare_providers (id, unit_code, name, categories, phone, address, user_id) VALUES
      (${newId}, ${input.unitCode}, ${input.name}, ${`{${input.categories.join(',')}}`}::text[], ${input.phone || null}, ${input.address || null}, ${userId})`);
    await appendAudit(tx, actor, { action: 'homecare.provider.create', entityType: 'homecare_provider', entityId: newId, unitCode: input.unitCode, detail: { name: input.name, categories: input.categories } });
    return newId;
  });
  return (await listProviders(p, actor)).find((x) => x.id === id)!;
}

export async function addItem(p: Platform, actor: Actor, providerId: string, input: ItemInput): Promise<ProviderView> {
  requirePermission(actor, 'homecare.manage');
  await p.db.transaction(async (tx) => {
    const [pr] = await q<{ unitCode: string; categories: string[] }>(tx, sql`SELECT unit_code AS "unitCode", categories FROM homecare_providers WHERE id = ${providerId} AND ${inScope(sql`unit_code`, actor)}`);
    if (!pr) throw AppError.notFound();
    if (!pr.categories.includes(input.category)) throw AppError.field('category', 'homecare.providerCategory');
    const [dup] = await q(tx, sql`SELECT 1 FROM homecare_service_items WHERE provider_id = ${providerId} AND name = ${input.name}`);
    if (dup) throw AppError.conflict('name', 'homecare.itemExists');
    const id = uuidv7();
    await tx.execute(sql`INSERT INTO homecare_service_items (id, provider_id, unit_code, category, name, charge_unit, price_fen) VALUES (${id}, ${providerId}, ${pr.unitCode}, ${input.category}, ${input.name}, ${input.chargeUnit}, ${input.priceFen})`);
    await appendAudit(tx, actor, { action: 'homecare.item.create', entityType: 'homecare_item', entityId: id, unitCode: pr.unitCode, detail: { providerId, ...input } });
  });
  return (await listProviders(p, actor)).find((x) => x.id === providerId)!;
}

// ---- orders ------------------------------------------------------------------------------

const ORDER_SELECT = sql`SELECT o.id, o.unit_code AS "unitCode", o.person_id AS "personId", pe.name AS "personName", o.provider_id AS "providerId", pr.name AS "providerName",
  o.item_id AS "itemId", o.category, o.item_name AS "itemName", it.charge_unit AS "chargeUnit", o.price_fen::float8 AS "priceFen", o.quantity, o.amount_fen::float8 AS "amountFen",
  o.payment, o.status, o.scheduled_on::text AS "scheduledOn", o.note, h.status AS "holdStatus", o.rating, o.rating_comment AS "ratingComment", o.cancel_reason AS "cancelReason",
  o.requested_by_name AS "requestedByName", to_char(o.requested_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') AS "requestedAt", pr.user_id AS "providerUserId", o.hold_id AS "holdId"
  FROM homecare_orders o JOIN persons pe ON pe.id = o.person_id JOIN homecare_providers pr ON pr.id = o.provider_id JOIN homecare_service_items it ON it.id = o.item_id
  LEFT JOIN homecare_holds h ON h.id = o.hold_id`;

type OrderRow = Omit<OrderView, 'unitName' | 'actions'> & { providerUserId: string | null; holdId: string | null };

/** How the caller stands to an order: as staff, as its provider, as the elderly person, or not at all. */
function partyOf(actor: Actor, o: Pick<OrderRow, 'unitCode' | 'providerUserId' | 'personId'>, selfId: string | null): OrderParty | null {
  if (can(actor.role, 'homecare.order') && o.unitCode.startsWith(actor.scope)) return 'staff';
  if (can(actor.role, 'homecare.provide') && o.providerUserId !== null && o.providerUserId === actor.id) return 'provider';
  if (selfId !== null && o.personId === selfId) return 'elder';
  return null;
}

/** Which orders the caller may see: by scope for staff and officials, its own for a provider or an elderly person. */
function orderVisibility(actor: Actor, selfId: string | null): SQL {
  if (can(actor.role, 'homecare.read')) return inScope(sql`o.unit_code`, actor);
  if (can(actor.role, 'homecare.provide')) return sql`pr.user_id = ${actor.id} AND ${inScope(sql`o.unit_code`, actor)}`;
  if (selfId) return sql`o.person_id = ${selfId}`;
  return sql`false`;
}

async function toOrderViews(ex: Executor, actor: Actor, rows: OrderRow[], selfId: string | null): Promise<OrderView[]> {
  const names = await unitNameMap(ex, rows.map((r) => r.unitCode));
  return rows.map(({ providerUserId, holdId: _h, ...r }) => {
    const party = partyOf(actor, { ...r, providerUserId }, selfId);
    return { ...r, unitName: names.get(r.unitCode) ?? r.unitCode, actions: party ? allowedActions(r.status as OrderStatus, party) : [] };
  });
}

export async function listOrders(p: Platform, actor: Actor, query: OrdersQuery): Promise<{ items: OrderView[]; total: number; page: number; pageSize: number }> {
  readAny(actor);
  const pageNo = query.page ?? 1;
  const size = query.pageSize ?? 20;
  const selfId = await selfPersonId(p.db.orm, actor);
  const conds: SQL[] = [orderVisibility(actor, selfId)];
  if (query.status) conds.push(sql`o.status = ${query.status}`);
  if (query.category) conds.push(sql`o.category = ${query.category}`);
  if (query.providerId) conds.push(sql`o.provider_id = ${query.providerId}`);
  if (query.personId) conds.push(sql`o.person_id = ${query.personId}`);
  if (query.unitCode) conds.push(sql`o.unit_code LIKE ${`${query.unitCode}%`}`);
  if (query.q) conds.push(sql`(pe.name LIKE ${containsPattern(query.q)} OR pr.name LIKE ${containsPattern(query.q)})`);
  const where = sql.join(conds, sql` AND `);
  const rows = await q<OrderRow>(p.db.orm, sql`${ORDER_SELECT} WHERE ${where} ORDER BY o.requested_at DESC, o.id DESC LIMIT ${size} OFFSET ${(pageNo - 1) * size}`);
  const [{ n }] = await q<{ n: number }>(
    p.db.orm,
    sql`SELECT count(*)::int AS n FROM homecare_orders o JOIN persons pe ON pe.id = o.person_id JOIN homecare_providers pr ON pr.id = o.provider_id WHERE ${where}`,
  );
  return { items: await toOrderViews(p.db.orm, actor, rows, selfId), total: n, page: pageNo, pageSize: size };
}

async function orderRow(ex: Executor, actor: Actor, id: string, selfId: string | null, lock = false): Promise<OrderRow> {
  if (lock) await q(ex, sql`SELECT id FROM homecare_orders WHERE id = ${id} FOR UPDATE`);
  const [row] = await q<OrderRow>(ex, sql`${ORDER_SELECT} WHERE o.id = ${id} AND ${orderVisibility(actor, selfId)}`);
  if (!row) throw AppError.notFound();
  return row;
}

async function orderDetailOf(ex: Executor, actor: Actor, row: OrderRow, selfId: string | null): Promise<OrderDetail> {
  const [view] = await toOrderViews(ex, actor, [row], selfId);
  const events = await q<OrderDetail['events'][number]>(
    ex,
    sql`SELECT from_status AS "fromStatus", to_status AS "toStatus", by_name AS "byName", reason, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') AS at
        FROM homecare_order_events WHERE order_id = ${row.id} ORDER BY id`,
  );
  return { ...view, events };
}

export async function getOrder(p: Platform, actor: Actor, id: string): Promise<OrderDetail> {
  readAny(actor);
  return p.db.transaction(async (tx) => {
    const selfId = await selfPersonId(tx, actor);
    const row = await orderRow(tx, actor, id, selfId);
    await appendAudit(tx, actor, { action: 'homecare.order.read', entityType: 'homecare_order', entityId: id, unitCode: row.unitCode, detail: { personId: row.personId } });
    return orderDetailOf(tx, actor, row, selfId);
  });
}

/** Places an order for an elderly person in scope (staff) or for oneself (an elderly person). */
export async function createOrder(p: Platform, actor: Actor, input: OrderInput): Promise<OrderDetail> {
  return p.db.transaction(async (tx) => {
    const selfId = await selfPersonId(tx, actor);
    let person: PersonRow;
    if (can(actor.role, 'homecare.order')) person = await personInScope(tx, actor, input.personId);
    else if (selfId && selfId === input.personId) {
      [person] = await q<PersonRow>(tx, sql`SELECT id, name, unit_code AS "unitCode", birth_date::text AS "birthDate" FROM persons WHERE id = ${selfId}`);
    } else throw AppError.forbidden();
    const [item] = await q<{ id: string; providerId: string; category: ServiceCategory; name: string; priceFen: number; active: boolean; providerUnit: string; providerActive: boolean }>(
      tx,
      sql`SELECT it.id, it.provider_id AS "providerId", it.category, it.name, it.price_fen::float8 AS "priceFen", it.active, pr.unit_code AS "providerUnit", pr.active AS "providerActive"
          FROM homecare_service_items it JOIN homecare_providers pr ON pr.id = it.provider_id WHERE it.id = ${input.itemId}`,
    );
    // A provider serves the elderly of its own unit (a county or a township) and below.
    if (!item || !person.unitCode.startsWith(item.providerUnit)) throw AppError.field('itemId', 'homecare.itemInactive');
    if (!item.active || !item.providerActive) throw AppError.field('itemId', 'homecare.itemInactive');
    const cardRule = ruleOn(CARE_CARD_RULES, p.today());
    if (input.payment === 'card' && !cardPaysFor(cardRule, item.category)) throw AppError.field('payment', 'homecare.categoryNotEligible');
    if (input.scheduledOn < addDays(p.today(), -30)) throw AppError.field('scheduledOn', 'homecare.scheduledPast');
    const id = uuidv7();
    const name = await actorDisplayName(tx, actor);
    const amount = orderAmount(item.priceFen, input.quantity);
    if (amount > 100_000_000) throw AppError.field('quantity', 'homecare.amountTooLarge');
    await tx.execute(sql`INSERT INTO homecare_orders (id, unit_code, person_id, provider_id, item_id, category, item_name, price_fen, quantity, amount_fen, payment, status, scheduled_on, note, requested_by_name)
      VALUES (${id}, ${person.unitCode}, ${person.id}, ${item.providerId}, ${item.id}, ${item.category}, ${item.name}, ${item.priceFen}, ${input.quantity}, ${amount}, ${input.payment}, 'requested', ${input.scheduledOn}, ${input.note || null}, ${name})`);
    await tx.execute(sql`INSERT INTO homecare_order_events (order_id, unit_code, from_status, to_status, by_name) VALUES (${id}, ${person.unitCode}, NULL, 'requested', ${name})`);
    await appendAudit(tx, actor, { action: 'homecare.order.create', entityType: 'homecare_order', entityId: id, unitCode: person.unitCode, detail: { personId: person.id, itemId: item.id, amountFen: amount, payment: input.payment } });
    return orderDetailOf(tx, actor, await orderRow(tx, actor, id, selfId), selfId);
  });
}

/** Takes one step of an order (a pure state machine decides), with its card hold, capture or release. */
export async function actOnOrder(p: Platform, actor: Actor, id: string, action: OrderAction, input: OrderActionInput): Promise<OrderDetail> {
  readAny(actor);
  return p.db.transaction(async (tx) => {
    const selfId = await selfPersonId(tx, actor);
    const row = await orderRow(tx, actor, id, selfId, true);
    const party = partyOf(actor, row, selfId);
    if (!party) throw AppError.forbidden();
    const step = orderStep(row.status as OrderStatus, action, row.payment, party);
    if (!step) throw AppError.conflict('status', 'homecare.orderTransition');
    if (action === 'rate' && !input.rating) throw AppError.field('rating', 'homecare.ratingRequired');
    const name = await actorDisplayName(tx, actor);
    let holdId = row.holdId;
    let spendId: string | null = null;
    if (step.effect === 'placeHold') {
      const account = await personAccount(tx, 'card', row.personId, row.unitCode);
      const { hold } = await placeHold(tx, actor, { accountId: account.id, amount: row.amountFen, idempotencyKey: `order:${row.id}:hold`, unitCode: row.unitCode, orderId: row.id });
      holdId = hold.id;
    } else if (step.effect === 'captureHold') {
      const r = await captureHold(tx, actor, name, holdId!, `${row.providerName} ${row.itemName}`);
      spendId = r.txn.id;
    } else if (step.effect === 'releaseHold') {
      await releaseHold(tx, actor, holdId!);
    }
    await tx.execute(sql`UPDATE homecare_orders SET status = ${step.to}, hold_id = ${holdId}, spend_txn_id = coalesce(${spendId}::uuid, spend_txn_id),
      rating = coalesce(${action === 'rate' ? input.rating! : null}::smallint, rating), rating_comment = coalesce(${action === 'rate' ? input.comment || null : null}, rating_comment),
      cancel_reason = coalesce(${action === 'cancel' ? input.reason || null : null}, cancel_reason), updated_at = now() WHERE id = ${row.id}`);
    await tx.execute(sql`INSERT INTO homecare_order_events (order_id, unit_code, from_status, to_status, by_name, reason) VALUES (${row.id}, ${row.unitCode}, ${row.status}, ${step.to}, ${name}, ${input.reason || input.comment || null})`);
    await appendAudit(tx, actor, { action: `homecare.order.${action}`, entityType: 'homecare_order', entityId: row.id, unitCode: row.unitCode, detail: { from: row.status, to: step.to, effect: step.effect, amountFen: row.amountFen } });
    return orderDetailOf(tx, actor, await orderRow(tx, actor, id, selfId), selfId);
  });
}

// ---- time bank ---------------------------------------------------------------------------

export function timeRules(p: Platform) {
  const today = p.today();
  return TIME_BANK_RULES.map((r) => ({ ...r, transferRelations: [...r.transferRelations], inEffect: r.effectiveFrom <= today && (r.effectiveTo === null || today <= r.effectiveTo) }));
}

const SERVICE_SELECT = sql`SELECT s.id, s.unit_code AS "unitCode", s.volunteer_id AS "volunteerId", v.name AS "volunteerName", r.name AS "recipientName", s.service_type AS "serviceType",
  s.served_on::text AS "servedOn", s.minutes, s.description, s.status, s.earned_minutes AS "earnedMinutes", s.recorded_by_name AS "recordedByName", s.decided_by_name AS "decidedByName"
  FROM homecare_volunteer_services s JOIN persons v ON v.id = s.volunteer_id LEFT JOIN persons r ON r.id = s.recipient_id`;

export async function listVolunteerServices(p: Platform, actor: Actor, query: { status?: string; volunteerId?: string }): Promise<VolunteerServiceView[]> {
  readAny(actor);
  const selfId = await selfPersonId(p.db.orm, actor);
  const conds: SQL[] = [can(actor.role, 'homecare.read') ? inScope(sql`s.unit_code`, actor) : selfId ? sql`s.volunteer_id = ${selfId}` : sql`false`];
  if (query.status) conds.push(sql`s.status = ${query.status}`);
  if (query.volunteerId) conds.push(sql`s.volunteer_id = ${query.volunteerId}`);
  return q<VolunteerServiceView>(p.db.orm, sql`${SERVICE_SELECT} WHERE ${sql.join(conds, sql` AND `)} ORDER BY s.served_on DESC, s.id DESC LIMIT 200`);
}

export async function recordVolunteerService(p: Platform, actor: Actor, input: VolunteerServiceInput): Promise<VolunteerServiceView> {
  requirePermission(actor, 'homecare.timebank');
  return p.db.transaction(async (tx) => {
    const volunteer = await personInScope(tx, actor, input.volunteerId);
    if (input.recipientId) {
      await personInScope(tx, actor, input.recipientId);
      if (input.recipientId === input.volunteerId) throw AppError.field('recipientId', 'homecare.samePerson');
    }
    if (input.servedOn > p.today()) throw AppError.field('servedOn', 'homecare.inFuture');
    const rule = ruleOn(TIME_BANK_RULES, input.servedOn);
    const earned = earnedMinutes(rule, input.serviceType, input.minutes);
    if ('error' in earned) throw AppError.field('minutes', earned.error);
    const id = uuidv7();
    await tx.execute(sql`INSERT INTO homecare_volunteer_services (id, unit_code, volunteer_id, recipient_id, service_type, served_on, minutes, description, status, recorded_by_name)
      VALUES (${id}, ${volunteer.unitCode}, ${volunteer.id}, ${input.recipientId ?? null}, ${input.serviceType}, ${input.servedOn}, ${input.minutes}, ${input.description || null}, 'recorded', ${await actorDisplayName(tx, actor)})`);
    await appendAudit(tx, actor, { action: 'homecare.volunteer.record', entityType: 'homecare_volunteer_service', entityId: id, unitCode: volunteer.unitCode, detail: { volunteerId: volunteer.id, minutes: input.minutes } });
    const [row] = await q<VolunteerServiceView>(tx, sql`${SERVICE_SELECT} WHERE s.id = ${id}`);
    return row;
  });
}

/** Confirms a recorded service: the volunteer earns its hours (once, whatever the repeats); or rejects it. */
export async function decideVolunteerService(p: Platform, actor: Actor, id: string, decision: 'confirm' | 'reject'): Promise<VolunteerServiceView> {
  requirePermission(actor, 'homecare.timebank');
  return p.db.transaction(async (tx) => {
    const [s] = await q<{ id: string; unitCode: string; volunteerId: string; serviceType: string; servedOn: string; minutes: number; status: string }>(
      tx,
      sql`SELECT id, unit_code AS "unitCode", volunteer_id AS "volunteerId", service_type AS "serviceType", served_on::text AS "servedOn", minutes, status FROM homecare_volunteer_services
          WHERE id = ${id} AND ${inScope(sql`unit_code`, actor)} FOR UPDATE`,
    );
    if (!s) throw AppError.notFound();
    if (s.status !== 'recorded') throw AppError.conflict('status', 'homecare.serviceDecided');
    const name = await actorDisplayName(tx, actor);
    if (decision === 'confirm') {
      const earned = earnedMinutes(ruleOn(TIME_BANK_RULES, s.servedOn), s.serviceType, s.minutes);
      if ('error' in earned) throw AppError.field('minutes', earned.error);
      const account = await personAccount(tx, 'time', s.volunteerId, s.unitCode);
      const source = await systemAccount(tx, 'time', 'service', countyOf(s.unitCode));
      const r = await postMovement(tx, actor, name, { kind: 'earn', amount: earned.minutes, debitAccountId: source.id, creditAccountId: account.id, idempotencyKey: `volunteer:${s.id}:earn`, unitCode: s.unitCode, memo: null });
      await tx.execute(sql`UPDATE homecare_volunteer_services SET status = 'confirmed', earned_minutes = ${earned.minutes}, txn_id = ${r.txn.id}, decided_by_name = ${name}, decided_at = now() WHERE id = ${s.id}`);
    } else {
      await tx.execute(sql`UPDATE homecare_volunteer_services SET status = 'rejected', decided_by_name = ${name}, decided_at = now() WHERE id = ${s.id}`);
    }
    await appendAudit(tx, actor, { action: `homecare.volunteer.${decision}`, entityType: 'homecare_volunteer_service', entityId: s.id, unitCode: s.unitCode, detail: { minutes: s.minutes } });
    const [row] = await q<VolunteerServiceView>(tx, sql`${SERVICE_SELECT} WHERE s.id = ${id}`);
    return row;
  });
}

/** Redeems hours for a service received, from the redemption age of the rules; never for money. */
export async function redeemTime(p: Platform, actor: Actor, input: { personId: string; minutes: number; idempotencyKey: string; memo: string }): Promise<MovementView> {
  requirePermission(actor, 'homecare.timebank');
  return p.db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, input.personId);
    const rule = ruleOn(TIME_BANK_RULES, p.today());
    if (!mayRedeem(rule, person.birthDate, p.today())) throw AppError.field('personId', 'homecare.tooYoungToRedeem', { age: rule.redeemMinAge });
    const account = await personAccount(tx, 'time', person.id, person.unitCode);
    const sink = await systemAccount(tx, 'time', 'redeem', countyOf(person.unitCode));
    const r = await postMovement(tx, actor, await actorDisplayName(tx, actor), { kind: 'redeem', amount: input.minutes, debitAccountId: account.id, creditAccountId: sink.id, idempotencyKey: input.idempotencyKey, unitCode: person.unitCode, memo: input.memo });
    return movementView(tx, r, account.id, p.today());
  });
}

/** Gives hours to a registered relative whose relation the rules allow. */
export async function transferTime(p: Platform, actor: Actor, input: { fromPersonId: string; toPersonId: string; minutes: number; idempotencyKey: string }): Promise<MovementView> {
  requirePermission(actor, 'homecare.timebank');
  return p.db.transaction(async (tx) => {
    const from = await personInScope(tx, actor, input.fromPersonId);
    const to = await personInScope(tx, actor, input.toPersonId);
    if (from.id === to.id) throw AppError.field('toPersonId', 'homecare.samePerson');
    const rule = ruleOn(TIME_BANK_RULES, p.today());
    const [link] = await q<{ relation: Relation }>(tx, sql`SELECT relation FROM homecare_relatives WHERE person_id = ${from.id} AND relative_id = ${to.id}`);
    if (!mayTransfer(rule, link?.relation ?? null)) throw AppError.field('toPersonId', 'homecare.notRelative', { relations: rule.transferRelations.join('、') });
    const source = await personAccount(tx, 'time', from.id, from.unitCode);
    const target = await personAccount(tx, 'time', to.id, to.unitCode);
    const r = await postMovement(tx, actor, await actorDisplayName(tx, actor), { kind: 'transfer', amount: input.minutes, debitAccountId: source.id, creditAccountId: target.id, idempotencyKey: input.idempotencyKey, unitCode: from.unitCode, memo: `${from.name} → ${to.name}` });
    return movementView(tx, r, source.id, p.today());
  });
}

export async function listRelatives(p: Platform, actor: Actor, personId: string) {
  requirePermission(actor, 'homecare.read');
  await personInScope(p.db.orm, actor, personId);
  const rule = ruleOn(TIME_BANK_RULES, p.today());
  const rows = await q<{ id: string; personId: string; relativeId: string; relativeName: string; relation: Relation }>(
    p.db.orm,
    sql`SELECT r.id, r.person_id AS "personId", r.relative_id AS "relativeId", pe.name AS "relativeName", r.relation FROM homecare_relatives r JOIN persons pe ON pe.id = r.relative_id
        WHERE r.person_id = ${personId} AND ${inScope(sql`pe.unit_code`, actor)} ORDER BY r.created_at`,
  );
  return rows.map((r) => ({ ...r, transferAllowed: mayTransfer(rule, r.relation) }));
}

/** Records a family link both ways (a parent's child is the child's parent). */
export async function addRelative(p: Platform, actor: Actor, input: { personId: string; relativeId: string; relation: Relation }) {
  requirePermission(actor, 'homecare.timebank');
  await p.db.transaction(async (tx) => {
    const a = await personInScope(tx, actor, input.personId);
    const b = await personInScope(tx, actor, input.relativeId);
    if (a.id === b.id) throw AppError.field('relativeId', 'homecare.samePerson');
    const name = await actorDisplayName(tx, actor);
    for (const [x, y, rel] of [[a, b, input.relation], [b, a, inverseRelation(input.relation)]] as const) {
      await tx.execute(sql`INSERT INTO homecare_relatives (id, unit_code, person_id, relative_id, relation, recorded_by_name) VALUES (${uuidv7()}, ${x.unitCode}, ${x.id}, ${y.id}, ${rel}, ${name})
        ON CONFLICT (person_id, relative_id) DO UPDATE SET relation = EXCLUDED.relation`);
    }
    await appendAudit(tx, actor, { action: 'homecare.relative.add', entityType: 'person', entityId: a.id, unitCode: a.unitCode, detail: { relativeId: b.id, relation: input.relation } });
  });
  return listRelatives(p, actor, input.personId);
}

// ---- visits (探访关爱) ---------------------------------------------------------------------

export async function setVisitTarget(p: Platform, actor: Actor, input: { personId: string; category: string; tier: VisitTier }) {
  requirePermission(actor, 'homecare.visit');
  await p.db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, input.personId);
    await tx.execute(sql`INSERT INTO homecare_visit_targets (person_id, unit_code, category, tier) VALUES (${person.id}, ${person.unitCode}, ${input.category}, ${input.tier})
      ON CONFLICT (person_id) DO UPDATE SET category = EXCLUDED.category, tier = EXCLUDED.tier`);
    await appendAudit(tx, actor, { action: 'homecare.visitTarget.set', entityType: 'person', entityId: person.id, unitCode: person.unitCode, detail: { category: input.category, tier: input.tier } });
  });
  return visitCoverage(p, actor, {});
}

export async function recordVisit(p: Platform, actor: Actor, input: { personId: string; visitedOn: string; mode: 'home' | 'phone'; visitorName: string; findings?: string }) {
  requirePermission(actor, 'homecare.visit');
  if (input.visitedOn > p.today()) throw AppError.field('visitedOn', 'homecare.inFuture');
  await p.db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, input.personId);
    const id = uuidv7();
    await tx.execute(sql`INSERT INTO homecare_visits (id, unit_code, person_id, visited_on, mode, visitor_name, findings, recorded_by_name) VALUES
      (${id}, ${person.unitCode}, ${person.id}, ${input.visitedOn}, ${input.mode}, ${input.visitorName}, ${input.findings || null}, ${await actorDisplayName(tx, actor)})`);
    await appendAudit(tx, actor, { action: 'homecare.visit.record', entityType: 'homecare_visit', entityId: id, unitCode: person.unitCode, detail: { personId: person.id, visitedOn: input.visitedOn } });
  });
  return visitCoverage(p, actor, {});
}

/** Coverage by township: targets visited within their tier's interval, and each target's next due date. */
export async function visitCoverage(p: Platform, actor: Actor, query: { unitCode?: string }) {
  requirePermission(actor, 'homecare.read');
  const today = p.today();
  const conds: SQL[] = [inScope(sql`t.unit_code`, actor)];
  if (query.unitCode) conds.push(sql`t.unit_code LIKE ${`${query.unitCode}%`}`);
  const rows = await q<{ personId: string; personName: string; unitCode: string; category: string; tier: VisitTier; lastVisitedOn: string | null }>(
    p.db.orm,
    sql`SELECT t.person_id AS "personId", pe.name AS "personName", t.unit_code AS "unitCode", t.category, t.tier,
          (SELECT max(v.visited_on)::text FROM homecare_visits v WHERE v.person_id = t.person_id) AS "lastVisitedOn"
        FROM homecare_visit_targets t JOIN persons pe ON pe.id = t.person_id WHERE ${sql.join(conds, sql` AND `)} ORDER BY t.unit_code, pe.name LIMIT 2000`,
  );
  const targets = rows.map((r) => {
    const dueOn = r.lastVisitedOn ? addDays(r.lastVisitedOn, VISIT_INTERVAL_DAYS[r.tier]) : today;
    return { ...r, dueOn, overdue: r.lastVisitedOn === null || dueOn < today };
  });
  const towns = [...new Set(targets.map((t) => t.unitCode.slice(0, 9)))].sort();
  const names = await unitNameMap(p.db.orm, [...towns, ...targets.map((t) => t.unitCode)]);
  return {
    on: today,
    rows: towns.map((u) => {
      const mine = targets.filter((t) => t.unitCode.startsWith(u));
      const covered = mine.filter((t) => !t.overdue).length;
      return { unitCode: u, unitName: names.get(u) ?? u, targets: mine.length, covered, rate: mine.length ? covered / mine.length : null };
    }),
    targets: targets.map((t) => ({ ...t, unitName: names.get(t.unitCode) ?? t.unitCode })) as never,
  };
}

// ---- one's own view ----------------------------------------------------------------------

/** An elderly person's or volunteer's own card, hours, orders and recent movements (audited). */
export async function myHomecare(p: Platform, actor: Actor): Promise<MeView> {
  requirePermission(actor, 'homecare.self');
  return p.db.transaction(async (tx) => {
    const selfId = await selfPersonId(tx, actor);
    if (!selfId) throw AppError.notFound();
    const [person] = await q<PersonRow>(tx, sql`SELECT id, name, unit_code AS "unitCode", birth_date::text AS "birthDate" FROM persons WHERE id = ${selfId}`);
    const accounts = await q<AccountListRow>(tx, sql`${ACCOUNT_SELECT} WHERE a.person_id = ${selfId} AND a.owner = 'person'`);
    const views = await toAccountViews(tx, accounts, p.today());
    const card = views.find((a) => a.currency === 'card') ?? null;
    const time = views.find((a) => a.currency === 'time') ?? null;
    const orders = await q<OrderRow>(tx, sql`${ORDER_SELECT} WHERE o.person_id = ${selfId} ORDER BY o.requested_at DESC LIMIT 30`);
    await appendAudit(tx, actor, { action: 'homecare.self.read', entityType: 'person', entityId: selfId, unitCode: person.unitCode });
    return {
      person: { id: person.id, name: person.name, age: ageOn(person.birthDate, p.today()) },
      card,
      time,
      orders: await toOrderViews(tx, actor, orders, selfId),
      cardLines: card ? (await statementLines(tx, card.id, 20, 0)).lines : [],
      timeLines: time ? (await statementLines(tx, time.id, 20, 0)).lines : [],
    };
  });
}

export type { AccountRow };

/** Links an elderly person's or volunteer's sign-in to their person record (their own view). */
export async function linkUserToPerson(p: Platform, actor: Actor, input: { username: string; personId: string }): Promise<{ username: string; personId: string; personName: string }> {
  requirePermission(actor, 'homecare.manage');
  return p.db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, input.personId);
    const [u] = await q<{ id: string; role: string; unitCode: string }>(tx, sql`SELECT id, role, unit_code AS "unitCode" FROM users WHERE username = ${input.username}`);
    if (!u || !['elderly', 'volunteer'].includes(u.role) || !u.unitCode.startsWith(actor.scope)) throw AppError.field('username', 'homecare.selfUser');
    await tx.execute(sql`INSERT INTO homecare_user_persons (user_id, person_id) VALUES (${u.id}, ${person.id}) ON CONFLICT (user_id) DO UPDATE SET person_id = EXCLUDED.person_id`);
    await appendAudit(tx, actor, { action: 'homecare.self.link', entityType: 'person', entityId: person.id, unitCode: person.unitCode, detail: { username: input.username } });
    return { username: input.username, personId: person.id, personName: person.name };
  });
}
