import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike } from './like.ts';

describe('LIKE patterns from user text', () => {
  it('matches the wildcards and the escape character literally', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(containsPattern('张_')).toBe('%张\\_%');
  });
  it('leaves ordinary text alone', () => {
    expect(containsPattern('府山社区')).toBe('%府山社区%');
  });
});
