/** The home-care module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, page, text, unitCode } from '../../app/schemas.ts';
import { CHARGE_UNITS, RELATIONS, SERVICE_CATEGORIES, VISIT_CATEGORIES, VISIT_TIERS, VOLUNTEER_SERVICE_TYPES } from './rules.ts';
import { ORDER_ACTIONS, ORDER_STATUSES } from './orderFlow.ts';
import { TXN_KINDS } from './vocabulary.ts';

/** A client-made key naming one movement: the same key twice moves once. */
export const idempotencyKey = z.string().regex(/^[A-Za-z0-9:_-]{8,80}$/);
const fenAmount = z.number().int().positive().max(100_000_000);
const minutes = z.number().int().positive().max(600_000);

export const itemView = z.object({
  id: z.string(),
  providerId: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  name: z.string(),
  chargeUnit: z.enum(CHARGE_UNITS),
  priceFen: z.number().int(),
  active: z.boolean(),
});
export type ItemView = z.infer<typeof itemView>;

export const providerView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  categories: z.array(z.enum(SERVICE_CATEGORIES)),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  items: z.array(itemView),
  openOrders: z.number().int(),
});
export type ProviderView = z.infer<typeof providerView>;

export const providerInput = z.object({
  unitCode,
  name: text(80),
  categories: z.array(z.enum(SERVICE_CATEGORIES)).min(1).max(8),
  phone: z.string().trim().max(30).optional(),
  address: z.string().trim().max(200).optional(),
  username: z.string().trim().max(60).optional(),
});
export type ProviderInput = z.infer<typeof providerInput>;

export const itemInput = z.object({
  category: z.enum(SERVICE_CATEGORIES),
  name: text(80),
  chargeUnit: z.enum(CHARGE_UNITS),
  priceFen: fenAmount,
});
export type ItemInput = z.infer<typeof itemInput>;

export const orderEvent = z.object({ fromStatus: z.string().nullable(), toStatus: z.enum(ORDER_STATUSES), byName: z.string(), reason: z.string().nullable(), at: z.string() });

export const orderView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  personId: z.string(),
  personName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  itemId: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  itemName: z.string(),
  chargeUnit: z.enum(CHARGE_UNITS),
  priceFen: z.number().int(),
  quantity: z.number().int(),
  amountFen: z.number().int(),
  payment: z.enum(['card', 'self']),
  status: z.enum(ORDER_STATUSES),
  scheduledOn: z.string(),
  note: z.string().nullable(),
  holdStatus: z.enum(['held', 'captured', 'released']).nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  cancelReason: z.string().nullable(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  actions: z.array(z.enum(ORDER_ACTIONS)),
});
export type OrderView = z.infer<typeof orderView>;
export const orderDetail = orderView.extend({ events: z.array(orderEvent) });
export type OrderDetail = z.infer<typeof orderDetail>;

export const ordersQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  providerId: z.uuid().optional(),
  personId: z.uuid().optional(),
  unitCode: unitCode.optional(),
  q: z.string().trim().max(60).optional(),
});
export type OrdersQuery = z.infer<typeof ordersQuery> & Partial<z.infer<typeof page>>;

export const orderInput = z.object({
  personId: z.uuid(),
  itemId: z.uuid(),
  quantity: z.number().int().min(1).max(366),
  scheduledOn: isoDate,
  payment: z.enum(['card', 'self']),
  note: z.string().trim().max(500).optional(),
});
export type OrderInput = z.infer<typeof orderInput>;

export const orderActionInput = z.object({
  rating: z.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(500).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type OrderActionInput = z.infer<typeof orderActionInput>;
export const orderActionParams = z.object({ id: z.uuid(), action: z.enum(ORDER_ACTIONS) });

export const accountView = z.object({
  id: z.string(),
  currency: z.enum(['card', 'time']),
  personId: z.string(),
  personName: z.string(),
  age: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  balance: z.number().int(),
  held: z.number().int(),
  available: z.number().int(),
});
export type AccountView = z.infer<typeof accountView>;
export const accountsQuery = z.object({ currency: z.enum(['card', 'time']).default('card'), unitCode: unitCode.optional(), q: z.string().trim().max(60).optional() });
export type AccountsQuery = z.infer<typeof accountsQuery> & Partial<z.infer<typeof page>>;

export const statementLine = z.object({
  entryId: z.number(),
  txnId: z.string(),
  kind: z.enum(TXN_KINDS),
  amount: z.number().int(),
  balanceAfter: z.number().int(),
  memo: z.string().nullable(),
  orderId: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export const statementView = z.object({ account: accountView, lines: z.array(statementLine), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type StatementView = z.infer<typeof statementView>;

export const movementView = z.object({ txnId: z.string(), kind: z.enum(TXN_KINDS), amount: z.number().int(), replayed: z.boolean(), account: accountView });
export type MovementView = z.infer<typeof movementView>;

export const issueInput = z.object({ personId: z.uuid(), amountFen: fenAmount, idempotencyKey, memo: z.string().trim().max(200).optional() });
export const refundInput = z.object({ txnId: z.uuid(), amountFen: fenAmount, idempotencyKey, reason: text(200) });
export const expireInput = z.object({ idempotencyKey, reason: text(200) });

export const cardSummaryRow = z.object({ unitCode: z.string(), unitName: z.string(), issued: z.number().int(), spent: z.number().int(), refunded: z.number().int(), expired: z.number().int(), outstanding: z.number().int(), held: z.number().int(), holders: z.number().int() });
export const cardSummary = z.object({ rows: z.array(cardSummaryRow), rule: z.object({ minAge: z.number().int(), source: z.string() }) });

export const timeRuleView = z.object({
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  rates: z.record(z.string(), z.number()),
  maxMinutesPerRecord: z.number().int(),
  redeemMinAge: z.number().int(),
  transferRelations: z.array(z.enum(RELATIONS)),
  validityMonths: z.number().int().nullable(),
  source: z.string(),
  inEffect: z.boolean(),
});

export const volunteerServiceInput = z.object({
  volunteerId: z.uuid(),
  recipientId: z.uuid().optional(),
  serviceType: z.enum(VOLUNTEER_SERVICE_TYPES),
  servedOn: isoDate,
  minutes: z.number().int().positive().max(720),
  description: z.string().trim().max(500).optional(),
});
export type VolunteerServiceInput = z.infer<typeof volunteerServiceInput>;
export const volunteerServiceView = z.object({
  id: z.string(),
  unitCode: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  recipientName: z.string().nullable(),
  serviceType: z.enum(VOLUNTEER_SERVICE_TYPES),
  servedOn: z.string(),
  minutes: z.number().int(),
  description: z.string().nullable(),
  status: z.enum(['recorded', 'confirmed', 'rejected']),
  earnedMinutes: z.number().int().nullable(),
  recordedByName: z.string(),
  decidedByName: z.string().nullable(),
});
export type VolunteerServiceView = z.infer<typeof volunteerServiceView>;
export const servicesQuery = z.object({ status: z.enum(['recorded', 'confirmed', 'rejected']).optional(), volunteerId: z.uuid().optional() });

export const redeemInput = z.object({ personId: z.uuid(), minutes, idempotencyKey, memo: text(200) });
export const transferInput = z.object({ fromPersonId: z.uuid(), toPersonId: z.uuid(), minutes, idempotencyKey });
export const relativeInput = z.object({ personId: z.uuid(), relativeId: z.uuid(), relation: z.enum(RELATIONS) });
export const relativeView = z.object({ id: z.string(), personId: z.string(), relativeId: z.string(), relativeName: z.string(), relation: z.enum(RELATIONS), transferAllowed: z.boolean() });
export const relativesQuery = z.object({ personId: z.uuid() });

export const visitTargetInput = z.object({ personId: z.uuid(), category: z.enum(VISIT_CATEGORIES), tier: z.enum(VISIT_TIERS) });
export const visitInput = z.object({ personId: z.uuid(), visitedOn: isoDate, mode: z.enum(['home', 'phone']), visitorName: text(40), findings: z.string().trim().max(1000).optional() });
export const visitTargetView = z.object({
  personId: z.string(),
  personName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  category: z.enum(VISIT_CATEGORIES),
  tier: z.enum(VISIT_TIERS),
  lastVisitedOn: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export const coverageRow = z.object({ unitCode: z.string(), unitName: z.string(), targets: z.number().int(), covered: z.number().int(), rate: z.number().nullable() });
export const coverageView = z.object({ on: z.string(), rows: z.array(coverageRow), targets: z.array(visitTargetView) });
export const coverageQuery = z.object({ unitCode: unitCode.optional() });

export const meView = z.object({
  person: z.object({ id: z.string(), name: z.string(), age: z.number().int() }),
  card: accountView.nullable(),
  time: accountView.nullable(),
  orders: z.array(orderView),
  cardLines: z.array(statementLine),
  timeLines: z.array(statementLine),
});
export type MeView = z.infer<typeof meView>;
