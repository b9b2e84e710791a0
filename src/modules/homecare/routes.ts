import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, page, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { SERVICE_CATEGORIES } from './rules.ts';
import {
  accountView,
  accountsQuery,
  cardSummary as cardSummaryView,
  coverageQuery,
  coverageView,
  expireInput,
  issueInput,
  itemInput,
  meView,
  movementView,
  orderActionInput,
  orderActionParams,
  orderDetail,
  orderInput,
  orderView,
  ordersQuery,
  providerInput,
  providerView,
  redeemInput,
  refundInput,
  relativeInput,
  relativeView,
  relativesQuery,
  servicesQuery,
  statementView,
  timeRuleView,
  transferInput,
  visitInput,
  visitTargetInput,
  volunteerServiceInput,
  volunteerServiceView,
} from './contract.ts';
import {
  actOnOrder,
  addItem,
  addRelative,
  accountStatement,
  cardSummary,
  createOrder,
  createProvider,
  decideVolunteerService,
  expireCard,
  getOrder,
  issueCard,
  listAccounts,
  listOrders,
  listProviders,
  listRelatives,
  listVolunteerServices,
  linkUserToPerson,
  myHomecare,
  recordVisit,
  recordVolunteerService,
  redeemTime,
  refundCard,
  setVisitTarget,
  timeRules,
  transferTime,
  visitCoverage,
} from './service.ts';

const tags = ['homecare'];

export function homecareRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/homecare/providers', { schema: { tags, summary: 'Home-care providers serving the caller’s area, with their priced service items', querystring: z.object({ category: z.enum(SERVICE_CATEGORIES).optional() }), response: { 200: z.array(providerView) } } }, async (req) =>
      listProviders(p, actorOf(req), req.query),
    );
    app.post('/homecare/providers', { schema: { tags, summary: 'Register a provider in the caller’s county', body: providerInput, response: { 201: providerView } } }, async (req, reply) =>
      reply.status(201).send(await createProvider(p, actorOf(req), req.body)),
    );
    app.post('/homecare/providers/:id/items', { schema: { tags, summary: 'Add a priced service item to a provider', params: idParam, body: itemInput, response: { 201: providerView } } }, async (req, reply) =>
      reply.status(201).send(await addItem(p, actorOf(req), req.params.id, req.body)),
    );

    app.get('/homecare/orders', { schema: { tags, summary: 'Service orders in scope (a provider: its own; an elderly person: their own)', querystring: page.merge(ordersQuery), response: { 200: paged(orderView) } } }, async (req) =>
      listOrders(p, actorOf(req), req.query),
    );
    app.post('/homecare/orders', { schema: { tags, summary: 'Request a service for an elderly person', body: orderInput, response: { 201: orderDetail } } }, async (req, reply) =>
      reply.status(201).send(await createOrder(p, actorOf(req), req.body)),
    );
    app.get('/homecare/orders/:id', { schema: { tags, summary: 'An order with every change of its status (audited)', params: idParam, response: { 200: orderDetail } } }, async (req) =>
      getOrder(p, actorOf(req), req.params.id),
    );
    app.post('/homecare/orders/:id/:action', { schema: { tags, summary: 'Accept, record the visit, confirm (the care card pays), rate or cancel an order', params: orderActionParams, body: orderActionInput, response: { 200: orderDetail } } }, async (req) =>
      actOnOrder(p, actorOf(req), req.params.id, req.params.action, req.body),
    );

    app.get('/homecare/accounts', { schema: { tags, summary: 'Care-card or time-bank accounts of people in scope, with balance, held and available', querystring: page.merge(accountsQuery), response: { 200: paged(accountView) } } }, async (req) =>
      listAccounts(p, actorOf(req), req.query),
    );
    app.get('/homecare/accounts/:id/statement', { schema: { tags, summary: 'A person’s statement: every movement with the balance after it (audited)', params: idParam, querystring: page, response: { 200: statementView } } }, async (req) =>
      accountStatement(p, actorOf(req), req.params.id, req.query),
    );
    app.post('/homecare/card/issue', { schema: { tags, summary: 'Issue care-card money to an elderly person (idempotent by key)', body: issueInput, response: { 200: movementView } } }, async (req) =>
      issueCard(p, actorOf(req), req.body),
    );
    app.post('/homecare/card/refund', { schema: { tags, summary: 'Refund part or all of a care-card payment to the card (idempotent by key)', body: refundInput, response: { 200: movementView } } }, async (req) =>
      refundCard(p, actorOf(req), req.body),
    );
    app.post('/homecare/card/accounts/:id/expire', { schema: { tags, summary: 'Expire a card’s available balance (idempotent by key)', params: idParam, body: expireInput, response: { 200: movementView } } }, async (req) =>
      expireCard(p, actorOf(req), req.params.id, req.body),
    );
    app.get('/homecare/card/summary', { schema: { tags, summary: 'By county: issued, spent, refunded, expired, outstanding and held', response: { 200: cardSummaryView } } }, async (req) =>
      cardSummary(p, actorOf(req)),
    );

    app.get('/homecare/time/rules', { schema: { tags, summary: 'The time bank’s exchange rules (dated data)', response: { 200: z.array(timeRuleView) } } }, async () => timeRules(p));
    app.get('/homecare/time/services', { schema: { tags, summary: 'Volunteer services recorded in scope (a volunteer: their own)', querystring: servicesQuery, response: { 200: z.array(volunteerServiceView) } } }, async (req) =>
      listVolunteerServices(p, actorOf(req), req.query),
    );
    app.post('/homecare/time/services', { schema: { tags, summary: 'Record a volunteer’s service', body: volunteerServiceInput, response: { 201: volunteerServiceView } } }, async (req, reply) =>
      reply.status(201).send(await recordVolunteerService(p, actorOf(req), req.body)),
    );
    app.post('/homecare/time/services/:id/confirm', { schema: { tags, summary: 'Confirm a service: the volunteer earns its hours', params: idParam, response: { 200: volunteerServiceView } } }, async (req) =>
      decideVolunteerService(p, actorOf(req), req.params.id, 'confirm'),
    );
    app.post('/homecare/time/services/:id/reject', { schema: { tags, summary: 'Reject a recorded service', params: idParam, response: { 200: volunteerServiceView } } }, async (req) =>
      decideVolunteerService(p, actorOf(req), req.params.id, 'reject'),
    );
    app.post('/homecare/time/redeem', { schema: { tags, summary: 'Redeem hours for a service received (idempotent by key)', body: redeemInput, response: { 200: movementView } } }, async (req) =>
      redeemTime(p, actorOf(req), req.body),
    );
    app.post('/homecare/time/transfer', { schema: { tags, summary: 'Give hours to a registered relative (idempotent by key)', body: transferInput, response: { 200: movementView } } }, async (req) =>
      transferTime(p, actorOf(req), req.body),
    );
    app.get('/homecare/time/relatives', { schema: { tags, summary: 'A person’s registered relatives and whether hours may be given to each', querystring: relativesQuery, response: { 200: z.array(relativeView) } } }, async (req) =>
      listRelatives(p, actorOf(req), req.query.personId),
    );
    app.post('/homecare/time/relatives', { schema: { tags, summary: 'Register a family link (both ways)', body: relativeInput, response: { 201: z.array(relativeView) } } }, async (req, reply) =>
      reply.status(201).send(await addRelative(p, actorOf(req), req.body)),
    );

    app.get('/homecare/visits/coverage', { schema: { tags, summary: 'Visits to special-difficulty elderly: coverage by township and each person’s next due date', querystring: coverageQuery, response: { 200: coverageView } } }, async (req) =>
      visitCoverage(p, actorOf(req), req.query),
    );
    app.post('/homecare/visits/targets', { schema: { tags, summary: 'Mark an elderly person for visits, with category and tier', body: visitTargetInput, response: { 200: coverageView } } }, async (req) =>
      setVisitTarget(p, actorOf(req), req.body),
    );
    app.post('/homecare/visits', { schema: { tags, summary: 'Record a visit', body: visitInput, response: { 201: coverageView } } }, async (req, reply) =>
      reply.status(201).send(await recordVisit(p, actorOf(req), req.body)),
    );

    app.post('/homecare/self-links', { schema: { tags, summary: 'Link an elderly person’s or volunteer’s sign-in to their person record', body: z.object({ username: z.string().trim().min(1).max(60), personId: z.uuid() }), response: { 200: z.object({ username: z.string(), personId: z.string(), personName: z.string() }) } } }, async (req) =>
      linkUserToPerson(p, actorOf(req), req.body),
    );
    app.get('/homecare/me', { schema: { tags, summary: 'An elderly person’s or volunteer’s own card, hours and orders (audited)', response: { 200: meView } } }, async (req) => myHomecare(p, actorOf(req)));
  };
}
