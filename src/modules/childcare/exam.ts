/**
 * Exams of the online training (一网办): which questions an attempt draws, its score, and
 * whether it passes. Pure. An answer sent after the time limit (plus a short grace for the
 * network) is scored but cannot pass.
 */
export const SUBMIT_GRACE_SECONDS = 30;

/** Draws `count` distinct question ids with the given random source (0 ≤ random() < 1). */
export function drawQuestions(ids: readonly string[], count: number, random: () => number): string[] {
  const pool = [...ids];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, Math.min(count, pool.length));
}

export interface ExamResult {
  correct: number;
  total: number;
  /** Percent, rounded down. */
  score: number;
  late: boolean;
  passed: boolean;
}

/** Scores answers (index of the chosen option, or null) against the key, in question order. */
export function scoreExam(key: readonly number[], answers: readonly (number | null)[], passMark: number, submittedAt: Date, deadline: Date): ExamResult {
  const correct = key.reduce((n, k, i) => n + (answers[i] === k ? 1 : 0), 0);
  const score = key.length ? Math.floor((correct * 100) / key.length) : 0;
  const late = submittedAt.getTime() > deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000;
  return { correct, total: key.length, score, late, passed: !late && score >= passMark };
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A 12-character verification code from bytes of a secure random source. */
export function verificationCode(bytes: Uint8Array): string {
  return Array.from(bytes.slice(0, 12), (b) => CODE_CHARS[b % CODE_CHARS.length]).join('');
}

/** Shows a holder's name on the public check without giving it away whole: 张*芳, 李*. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
