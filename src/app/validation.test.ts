import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { controlCharacterIssues, parseInput } from './validation.ts';

describe('control characters in text input', () => {
  it('finds NUL, the other C0 controls, DEL and C1 controls, by field path', () => {
    expect(controlCharacterIssues({ name: 'a\u0000b', ok: '张三', list: ['x', 'y\u007f'], deep: { note: 'z\u0085' }, bell: '\u0007' })).toEqual([
      { field: 'name', key: 'controlCharacter' },
      { field: 'list.1', key: 'controlCharacter' },
      { field: 'deep.note', key: 'controlCharacter' },
      { field: 'bell', key: 'controlCharacter' },
    ]);
  });

  it('lets tabs and line breaks through, as multi-line text needs them', () => {
    expect(controlCharacterIssues({ body: '第一行\r\n第二行\t缩进' })).toEqual([]);
  });

  it('checks object keys and a bare string', () => {
    expect(controlCharacterIssues({ 'k\u0001': 1 })).toEqual([{ field: 'k\u0001', key: 'controlCharacter' }]);
    expect(controlCharacterIssues('\u0000')).toEqual([{ field: '_', key: 'controlCharacter' }]);
  });

  it('walks a deeply nested value without exhausting the stack', () => {
    let v: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(controlCharacterIssues(v)).toHaveLength(1);
  });

  it('refuses them outside HTTP too (command line, imports)', () => {
    expect(() => parseInput(z.object({ name: z.string() }), { name: 'x\u0000' })).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
