/** API shapes of the online training and exams. */
import { z } from 'zod';
import { text } from '../../app/schemas.ts';

export const courseInput = z
  .object({
    title: text(100),
    description: text(2000).optional(),
    hours: z.number().int().min(1).max(200),
    questionCount: z.number().int().min(1).max(100),
    minutes: z.number().int().min(1).max(240),
    passMark: z.number().int().min(1).max(100),
    certificateYears: z.number().int().min(1).max(10).default(3),
    questions: z
      .array(z.object({ prompt: text(500), options: z.array(text(200)).min(2).max(6), answer: z.number().int().min(0) }).strict())
      .min(1)
      .max(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    v.questions.forEach((q, i) => {
      if (q.answer >= q.options.length) ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], params: { key: 'childcare.answerNotAnOption' } });
    });
    if (v.questionCount > v.questions.length) ctx.addIssue({ code: 'custom', path: ['questionCount'], params: { key: 'childcare.moreThanBank', max: v.questions.length } });
  });
export type CourseInput = z.infer<typeof courseInput>;

export const courseView = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  hours: z.number().int(),
  questionCount: z.number().int(),
  minutes: z.number().int(),
  passMark: z.number().int(),
  certificateYears: z.number().int(),
  bankSize: z.number().int(),
});
export type CourseView = z.infer<typeof courseView>;

export const attemptStart = z.object({ staffId: z.uuid() }).strict();
export const attemptView = z.object({
  id: z.uuid(),
  courseTitle: z.string(),
  staffName: z.string(),
  startedAt: z.string(),
  deadlineAt: z.string(),
  passMark: z.number().int(),
  /** The questions without their answers. */
  questions: z.array(z.object({ id: z.uuid(), prompt: z.string(), options: z.array(z.string()) })),
});
export type AttemptView = z.infer<typeof attemptView>;

export const attemptSubmit = z.object({ answers: z.array(z.number().int().min(0).nullable()).max(100) }).strict();
export const attemptResult = z.object({
  correct: z.number().int(),
  total: z.number().int(),
  score: z.number().int(),
  late: z.boolean(),
  passed: z.boolean(),
  certificateCode: z.string().nullable(),
});
export type AttemptResult = z.infer<typeof attemptResult>;

export const trainingCertificateView = z.object({
  id: z.uuid(),
  code: z.string(),
  holderName: z.string(),
  courseTitle: z.string(),
  centerName: z.string(),
  score: z.number().int(),
  issuedOn: z.string(),
  validTo: z.string(),
});

/** What anyone may see about a certificate, by its code. */
export const certificateCheck = z.object({
  code: z.string(),
  holderName: z.string(),
  courseTitle: z.string(),
  centerName: z.string(),
  issuedOn: z.string(),
  validTo: z.string(),
  valid: z.boolean(),
});
export type CertificateCheck = z.infer<typeof certificateCheck>;
