import { describe, expect, it } from 'vitest';
import { drawQuestions, maskName, scoreExam, verificationCode } from './exam.ts';

const start = new Date('2026-11-23T02:00:00Z');
const deadline = new Date('2026-11-23T02:30:00Z');

describe('exam scoring', () => {
  it('scores the share of right answers and passes at the mark', () => {
    const key = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1];
    const eight = [0, 1, 2, 3, 0, 1, 2, 3, 1, 0];
    expect(scoreExam(key, eight, 80, start, deadline)).toEqual({ correct: 8, total: 10, score: 80, late: false, passed: true });
    expect(scoreExam(key, eight, 81, start, deadline).passed).toBe(false);
    expect(scoreExam(key, [null, 1], 60, start, deadline)).toMatchObject({ correct: 1, score: 10, passed: false });
  });

  it('rounds down: 2 of 3 is 66', () => {
    expect(scoreExam([0, 0, 0], [0, 0, 1], 66, start, deadline)).toMatchObject({ score: 66, passed: true });
  });

  it('lets an answer 30 seconds past the limit pass, not one later', () => {
    const key = [0];
    expect(scoreExam(key, [0], 60, new Date('2026-11-23T02:30:30Z'), deadline)).toMatchObject({ late: false, passed: true });
    expect(scoreExam(key, [0], 60, new Date('2026-11-23T02:30:31Z'), deadline)).toMatchObject({ late: true, passed: false, score: 100 });
  });
});

describe('drawing questions', () => {
  it('draws distinct questions, at most as many as the bank holds', () => {
    let x = 0.37;
    const rnd = () => (x = (x * 9301 + 49297) % 1);
    const ids = Array.from({ length: 20 }, (_, i) => `q${i}`);
    const drawn = drawQuestions(ids, 10, rnd);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn).size).toBe(10);
    expect(drawQuestions(ids.slice(0, 3), 10, rnd)).toHaveLength(3);
  });
});

describe('certificate codes and names', () => {
  it('makes 12-character codes without ambiguous letters', () => {
    const code = verificationCode(new Uint8Array(Array.from({ length: 12 }, (_, i) => i * 21)));
    expect(code).toMatch(/^[0-9A-HJ-NP-Z]{12}$/);
  });
  it('masks the middle of a name', () => {
    expect(maskName('张丽芳')).toBe('张*芳');
    expect(maskName('李娜')).toBe('李*');
    expect(maskName('欧阳明月')).toBe('欧**月');
  });
});
