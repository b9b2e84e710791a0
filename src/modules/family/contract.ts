/** The family (home–center interaction) module's API shapes, shared with the web app. */
import { z } from 'zod';
import { isoDate, text } from '../../app/schemas.ts';
import { MEALS } from './nutrition.ts';
import { GUIDANCE_TOPICS } from '../health/vocabulary.ts';
import { ABSENCES, MEAL_AMOUNTS, MOODS, PICKUP_RELATIONS } from './vocabulary.ts';

export const dayQuery = z.object({ day: isoDate.optional() });
export const centerParams = z.object({ id: z.uuid() });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** A clock time of the day, HH:MM (Asia/Shanghai); defaults to now. */
export const clock = hhmm;

export const checkInInput = z.object({ enrolmentId: z.uuid(), day: isoDate.optional(), time: clock.optional(), droppedOffBy: text(40) });
export const checkOutInput = z.object({ enrolmentId: z.uuid(), day: isoDate.optional(), time: clock.optional(), pickedUpBy: text(40), pickedUpRelation: z.enum(PICKUP_RELATIONS) });
export const absentInput = z.object({ enrolmentId: z.uuid(), day: isoDate.optional(), absence: z.enum(ABSENCES), note: z.string().trim().max(200).optional() });

export const attendanceView = z.object({
  day: z.string(),
  checkInAt: z.string().nullable(),
  checkInByName: z.string().nullable(),
  droppedOffBy: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  checkOutByName: z.string().nullable(),
  pickedUpBy: z.string().nullable(),
  pickedUpRelation: z.enum(PICKUP_RELATIONS).nullable(),
  absence: z.enum(ABSENCES).nullable(),
  note: z.string().nullable(),
});
export type AttendanceView = z.infer<typeof attendanceView>;

export const rosterRow = z.object({
  enrolmentId: z.string(),
  personId: z.string(),
  childName: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  className: z.string(),
  careType: z.string(),
  attendance: attendanceView.nullable(),
  reportWritten: z.boolean(),
});
export type RosterRow = z.infer<typeof rosterRow>;

export const photoInput = z.object({
  mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  /** The image, base64; at most 600 kB decoded. */
  dataBase64: z.string().min(4).max(820_000),
  caption: z.string().trim().max(100).optional(),
});

export const reportInput = z.object({
  enrolmentId: z.uuid(),
  day: isoDate.optional(),
  meals: z.array(z.object({ meal: z.enum(MEALS), amount: z.enum(MEAL_AMOUNTS) })).max(5),
  napFrom: hhmm.optional(),
  napTo: hhmm.optional(),
  mood: z.enum(MOODS),
  activities: text(1000),
  notes: z.string().trim().max(1000).optional(),
  photos: z.array(photoInput).max(6).default([]),
});
export type ReportInput = z.infer<typeof reportInput>;

export const reportView = z.object({
  id: z.string(),
  personId: z.string(),
  childName: z.string(),
  day: z.string(),
  meals: z.array(z.object({ meal: z.enum(MEALS), amount: z.enum(MEAL_AMOUNTS) })),
  napFrom: z.string().nullable(),
  napTo: z.string().nullable(),
  mood: z.enum(MOODS),
  activities: z.string(),
  notes: z.string().nullable(),
  writtenByName: z.string(),
  updatedAt: z.string(),
  photos: z.array(z.object({ id: z.string(), caption: z.string().nullable() })),
});
export type ReportView = z.infer<typeof reportView>;

export const messageInput = z.object({ body: text(2000) });
export const staffMessageInput = messageInput.extend({ personId: z.uuid() });
export const messageView = z.object({
  id: z.string(),
  personId: z.string(),
  senderSide: z.enum(['parent', 'staff']),
  senderName: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type MessageView = z.infer<typeof messageView>;
export const threadView = z.object({ personId: z.string(), childName: z.string(), last: messageView.nullable(), unread: z.number() });
export type ThreadView = z.infer<typeof threadView>;

export const noticeInput = z.object({ title: text(100), body: text(4000) });
export const noticeView = z.object({ id: z.string(), centerName: z.string(), title: z.string(), body: z.string(), publishedAt: z.string(), authorName: z.string() });
export type NoticeView = z.infer<typeof noticeView>;

const ingredient = z.object({ food: z.string().min(1).max(40), grams: z.number().positive().max(1000) });
export const dishInput = z.object({ weekday: z.number().int().min(1).max(7), meal: z.enum(MEALS), name: text(60), ingredients: z.array(ingredient).min(1).max(12) });
export const mealPlanInput = z.object({ weekStart: isoDate, dishes: z.array(dishInput).min(1).max(120) });
export type MealPlanInput = z.infer<typeof mealPlanInput>;
const nutrients = z.object({ energyKcal: z.number(), proteinG: z.number(), fatG: z.number(), carbohydrateG: z.number(), fibreG: z.number() });
export const mealPlanView = z.object({
  id: z.string().nullable(),
  centerId: z.string(),
  centerName: z.string(),
  weekStart: z.string(),
  dishes: z.array(dishInput.extend({ nutrients })),
  days: z.array(z.object({ weekday: z.number(), totals: nutrients, byMeal: z.record(z.string(), nutrients), energyShare: z.object({ protein: z.number(), fat: z.number(), carbohydrate: z.number() }) })),
  dailyAverage: nutrients,
  source: z.string(),
  updatedByName: z.string().nullable(),
});
export type MealPlanView = z.infer<typeof mealPlanView>;
export const weekQuery = z.object({ weekStart: isoDate.optional() });
export const foodView = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), group: z.string(), energyKcal: z.number(), proteinG: z.number(), fatG: z.number(), carbohydrateG: z.number(), fibreG: z.number() });
export const foodTable = z.object({ edition: z.string(), basis: z.string(), foods: z.array(foodView) });

export const activityInput = z.object({ title: text(100), description: z.string().trim().max(1000).optional(), startsAt: z.iso.datetime({ offset: true }), places: z.number().int().min(1).max(500) });
export const activityView = z.object({
  id: z.string(),
  centerName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startsAt: z.string(),
  places: z.number(),
  booked: z.number(),
  /** For a parent: whether this child is booked. */
  mine: z.boolean(),
});
export type ActivityView = z.infer<typeof activityView>;

export const homeVisitInput = z.object({ personId: z.uuid(), visitedOn: isoDate, visitorName: text(40), summary: text(2000), followUp: z.string().trim().max(1000).optional() });
export const homeVisitView = z.object({ id: z.string(), personId: z.string(), childName: z.string(), visitedOn: z.string(), visitorName: z.string(), summary: z.string(), followUp: z.string().nullable() });
export type HomeVisitView = z.infer<typeof homeVisitView>;

export const staffCenterView = z.object({ id: z.string(), name: z.string(), unitCode: z.string() });

export const childDayView = z.object({
  personId: z.string(),
  childName: z.string(),
  day: z.string(),
  enrolment: z.object({ centerId: z.string(), centerName: z.string(), className: z.string(), careType: z.string(), startDate: z.string() }).nullable(),
  attendance: attendanceView.nullable(),
  report: reportView.nullable(),
  menu: z.array(dishInput.extend({ nutrients })),
  menuTotals: nutrients.nullable(),
  notices: z.array(noticeView),
});
export type ChildDayView = z.infer<typeof childDayView>;

export const centerDueItem = z.object({
  personId: z.string(),
  childName: z.string(),
  className: z.string(),
  ageMonths: z.number(),
  vaccine: z.string(),
  dose: z.number(),
  dueOn: z.string(),
  deadlineOn: z.string().nullable(),
  status: z.enum(['overdue', 'due']),
});
export type CenterDueItem = z.infer<typeof centerDueItem>;
export const tourInput = z.object({ touredOn: isoDate, topics: z.array(z.enum(GUIDANCE_TOPICS)).min(1), findings: text(2000), advice: text(2000), followUpOn: isoDate.optional() });
export const tourView = z.object({
  id: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  doctorName: z.string(),
  touredOn: z.string(),
  topics: z.array(z.string()),
  findings: z.string(),
  advice: z.string(),
  followUpOn: z.string().nullable(),
});
export type TourView = z.infer<typeof tourView>;
export const tourScheduleRow = z.object({ centerId: z.string(), centerName: z.string(), unitCode: z.string(), lastTour: z.string().nullable(), nextDue: z.string().nullable(), status: z.enum(['never', 'overdue', 'due', 'done']) });
export type TourScheduleRow = z.infer<typeof tourScheduleRow>;
