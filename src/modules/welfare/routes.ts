import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { translator } from '../../i18n/index.ts';
import { toXlsx } from '../../app/spreadsheet.ts';
import {
  categoriesView,
  childFile,
  childInput,
  childListItem,
  childrenPageQuery,
  childrenQuery,
  computeInput,
  contactInput,
  countsQuery,
  countsView,
  endInput,
  membershipInput,
  overdueQuery,
  overdueView,
  runDetail,
  runView,
  runsQuery,
  visitInput,
  workerInput,
  workersQuery,
  workerView,
} from './contract.ts';
import { countChildren, exportChildren, listCategories, listChildren } from './children.service.ts';
import { addMembership, endMembership, getChild, registerChild, updateContact } from './files.service.ts';
import { approveRun, computeSupport, getRun, listRuns } from './support.service.ts';
import { overdueVisits, recordVisit } from './visits.service.ts';
import { addWorker, listWorkers } from './workers.service.ts';
import { categoryOf } from './rules.ts';
import { activityInput, homeDetail, homeInput, homeLinkInput, homesQuery, homeTargetsView, homeView } from './contract.ts';
import { addActivity, addHome, getHome, homeTargetsIn, linkHome, listHomes } from './homes.service.ts';

const tags = ['welfare'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const yuan = (fen: number) => fen / 100;

export function welfareRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/welfare/categories', { schema: { tags, summary: 'The categories of key children with their basis, classification and visit interval in force (data)', response: { 200: categoriesView } } }, async (req) =>
      listCategories(actorOf(req), p.today()),
    );

    app.get(
      '/welfare/children',
      { schema: { tags, summary: 'Key children in scope: filter by category, unit, name; active (under 18, holding a category today) or all', querystring: childrenPageQuery, response: { 200: paged(childListItem) } } },
      async (req) => listChildren(p, actorOf(req), req.query),
    );

    app.get('/welfare/children/export.xlsx', { schema: { tags, summary: 'Spreadsheet of the key children matching the filters (audited)', querystring: childrenQuery } }, async (req, reply) => {
      const rows = await exportChildren(p, actorOf(req), req.query);
      const t = translator(req.locale);
      const zh = req.locale === 'zh-CN';
      const cat = (c: { category: string; subclass: string | null }) => {
        const def = categoryOf(c.category);
        const sub = def?.subclasses.find((s) => s.code === c.subclass);
        const name = def ? (zh ? def.zh : def.en) : c.category;
        if (!sub) return name;
        return zh ? `${name}（${sub.zh}）` : `${name} (${sub.en})`;
      };
      const buf = await toXlsx(t('welfare:ledger.title'), [
        { header: t('welfare:field.name'), width: 12, value: (r: (typeof rows)[number]) => r.name },
        { header: t('welfare:field.sex'), width: 6, value: (r) => t(`welfare:sex.${r.sex}`) },
        { header: t('welfare:field.birthDate'), width: 12, value: (r) => r.birthDate },
        { header: t('welfare:field.age'), width: 6, value: (r) => r.age },
        { header: t('welfare:field.unit'), width: 18, value: (r) => r.unitName },
        { header: t('welfare:field.categories'), width: 36, value: (r) => r.categories.map(cat).join('、') },
        { header: t('welfare:field.director'), width: 12, value: (r) => r.directorName ?? '' },
        { header: t('welfare:field.lastVisitOn'), width: 12, value: (r) => r.lastVisitOn ?? '' },
        { header: t('welfare:field.nextDueOn'), width: 12, value: (r) => r.nextDueOn ?? '' },
        { header: t('welfare:field.overdue'), width: 8, value: (r) => (r.overdue ? t('welfare:overdue.yes') : '') },
      ], rows);
      return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="welfare-children.xlsx"').send(buf);
    });

    app.get('/welfare/counts', { schema: { tags, summary: 'Active key children in scope by category, and how many are overdue for a visit', querystring: countsQuery, response: { 200: countsView } } }, async (req) =>
      countChildren(p, actorOf(req), req.query),
    );

    app.post('/welfare/children', { schema: { tags, summary: 'Open a key child’s file for a person of the registry, with the first category', body: childInput, response: { 201: childFile } } }, async (req, reply) =>
      reply.status(201).send(await registerChild(p, actorOf(req), req.body)),
    );

    app.get('/welfare/children/:id', { schema: { tags, summary: 'A key child’s independent file: categories, visits, contact card, support (audited)', params: idParam, response: { 200: childFile } } }, async (req) =>
      getChild(p, actorOf(req), req.params.id),
    );

    app.get('/welfare/children/:id/contact-card', { schema: { tags, summary: 'The child’s contact card for printing (audited)', params: idParam, response: { 200: childFile } } }, async (req) =>
      getChild(p, actorOf(req), req.params.id, 'contactCard'),
    );

    app.put('/welfare/children/:id/contact', { schema: { tags, summary: 'Change the contact card: director, supervisor, guardian and phones', params: idParam, body: contactInput, response: { 200: childFile } } }, async (req) =>
      updateContact(p, actorOf(req), req.params.id, req.body),
    );

    app.post('/welfare/children/:id/memberships', { schema: { tags, summary: 'Add a category with its basis and start date', params: idParam, body: membershipInput, response: { 201: childFile } } }, async (req, reply) =>
      reply.status(201).send(await addMembership(p, actorOf(req), req.params.id, req.body)),
    );

    app.post('/welfare/memberships/:id/end', { schema: { tags, summary: 'End a category with the date and reason', params: idParam, body: endInput, response: { 200: childFile } } }, async (req) =>
      endMembership(p, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/welfare/children/:id/visits',
      { schema: { tags, summary: 'Record a visit (the same child, day and visitor twice is one visit)', params: idParam, body: visitInput, response: { 200: childFile, 201: childFile } } },
      async (req, reply) => {
        const r = await recordVisit(p, actorOf(req), req.params.id, req.body);
        return reply.status(r.created ? 201 : 200).send(r.file);
      },
    );

    app.get('/welfare/visits/overdue', { schema: { tags, summary: 'Children overdue for a visit, with counts per village and township', querystring: overdueQuery, response: { 200: overdueView } } }, async (req) =>
      overdueVisits(p, actorOf(req), req.query),
    );

    app.get('/welfare/workers', { schema: { tags, summary: 'Child supervisors (township) and directors (village) with their caseloads', querystring: workersQuery, response: { 200: z.array(workerView) } } }, async (req) =>
      listWorkers(p, actorOf(req), req.query),
    );

    app.post('/welfare/workers', { schema: { tags, summary: 'Add a child supervisor or director', body: workerInput, response: { 201: workerView } } }, async (req, reply) =>
      reply.status(201).send(await addWorker(p, actorOf(req), req.body)),
    );

    app.post('/welfare/support/compute', { schema: { tags, summary: 'Compute a county’s month of basic living support from the ledger; an approved month is kept', body: computeInput, response: { 200: runView } } }, async (req) =>
      computeSupport(p, actorOf(req), req.body),
    );

    app.get('/welfare/support/runs', { schema: { tags, summary: 'Counties’ months of basic living support in scope', querystring: runsQuery, response: { 200: z.array(runView) } } }, async (req) =>
      listRuns(p, actorOf(req), req.query),
    );

    app.get('/welfare/support/runs/:id', { schema: { tags, summary: 'A month with one line per child and standard: rate, days, amount (audited)', params: idParam, response: { 200: runDetail } } }, async (req) =>
      getRun(p, actorOf(req), req.params.id),
    );

    app.get('/welfare/support/runs/:id/lines.xlsx', { schema: { tags, summary: 'Spreadsheet of a month’s lines (audited)', params: idParam } }, async (req, reply) => {
      const run = await getRun(p, actorOf(req), req.params.id);
      const t = translator(req.locale);
      const buf = await toXlsx(`${run.month} ${run.unitName}`, [
        { header: t('welfare:field.name'), width: 12, value: (l: (typeof run.lines)[number]) => l.childName },
        { header: t('welfare:field.unit'), width: 18, value: (l) => l.unitName },
        { header: t('welfare:field.standard'), width: 24, value: (l) => t(`welfare:standard.${l.ruleCode}`) },
        { header: t('welfare:field.rateYuan'), width: 12, value: (l) => yuan(l.rateFen) },
        { header: t('welfare:field.days'), width: 8, value: (l) => l.days },
        { header: t('welfare:field.daysInMonth'), width: 8, value: (l) => l.daysInMonth },
        { header: t('welfare:field.spans'), width: 26, value: (l) => l.spans.map(([a, b]) => (a === b ? a : `${a}~${b}`)).join(', ') },
        { header: t('welfare:field.amountYuan'), width: 12, value: (l) => yuan(l.amountFen) },
      ], run.lines);
      return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="welfare-support.xlsx"').send(buf);
    });

    app.get('/welfare/homes', { schema: { tags, summary: 'Children’s homes in scope: basic and demonstration, the "1+N" link, activities in the last year', querystring: homesQuery, response: { 200: z.array(homeView) } } }, async (req) =>
      listHomes(p, actorOf(req), req.query),
    );

    app.get('/welfare/homes/targets', { schema: { tags, summary: 'The plan’s targets over the homes in scope: demonstration ≥ 15%, ≥ 1 per township, basic homes linked', querystring: countsQuery, response: { 200: homeTargetsView } } }, async (req) =>
      homeTargetsIn(p, actorOf(req), req.query),
    );

    app.post('/welfare/homes', { schema: { tags, summary: 'Register a children’s home', body: homeInput, response: { 201: homeDetail } } }, async (req, reply) =>
      reply.status(201).send(await addHome(p, actorOf(req), req.body)),
    );

    app.get('/welfare/homes/:id', { schema: { tags, summary: 'A children’s home with its activities and linked basic homes', params: idParam, response: { 200: homeDetail } } }, async (req) =>
      getHome(p, actorOf(req), req.params.id),
    );

    app.put('/welfare/homes/:id/hub', { schema: { tags, summary: 'Link a basic home to a demonstration home ("1+N"), or unlink it', params: idParam, body: homeLinkInput, response: { 200: homeDetail } } }, async (req) =>
      linkHome(p, actorOf(req), req.params.id, req.body.hubId),
    );

    app.post('/welfare/homes/:id/activities', { schema: { tags, summary: 'Record an activity of a home (the same day and title twice is one activity)', params: idParam, body: activityInput, response: { 200: homeDetail } } }, async (req) =>
      addActivity(p, actorOf(req), req.params.id, req.body),
    );

    app.post('/welfare/support/runs/:id/approve', { schema: { tags, summary: 'Approve a computed month (county)', params: idParam, response: { 200: runView } } }, async (req) =>
      approveRun(p, actorOf(req), req.params.id),
    );
  };
}
