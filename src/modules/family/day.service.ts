import { and, desc, eq } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { childcareCenters } from '../childcare/index.ts';
import { assertGuardianOf } from '../guardianship/index.ts';
import { persons } from '../people/index.ts';
import { dishNutrients, planNutrition, rounded } from './nutrition.ts';
import { familyAttendance, familyDailyReports, familyMealPlans, familyNotices } from './schema.ts';
import type { ChildDayView } from './contract.ts';
import { iso, isoWeekday, weekStartOf } from './shared.ts';
import { attendanceColumns, toAttendance } from './attendance.service.ts';
import { reportViews } from './reports.service.ts';
import { currentEnrolment } from './shared.ts';
import { noticeColumns } from './messages.service.ts';

export async function childDay(p: Platform, actor: Actor, personId: string, day = p.today()): Promise<ChildDayView> {
  requirePermission(actor, 'family.parent');
  return p.db.transaction(async (tx) => {
    const link = await assertGuardianOf(tx, actor, personId);
    const [child] = await tx.select({ name: persons.name }).from(persons).where(and(eq(persons.id, personId), inScope(persons.unitCode, actor))).limit(1);
    if (!child) throw AppError.notFound();
    const e = await currentEnrolment(tx, personId, day);
    await appendAudit(tx, actor, { action: 'family.day.parent_view', entityType: 'person', entityId: personId, unitCode: link.unitCode, detail: { day } });
    if (!e) return { personId, childName: child.name, day, enrolment: null, attendance: null, report: null, menu: [], menuTotals: null, notices: [] };
    const centerScope = { scope: e.unitCode };
    const [att] = await tx
      .select(attendanceColumns)
      .from(familyAttendance)
      .where(and(eq(familyAttendance.enrolmentId, e.id), eq(familyAttendance.day, day), inScope(familyAttendance.unitCode, centerScope)))
      .limit(1);
    const [report] = await reportViews(tx, and(eq(familyDailyReports.enrolmentId, e.id), eq(familyDailyReports.day, day), inScope(familyDailyReports.unitCode, centerScope)));
    const [plan] = await tx
      .select({ dishes: familyMealPlans.dishes })
      .from(familyMealPlans)
      .where(and(eq(familyMealPlans.centerId, e.centerId), eq(familyMealPlans.weekStart, weekStartOf(day)), inScope(familyMealPlans.unitCode, centerScope)))
      .limit(1);
    const menu = (plan?.dishes ?? []).filter((d) => d.weekday === isoWeekday(day));
    const notices = await tx
      .select(noticeColumns)
      .from(familyNotices)
      .innerJoin(childcareCenters, eq(childcareCenters.id, familyNotices.centerId))
      .where(and(eq(familyNotices.centerId, e.centerId), inScope(familyNotices.unitCode, centerScope)))
      .orderBy(desc(familyNotices.publishedAt))
      .limit(5);
    return {
      personId,
      childName: child.name,
      day,
      enrolment: { centerId: e.centerId, centerName: e.centerName, className: e.className, careType: e.careType, startDate: e.startDate },
      attendance: att ? toAttendance(att) : null,
      report: report ?? null,
      menu: menu.map((d) => ({ ...d, nutrients: rounded(dishNutrients(d)) })),
      menuTotals: menu.length ? planNutrition(menu).dailyAverage : null,
      notices: notices.map((n) => ({ ...n, publishedAt: iso(n.publishedAt)! })),
    };
  });
}
