import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import {
  absentInput,
  activityInput,
  activityView,
  attendanceView,
  checkInInput,
  checkOutInput,
  childDayView,
  dayQuery,
  foodTable,
  homeVisitInput,
  homeVisitView,
  mealPlanInput,
  mealPlanView,
  messageInput,
  messageView,
  noticeInput,
  noticeView,
  reportInput,
  reportView,
  rosterRow,
  staffCenterView,
  staffMessageInput,
  threadView,
  weekQuery,
  centerDueItem,
  tourInput,
  tourView,
  tourScheduleRow,
} from './contract.ts';
import { FOOD_TABLE } from './nutrition.ts';
import { centerImmunisation, centerTours, recordTour, tourSchedule } from './health.service.ts';
import { bookActivity, cancelActivityBooking, centerActivities, createActivity, homeVisits, parentActivities, recordHomeVisit } from './activities.service.ts';
import { checkIn, checkOut, markAbsent, roster, staffCenters } from './attendance.service.ts';
import { childDay } from './day.service.ts';
import { mealPlan, saveMealPlan } from './meals.service.ts';
import { centerNotices, parentMessages, publishNotice, sendParentMessage, sendStaffMessage, staffMessages, threads } from './messages.service.ts';
import { centerReports, reportPhoto, writeReport } from './reports.service.ts';

const tags = ['family'];
const personParam = z.object({ id: z.uuid() });

export function familyRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/family/foods', { schema: { tags, summary: 'The food-composition table the meal plans use (中国食物成分表 标准版 第6版)', response: { 200: foodTable } } }, async () => FOOD_TABLE);

    // ---- a center's staff ----
    app.get('/family/centers', { schema: { tags, summary: 'The centers the user works for', response: { 200: z.array(staffCenterView) } } }, async (req) => staffCenters(p, actorOf(req)));
    app.get('/family/centers/:id/roster', { schema: { tags, summary: 'Children enrolled on a day with attendance and report status', params: idParam, querystring: dayQuery, response: { 200: z.array(rosterRow) } } }, async (req) =>
      roster(p, actorOf(req), req.params.id, req.query.day),
    );
    app.post('/family/centers/:id/attendance/check-in', { schema: { tags, summary: 'Check a child in, with who brought them', params: idParam, body: checkInInput, response: { 200: attendanceView } } }, async (req) =>
      checkIn(p, actorOf(req), req.params.id, req.body),
    );
    app.post('/family/centers/:id/attendance/check-out', { schema: { tags, summary: 'Check a child out, with who picked them up', params: idParam, body: checkOutInput, response: { 200: attendanceView } } }, async (req) =>
      checkOut(p, actorOf(req), req.params.id, req.body),
    );
    app.post('/family/centers/:id/attendance/absent', { schema: { tags, summary: 'Record a child’s absence for a day', params: idParam, body: absentInput, response: { 200: attendanceView } } }, async (req) =>
      markAbsent(p, actorOf(req), req.params.id, req.body),
    );
    app.get('/family/centers/:id/reports', { schema: { tags, summary: 'The day’s reports of a center', params: idParam, querystring: dayQuery, response: { 200: z.array(reportView) } } }, async (req) =>
      centerReports(p, actorOf(req), req.params.id, req.query.day),
    );
    app.put('/family/centers/:id/reports', { schema: { tags, summary: 'Write a child’s report of the day (meals, nap, mood, activities, photos)', params: idParam, body: reportInput, response: { 200: reportView } } }, async (req) =>
      writeReport(p, actorOf(req), req.params.id, req.body),
    );
    app.get('/family/centers/:id/threads', { schema: { tags, summary: 'Conversations with the families of enrolled children', params: idParam, response: { 200: z.array(threadView) } } }, async (req) =>
      threads(p, actorOf(req), req.params.id),
    );
    app.get(
      '/family/centers/:id/messages',
      { schema: { tags, summary: 'One child’s conversation (marks the family’s messages read)', params: idParam, querystring: z.object({ personId: z.uuid() }), response: { 200: z.array(messageView) } } },
      async (req) => staffMessages(p, actorOf(req), req.params.id, req.query.personId),
    );
    app.post('/family/centers/:id/messages', { schema: { tags, summary: 'Send a message to a child’s family', params: idParam, body: staffMessageInput, response: { 201: messageView } } }, async (req, reply) =>
      reply.status(201).send(await sendStaffMessage(p, actorOf(req), req.params.id, req.body.personId, req.body.body)),
    );
    app.get('/family/centers/:id/notices', { schema: { tags, summary: 'The center’s notices', params: idParam, response: { 200: z.array(noticeView) } } }, async (req) => centerNotices(p, actorOf(req), req.params.id));
    app.post('/family/centers/:id/notices', { schema: { tags, summary: 'Publish a notice to the center’s families', params: idParam, body: noticeInput, response: { 201: noticeView } } }, async (req, reply) =>
      reply.status(201).send(await publishNotice(p, actorOf(req), req.params.id, req.body)),
    );
    app.get('/family/centers/:id/meal-plan', { schema: { tags, summary: 'The week’s meal plan with nutrition totals', params: idParam, querystring: weekQuery, response: { 200: mealPlanView } } }, async (req) =>
      mealPlan(p, actorOf(req), req.params.id, req.query.weekStart),
    );
    app.put('/family/centers/:id/meal-plan', { schema: { tags, summary: 'Save the week’s meal plan (dishes with foods in grams)', params: idParam, body: mealPlanInput, response: { 200: mealPlanView } } }, async (req) =>
      saveMealPlan(p, actorOf(req), req.params.id, req.body),
    );
    app.get('/family/centers/:id/activities', { schema: { tags, summary: 'Parenting-guidance activities of the center', params: idParam, response: { 200: z.array(activityView) } } }, async (req) =>
      centerActivities(p, actorOf(req), req.params.id),
    );
    app.post('/family/centers/:id/activities', { schema: { tags, summary: 'Offer a parenting-guidance activity', params: idParam, body: activityInput, response: { 201: activityView } } }, async (req, reply) =>
      reply.status(201).send(await createActivity(p, actorOf(req), req.params.id, req.body)),
    );
    app.get('/family/centers/:id/home-visits', { schema: { tags, summary: 'Home visits by the center’s staff', params: idParam, response: { 200: z.array(homeVisitView) } } }, async (req) =>
      homeVisits(p, actorOf(req), req.params.id),
    );
    app.post('/family/centers/:id/home-visits', { schema: { tags, summary: 'Record a home visit', params: idParam, body: homeVisitInput, response: { 201: homeVisitView } } }, async (req, reply) =>
      reply.status(201).send(await recordHomeVisit(p, actorOf(req), req.params.id, req.body)),
    );
    app.get('/family/photos/:id', { schema: { tags, summary: 'A photo of a daily report (the center’s staff or the child’s guardian)', params: idParam } }, async (req, reply) => {
      const ph = await reportPhoto(p, actorOf(req), req.params.id);
      return reply.header('content-type', ph.mimeType).header('cache-control', 'private, max-age=3600').send(Buffer.from(ph.content));
    });

    // ---- infant health at a center: vaccinations to check, guidance tours ----
    app.get(
      '/family/centers/:id/immunisation',
      { schema: { tags, summary: 'Vaccinations due or overdue for the children enrolled at the center (audited)', params: idParam, response: { 200: z.array(centerDueItem) } } },
      async (req) => centerImmunisation(p, actorOf(req), req.params.id),
    );
    app.get('/family/centers/:id/tours', { schema: { tags, summary: 'Child-health doctors’ guidance tours to the center', params: idParam, response: { 200: z.array(tourView) } } }, async (req) =>
      centerTours(p, actorOf(req), req.params.id),
    );
    app.post('/family/centers/:id/tours', { schema: { tags, summary: 'Record a guidance tour (child-health doctor)', params: idParam, body: tourInput, response: { 201: tourView } } }, async (req, reply) =>
      reply.status(201).send(await recordTour(p, actorOf(req), req.params.id, req.body)),
    );
    app.get('/family/tour-schedule', { schema: { tags, summary: 'Centers in scope with their last guidance tour and when the next is due', response: { 200: z.array(tourScheduleRow) } } }, async (req) =>
      tourSchedule(p, actorOf(req)),
    );

    // ---- the parent ----
    app.get('/parent/children/:id/day', { schema: { tags, summary: 'The child’s day at the center: attendance, report, menu, notices (audited)', params: personParam, querystring: dayQuery, response: { 200: childDayView } } }, async (req) =>
      childDay(p, actorOf(req), req.params.id, req.query.day),
    );
    app.get('/parent/children/:id/messages', { schema: { tags, summary: 'The conversation with the child’s center', params: personParam, response: { 200: z.array(messageView) } } }, async (req) =>
      parentMessages(p, actorOf(req), req.params.id),
    );
    app.post('/parent/children/:id/messages', { schema: { tags, summary: 'Send a message to the child’s center', params: personParam, body: messageInput, response: { 201: messageView } } }, async (req, reply) =>
      reply.status(201).send(await sendParentMessage(p, actorOf(req), req.params.id, req.body.body)),
    );
    app.get('/parent/children/:id/activities', { schema: { tags, summary: 'Parenting-guidance activities of the child’s center', params: personParam, response: { 200: z.array(activityView) } } }, async (req) =>
      parentActivities(p, actorOf(req), req.params.id),
    );
    app.post(
      '/parent/children/:id/activities/:activityId/book',
      { schema: { tags, summary: 'Book a place at an activity', params: z.object({ id: z.uuid(), activityId: z.uuid() }), response: { 201: activityView } } },
      async (req, reply) => reply.status(201).send(await bookActivity(p, actorOf(req), req.params.id, req.params.activityId)),
    );
    app.post(
      '/parent/children/:id/activities/:activityId/cancel',
      { schema: { tags, summary: 'Cancel the child’s booking before the activity starts', params: z.object({ id: z.uuid(), activityId: z.uuid() }), response: { 200: activityView } } },
      async (req) => cancelActivityBooking(p, actorOf(req), req.params.id, req.params.activityId),
    );
  };
}
