import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, page, paged, phone, text, unitCode } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { translator } from '../../i18n/index.ts';
import { toXlsx } from '../../app/spreadsheet.ts';
import { personSchema } from './person.ts';
import { lookupLimiter } from './lookupLimit.ts';
import { peopleCount, peopleFilters, personView, transferFilters, transferView } from './contract.ts';
import { decideTransfer, listTransfers } from './transfers.service.ts';
import {
  countPeople,
  exportPeople,
  findByIdNumber,
  getPerson,
  listPeople,
  registerPerson,
  revealIdNumber,
  updatePerson,
} from './service.ts';

export function peopleRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    const lookups = lookupLimiter();

    app.get(
      '/people',
      {
        schema: {
          tags: ['people'],
          summary: 'People in the caller’s scope (ID numbers masked)',
          querystring: page.merge(peopleFilters),
          response: { 200: paged(personView) },
        },
      },
      async (req) => listPeople(p, actorOf(req), req.query),
    );

    app.get(
      '/people/export.xlsx',
      { schema: { tags: ['people'], summary: 'Spreadsheet of the people matching the filters (masked)', querystring: peopleFilters } },
      async (req, reply) => {
        const rows = await exportPeople(p, actorOf(req), req.query);
        const t = translator(req.locale);
        const buf = await toXlsx(t('people:title'), [
          { header: t('people:field.name'), width: 12, value: (r: (typeof rows)[number]) => r.name },
          { header: t('people:field.idNumber'), width: 22, value: (r) => r.idNumberMasked },
          { header: t('people:field.sex'), width: 6, value: (r) => t(`common:sex.${r.sex}`) },
          { header: t('people:field.birthDate'), width: 12, value: (r) => r.birthDate },
          { header: t('people:field.age'), width: 6, value: (r) => r.age },
          { header: t('people:field.unit'), width: 18, value: (r) => r.unitName },
          { header: t('people:field.unitCode'), width: 14, value: (r) => r.unitCode },
          { header: t('people:field.phone'), width: 14, value: (r) => r.phone ?? '' },
          { header: t('people:field.address'), width: 30, value: (r) => r.address ?? '' },
        ], rows);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="people.xlsx"`)
          .send(buf);
      },
    );

    app.get(
      '/people/counts',
      {
        schema: {
          tags: ['people'],
          summary: 'Registered people by child unit of a unit in scope',
          querystring: z.object({ unitCode }),
          response: { 200: z.array(peopleCount) },
        },
      },
      async (req) => countPeople(p, actorOf(req), req.query.unitCode),
    );

    app.post(
      '/people/lookup',
      {
        schema: {
          tags: ['people'],
          summary: 'Find a person in scope by citizen ID number (POST keeps the number out of URLs and logs); audited, limited per user',
          body: z.object({ idNumber: z.string().trim().min(1).max(30) }),
          response: { 200: personView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        lookups.take(actor.id ?? actor.username);
        return findByIdNumber(p, actor, req.body.idNumber);
      },
    );

    app.get(
      '/people/transfers',
      {
        schema: {
          tags: ['people'],
          summary: 'Transfers of people touching the caller’s scope, each showing only the caller’s side of it',
          querystring: page.merge(transferFilters),
          response: { 200: paged(transferView) },
        },
      },
      async (req) => listTransfers(p, actorOf(req), req.query),
    );

    app.post(
      '/people/transfers/:id/decision',
      {
        schema: {
          tags: ['people'],
          summary: 'Approve (the person moves) or reject a transfer; for the administrator covering both units',
          params: idParam,
          body: z.object({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(200).optional() }),
          response: { 200: transferView },
        },
      },
      async (req) => decideTransfer(p, actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/people/:id',
      { schema: { tags: ['people'], summary: 'One person (masked); the read is audited', params: idParam, response: { 200: personView } } },
      async (req) => getPerson(p, actorOf(req), req.params.id),
    );

    app.post(
      '/people/:id/id-number',
      {
        schema: {
          tags: ['people'],
          summary: 'Reveal the full ID number (roles allowed only; audited)',
          params: idParam,
          response: { 200: z.object({ idNumber: z.string() }) },
        },
      },
      async (req) => revealIdNumber(p, actorOf(req), req.params.id),
    );

    app.post(
      '/people',
      {
        schema: {
          tags: ['people'],
          summary: 'Register a person; the ID number is validated per GB 11643',
          body: personSchema(p.today),
          response: { 201: personView },
        },
      },
      async (req, reply) => reply.status(201).send(await registerPerson(p, actorOf(req), req.body)),
    );

    app.patch(
      '/people/:id',
      {
        schema: {
          tags: ['people'],
          summary: 'Change a person’s name, contact or unit',
          params: idParam,
          body: z.object({
            name: text(40).optional(),
            phone: z.union([z.literal('').transform(() => null), phone]).nullable().optional(),
            address: z.string().trim().max(120).nullable().optional(),
            unitCode: unitCode.optional(),
          }),
          response: { 200: personView },
        },
      },
      async (req) => updatePerson(p, actorOf(req), req.params.id, req.body),
    );
  };
}
