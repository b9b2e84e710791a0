import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, page, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { translator } from '../../i18n/index.ts';
import { toXlsx } from '../../app/spreadsheet.ts';
import {
  claimDecision,
  claimInput,
  claimView,
  claimsQuery,
  computeInput,
  computeResult,
  monthDetail,
  monthListItem,
  monthsQuery,
  overviewQuery,
  overviewView,
  payInput,
  ruleInput,
  ruleView,
} from './contract.ts';
import { addRuleVersion, listRules } from './rules.service.ts';
import { computeMonth } from './run.service.ts';
import { approveMonth, exportMonths, getMonth, listMonths, payMonth, subsidyOverview } from './months.service.ts';
import { decideClaim, listClaims, submitClaim } from './claims.service.ts';

const tags = ['subsidies'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const yuan = (fen: number) => fen / 100;

export function subsidyRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/subsidies/rules', { schema: { tags, summary: 'Every version of the subsidy rules (dated data), with whether it is in force today', response: { 200: z.array(ruleView) } } }, async (req) =>
      listRules(p, actorOf(req)),
    );

    app.post(
      '/subsidies/rules',
      {
        schema: {
          tags,
          summary: 'Add a rule version (city); an open-ended earlier version of the code closes the day before',
          body: ruleInput,
          response: { 201: ruleView },
        },
      },
      async (req, reply) => reply.status(201).send(await addRuleVersion(p, actorOf(req), req.body)),
    );

    app.post(
      '/subsidies/months/compute',
      {
        schema: {
          tags,
          summary: 'Compute an ended month for the filed centers in scope (or under a unit, or one center) from enrolments; approved and paid months are kept',
          body: computeInput,
          response: { 200: computeResult },
        },
      },
      async (req) => computeMonth(p, actorOf(req), req.body),
    );

    app.get(
      '/subsidies/months',
      { schema: { tags, summary: 'Centers’ subsidy months in scope; filter by month, unit, status, center, name; sort', querystring: page.merge(monthsQuery), response: { 200: paged(monthListItem) } } },
      async (req) => listMonths(p, actorOf(req), req.query),
    );

    app.get('/subsidies/months/export.xlsx', { schema: { tags, summary: 'Spreadsheet of the subsidy months matching the filters', querystring: monthsQuery } }, async (req, reply) => {
      const rows = await exportMonths(p, actorOf(req), req.query);
      const t = translator(req.locale);
      const buf = await toXlsx(t('subsidies:months.title'), [
        { header: t('subsidies:field.month'), width: 10, value: (r: (typeof rows)[number]) => r.month },
        { header: t('subsidies:field.center'), width: 30, value: (r) => r.centerName },
        { header: t('subsidies:field.unit'), width: 16, value: (r) => r.unitName },
        { header: t('subsidies:field.unitCode'), width: 14, value: (r) => r.unitCode },
        { header: t('subsidies:field.children'), width: 8, value: (r) => r.children },
        { header: t('subsidies:field.totalYuan'), width: 14, value: (r) => yuan(r.totalFen) },
        { header: t('subsidies:field.status'), width: 10, value: (r) => t(`subsidies:status.${r.status}`) },
        { header: t('subsidies:field.approvedBy'), width: 16, value: (r) => r.approvedByName ?? '' },
        { header: t('subsidies:field.paidOn'), width: 12, value: (r) => r.paidOn ?? '' },
      ], rows);
      return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="subsidy-months.xlsx"').send(buf);
    });

    app.get('/subsidies/months/:id', { schema: { tags, summary: 'A center’s month with one line per child and rule: which rule, which days, the amount (audited)', params: idParam, response: { 200: monthDetail } } }, async (req) =>
      getMonth(p, actorOf(req), req.params.id),
    );

    app.get('/subsidies/months/:id/lines.xlsx', { schema: { tags, summary: 'Spreadsheet of a month’s lines (audited)', params: idParam } }, async (req, reply) => {
      const m = await getMonth(p, actorOf(req), req.params.id);
      const t = translator(req.locale);
      const buf = await toXlsx(`${m.month} ${m.centerName}`, [
        { header: t('subsidies:field.child'), width: 12, value: (l: (typeof m.lines)[number]) => l.childName },
        { header: t('subsidies:field.rule'), width: 26, value: (l) => t(`subsidies:rule.${l.ruleCode}`, { defaultValue: l.ruleCode }) },
        { header: t('subsidies:field.rateYuan'), width: 12, value: (l) => yuan(l.rateFen) },
        { header: t('subsidies:field.days'), width: 8, value: (l) => l.days },
        { header: t('subsidies:field.daysInMonth'), width: 8, value: (l) => l.daysInMonth },
        { header: t('subsidies:field.spans'), width: 26, value: (l) => l.spans.map(([a, b]) => (a === b ? a : `${a}~${b}`)).join(', ') },
        { header: t('subsidies:field.amountYuan'), width: 12, value: (l) => yuan(l.amountFen) },
      ], m.lines);
      return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="subsidy-lines.xlsx"').send(buf);
    });

    app.post('/subsidies/months/:id/approve', { schema: { tags, summary: 'Approve a computed month (county)', params: idParam, response: { 200: monthDetail } } }, async (req) =>
      approveMonth(p, actorOf(req), req.params.id),
    );

    app.post('/subsidies/months/:id/pay', { schema: { tags, summary: 'Record the payment of an approved month', params: idParam, body: payInput, response: { 200: monthDetail } } }, async (req) =>
      payMonth(p, actorOf(req), req.params.id, req.body),
    );

    app.get('/subsidies/overview', { schema: { tags, summary: 'A month by county unit: centers, children, computed, approved and paid amounts', querystring: overviewQuery, response: { 200: overviewView } } }, async (req) =>
      subsidyOverview(p, actorOf(req), req.query),
    );

    app.get('/subsidies/claims', { schema: { tags, summary: 'One-time subsidy claims in scope (premises, converted places)', querystring: claimsQuery, response: { 200: z.array(claimView) } } }, async (req) =>
      listClaims(p, actorOf(req), req.query),
    );

    app.post('/subsidies/claims', { schema: { tags, summary: 'Claim a one-time subsidy for one’s own center', body: claimInput, response: { 201: claimView } } }, async (req, reply) =>
      reply.status(201).send(await submitClaim(p, actorOf(req), req.body)),
    );

    app.post('/subsidies/claims/:id/decision', { schema: { tags, summary: 'Approve (the amount is computed from the rule) or reject with a reason (county)', params: idParam, body: claimDecision, response: { 200: claimView } } }, async (req) =>
      decideClaim(p, actorOf(req), req.params.id, req.body),
    );
  };
}
