import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { centerBody } from '../../../test/support/childcare.ts';

const { p, app } = await testApp();
const operator = await signIn(app, 'tashan-center');
const city = await signIn(app, 'city-health');

const questions = Array.from({ length: 12 }, (_, i) => ({ prompt: `第 ${i + 1} 题：婴幼儿午睡时保育人员应当？`, options: ['离开寝室', '巡视看护', '关灯锁门'], answer: 1 }));
const course = {
  title: '婴幼儿照护安全与急救',
  hours: 8,
  questionCount: 10,
  minutes: 30,
  passMark: 80,
  questions,
};

const center = (await operator.post('/api/childcare/centers', centerBody({ name: '培训托育园' }))).json() as { id: string };
const staff = (await operator.post(`/api/childcare/centers/${center.id}/staff`, { name: '张丽芳', role: 'caregiver', hiredOn: '2026-01-01', trainingHours: 4 })).json() as { id: string };

describe('online training and exams', () => {
  it('refuses a course whose answer is not an option, or that draws more than its bank', async () => {
    const bad = await city.post('/api/childcare/training/courses', { ...course, questionCount: 20, questions: [{ prompt: '题', options: ['甲', '乙'], answer: 2 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['questions.0.answer', 'childcare.answerNotAnOption'],
      ['questionCount', 'childcare.moreThanBank'],
    ]);
    expect((await operator.post('/api/childcare/training/courses', course)).statusCode).toBe(403);
  });

  it('a timed exam scored at once: a pass issues a certificate anyone can check, a fail does not', async () => {
    const published = await city.post('/api/childcare/training/courses', course);
    expect(published.statusCode, published.body).toBe(201);
    const courseId = published.json().id;
    expect((await operator.get('/api/childcare/training/courses')).json().map((c: { id: string }) => c.id)).toContain(courseId);

    const failing = (await operator.post(`/api/childcare/training/courses/${courseId}/attempts`, { staffId: staff.id })).json();
    expect(failing.questions).toHaveLength(10);
    expect(JSON.stringify(failing)).not.toContain('"answer"');
    const failed = await operator.post(`/api/childcare/training/attempts/${failing.id}/submit`, { answers: failing.questions.map((_: unknown, i: number) => (i < 7 ? 1 : 0)) });
    expect(failed.json()).toEqual({ correct: 7, total: 10, score: 70, late: false, passed: false, certificateCode: null });
    expect((await operator.post(`/api/childcare/training/attempts/${failing.id}/submit`, { answers: Array(10).fill(1) })).json().error.fields[0].code).toBe('childcare.alreadySubmitted');

    const attempt = (await operator.post(`/api/childcare/training/courses/${courseId}/attempts`, { staffId: staff.id })).json();
    const wrongCount = await operator.post(`/api/childcare/training/attempts/${attempt.id}/submit`, { answers: [1, 1] });
    expect(wrongCount.json().error.fields[0]).toMatchObject({ field: 'answers', code: 'childcare.answerCount' });
    const passed = await operator.post(`/api/childcare/training/attempts/${attempt.id}/submit`, { answers: attempt.questions.map((_: unknown, i: number) => (i < 8 ? 1 : 2)) });
    expect(passed.json()).toMatchObject({ correct: 8, score: 80, passed: true });
    const code = passed.json().certificateCode as string;
    expect(code).toMatch(/^[0-9A-HJ-NP-Z]{12}$/);

    // Anyone checks it, without a session; the name is masked.
    const check = await app.inject({ method: 'GET', url: `/api/public/training-certificates/${code.toLowerCase()}` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ code, holderName: '张*芳', courseTitle: '婴幼儿照护安全与急救', centerName: '培训托育园', valid: true });
    expect((await app.inject({ method: 'GET', url: '/api/public/training-certificates/ABCDEFGHJKLM' })).statusCode).toBe(404);

    // The pass adds the course's hours and the certificate to the staff record.
    const record = (await operator.get(`/api/childcare/centers/${center.id}/staff`)).json().find((s: { id: string }) => s.id === staff.id);
    expect(record.trainingHours).toBe(12);
    expect(record.certificates.find((c: { certType: string }) => c.certType === 'training')).toMatchObject({ number: code });
    const [{ n }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'childcare.exam.submit'`);
    expect(n).toBe(2);
  });

  it('a 嵊州市 operator cannot sit an exam for a 越城区 staff member', async () => {
    const shengzhou = await signIn(app, 'shengzhou-admin');
    const courseId = (await city.post('/api/childcare/training/courses', { ...course, title: '另一课程' })).json().id;
    const res = await shengzhou.post(`/api/childcare/training/courses/${courseId}/attempts`, { staffId: staff.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'staffId', code: 'childcare.unknownStaff' });
  });
});
