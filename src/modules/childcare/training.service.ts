/**
 * Online training and exams (一网办, SPEC §3.2): the city or a county publishes a course with
 * its question bank and exam settings; a center's operator starts a timed exam for one of
 * its staff, the answers are scored at once, and a pass issues a certificate with a
 * verification code that anyone can check (public, no login).
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { addMonths } from '../../app/dates.ts';
import { appendAudit } from '../audit/index.ts';
import { findUnit } from '../org/index.ts';
import { isOperator, loadCenter } from './access.ts';
import { drawQuestions, maskName, scoreExam, verificationCode } from './exam.ts';
import { childcareStaff, childcareStaffCertificates, trainingAttempts, trainingCertificates, trainingCourses, trainingQuestions } from './schema.ts';
import type { AttemptResult, AttemptView, CertificateCheck, CourseInput, CourseView } from './training.contract.ts';

/**
 * Courses reach the publishing unit and everything below it: a city course is open to every
 * center, a county's to that county's. (Course content is not personal data; the condition
 * is the scope prefix read in both directions.)
 */
const courseVisible = (actor: Actor) => sql`(${inScope(trainingCourses.unitCode, actor)} OR ${actor.scope} LIKE ${trainingCourses.unitCode} || '%')`;

export async function listCourses(p: Platform, actor: Actor): Promise<CourseView[]> {
  requirePermission(actor, 'childcare.read');
  return p.db.rows<CourseView>(sql`
    SELECT id, unit_code AS "unitCode", title, description, hours, question_count AS "questionCount", minutes,
           pass_mark AS "passMark", certificate_years AS "certificateYears",
           (SELECT count(*)::int FROM training_questions q WHERE q.course_id = training_courses.id) AS "bankSize"
    FROM training_courses WHERE active AND ${courseVisible(actor)} ORDER BY created_at DESC, id`);
}

export async function publishCourse(p: Platform, actor: Actor, input: CourseInput): Promise<{ id: string }> {
  requirePermission(actor, 'childcare.training');
  return p.db.transaction(async (tx) => {
    const unit = await findUnit(tx, actor.scope);
    if (!unit) throw AppError.notFound();
    const [course] = await tx
      .insert(trainingCourses)
      .values({
        unitCode: unit.code,
        title: input.title,
        description: input.description ?? null,
        hours: input.hours,
        questionCount: input.questionCount,
        minutes: input.minutes,
        passMark: input.passMark,
        certificateYears: input.certificateYears,
      })
      .returning({ id: trainingCourses.id });
    await tx.insert(trainingQuestions).values(input.questions.map((q, i) => ({ unitCode: unit.code, courseId: course.id, ordinal: i + 1, prompt: q.prompt, options: q.options, answer: q.answer })));
    await appendAudit(tx, actor, { action: 'childcare.course.publish', entityType: 'training_course', entityId: course.id, unitCode: unit.code, detail: { questions: input.questions.length } });
    return course;
  });
}

export async function startAttempt(p: Platform, actor: Actor, courseId: string, staffId: string): Promise<AttemptView> {
  requirePermission(actor, 'childcare.operate');
  return p.db.transaction(async (tx) => {
    const [course] = await tx.select().from(trainingCourses).where(and(eq(trainingCourses.id, courseId), eq(trainingCourses.active, true), courseVisible(actor))).limit(1);
    if (!course) throw AppError.notFound();
    const [staff] = await tx.select().from(childcareStaff).where(and(eq(childcareStaff.id, staffId), inScope(childcareStaff.unitCode, actor))).limit(1);
    if (!staff) throw AppError.field('staffId', 'childcare.unknownStaff');
    await loadCenter(tx, actor, staff.centerId);
    if (staff.leftOn) throw AppError.field('staffId', 'childcare.unknownStaff');
    const bank = await tx.select({ id: trainingQuestions.id }).from(trainingQuestions).where(eq(trainingQuestions.courseId, courseId)).orderBy(trainingQuestions.ordinal);
    const ids = drawQuestions(bank.map((q) => q.id), course.questionCount, () => crypto.randomInt(0, 2 ** 32) / 2 ** 32);
    const started = new Date();
    const deadline = new Date(started.getTime() + course.minutes * 60_000);
    const [attempt] = await tx
      .insert(trainingAttempts)
      .values({ unitCode: staff.unitCode, courseId, centerId: staff.centerId, staffId, questionIds: ids, startedAt: started.toISOString(), deadlineAt: deadline.toISOString() })
      .returning();
    const questions = await tx.select().from(trainingQuestions).where(sql`${trainingQuestions.id} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
    const byId = new Map(questions.map((q) => [q.id, q]));
    await appendAudit(tx, actor, { action: 'childcare.exam.start', entityType: 'training_attempt', entityId: attempt.id, unitCode: staff.unitCode });
    return {
      id: attempt.id,
      courseTitle: course.title,
      staffName: staff.name,
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      passMark: course.passMark,
      questions: ids.map((id) => ({ id, prompt: byId.get(id)!.prompt, options: byId.get(id)!.options })),
    };
  });
}

export async function submitAttempt(p: Platform, actor: Actor, attemptId: string, answers: (number | null)[]): Promise<AttemptResult> {
  requirePermission(actor, 'childcare.operate');
  return p.db.transaction(async (tx) => {
    const [attempt] = await tx.select().from(trainingAttempts).where(and(eq(trainingAttempts.id, attemptId), inScope(trainingAttempts.unitCode, actor))).limit(1).for('update');
    assertWithinScope(attempt?.unitCode, actor);
    const center = await loadCenter(tx, actor, attempt.centerId);
    if (attempt.submittedAt) throw AppError.field('answers', 'childcare.alreadySubmitted');
    if (answers.length !== attempt.questionIds.length) throw AppError.field('answers', 'childcare.answerCount', { count: attempt.questionIds.length });
    const [course] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, attempt.courseId));
    const keyRows = await tx.select({ id: trainingQuestions.id, answer: trainingQuestions.answer }).from(trainingQuestions).where(eq(trainingQuestions.courseId, attempt.courseId));
    const keyOf = new Map(keyRows.map((k) => [k.id, k.answer]));
    const now = new Date();
    const result = scoreExam(attempt.questionIds.map((id) => keyOf.get(id)!), answers, course.passMark, now, new Date(attempt.deadlineAt));
    await tx
      .update(trainingAttempts)
      .set({ submittedAt: now.toISOString(), answers: answers.map((a) => a ?? -1), correct: result.correct, score: result.score, passed: result.passed, late: result.late })
      .where(eq(trainingAttempts.id, attemptId));
    let certificateCode: string | null = null;
    if (result.passed) {
      const [staff] = await tx.select().from(childcareStaff).where(eq(childcareStaff.id, attempt.staffId));
      const issuedOn = p.today();
      const validTo = addMonths(issuedOn, course.certificateYears * 12);
      certificateCode = verificationCode(crypto.randomBytes(12));
      await tx.insert(trainingCertificates).values({
        unitCode: attempt.unitCode,
        code: certificateCode,
        attemptId,
        courseId: course.id,
        centerId: attempt.centerId,
        staffId: attempt.staffId,
        holderName: staff.name,
        courseTitle: course.title,
        centerName: center.name,
        score: result.score,
        issuedOn,
        validTo,
      });
      // The certificate joins the staff member's certificates, and the course's hours the training record.
      await tx.insert(childcareStaffCertificates).values({ unitCode: attempt.unitCode, centerId: attempt.centerId, staffId: attempt.staffId, certType: 'training', number: certificateCode, issuer: course.title, validFrom: issuedOn, validTo });
      await tx.update(childcareStaff).set({ trainingHours: sql`${childcareStaff.trainingHours} + ${course.hours}`, updatedAt: sql`now()` }).where(eq(childcareStaff.id, attempt.staffId));
    }
    await appendAudit(tx, actor, { action: 'childcare.exam.submit', entityType: 'training_attempt', entityId: attemptId, unitCode: attempt.unitCode, detail: { score: result.score, passed: result.passed } });
    return { ...result, certificateCode };
  });
}

export async function listTrainingCertificates(p: Platform, actor: Actor) {
  requirePermission(actor, 'childcare.read');
  const rows = await p.db.rows<{ id: string; code: string; holderName: string; courseTitle: string; centerName: string; score: number; issuedOn: string; validTo: string; centerId: string }>(sql`
    SELECT t.id, t.code, t.holder_name AS "holderName", t.course_title AS "courseTitle", t.center_name AS "centerName", t.score,
           t.issued_on::text AS "issuedOn", t.valid_to::text AS "validTo", t.center_id AS "centerId"
    FROM training_certificates t JOIN childcare_centers c ON c.id = t.center_id
    WHERE ${inScope(sql`t.unit_code`, actor)} ${isOperator(actor) ? sql`AND c.owner_user_id = ${actor.id}` : sql``}
    ORDER BY t.issued_on DESC, t.id LIMIT 2000`);
  return rows.map(({ centerId: _c, ...r }) => r);
}

/** The public check of a certificate by its code: no login, the holder's name masked. */
export async function checkCertificate(p: Platform, code: string): Promise<CertificateCheck> {
  const normal = code.trim().toUpperCase();
  const [row] = await p.db.orm.select().from(trainingCertificates).where(eq(trainingCertificates.code, normal)).limit(1);
  if (!row) throw AppError.notFound();
  return {
    code: row.code,
    holderName: maskName(row.holderName),
    courseTitle: row.courseTitle,
    centerName: row.centerName,
    issuedOn: row.issuedOn,
    validTo: row.validTo,
    valid: row.validTo >= p.today(),
  };
}
