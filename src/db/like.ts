/**
 * LIKE patterns from user text: `%`, `_` and the backslash are matched literally (PostgreSQL's
 * default escape character is the backslash), so a search for "50%" finds "50%" only.
 */
export function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (m) => `\\${m}`);
}

/** The pattern of a "contains" search for user text. */
export function containsPattern(s: string): string {
  return `%${escapeLike(s)}%`;
}
