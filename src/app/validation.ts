import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };

/** Maps one zod issue to a field issue whose key lives under `errors:field.`. */
export function fieldIssueOf(issue: Issue): FieldIssue[] {
  const field = issue.path.map(String).join('.') || '_';
  switch (issue.code) {
    case 'invalid_type':
      return [{ field, key: issue.input === undefined || issue.input === null ? 'required' : 'invalidType' }];
    case 'too_small':
      if (issue.origin === 'string')
        return [{ field, key: Number(issue.minimum) <= 1 ? 'required' : 'tooShort', params: { min: Number(issue.minimum) } }];
      if (issue.origin === 'array') return [{ field, key: 'tooFewItems', params: { min: Number(issue.minimum) } }];
      return [{ field, key: 'tooSmall', params: { min: Number(issue.minimum) } }];
    case 'too_big':
      if (issue.origin === 'string') return [{ field, key: 'tooLong', params: { max: Number(issue.maximum) } }];
      if (issue.origin === 'array') return [{ field, key: 'tooManyItems', params: { max: Number(issue.maximum) } }];
      return [{ field, key: 'tooBig', params: { max: Number(issue.maximum) } }];
    case 'invalid_value':
      // A choice left empty is a missing answer, not a wrong one.
      return [{ field, key: issue.input === undefined || issue.input === null || issue.input === '' ? 'required' : 'invalidOption' }];
    case 'invalid_format':
      return [{ field, key: issue.format === 'date' ? 'invalidDate' : 'invalid' }];
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ field: [...issue.path.map(String), k].join('.'), key: 'unknownField' }));
    case 'custom': {
      const params = (issue.params ?? {}) as { key?: string } & Record<string, string | number>;
      const { key, ...rest } = params;
      return [{ field, key: key ?? 'invalid', params: rest }];
    }
    default:
      return [{ field, key: 'invalid' }];
  }
}

/** Turns a failed parse into the platform's validation error, first issue per field. */
export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  const seen = new Set<string>();
  const fields: FieldIssue[] = [];
  for (const issue of issues) {
    for (const f of fieldIssueOf(issue as Issue)) {
      if (seen.has(f.field)) continue;
      seen.add(f.field);
      fields.push(f);
    }
  }
  return AppError.validation(fields);
}

/**
 * Control characters a text never needs: C0 controls other than tab, line feed and carriage
 * return (NUL among them, which PostgreSQL cannot store in text), DEL and the C1 controls.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Every string (and object key) holding a control character, by field path, anywhere in a
 * parsed input: a JSON body, a query string, path parameters, one import row. Walks without
 * recursion, so a deeply nested body cannot exhaust the stack.
 */
export function controlCharacterIssues(data: unknown): FieldIssue[] {
  interface Step {
    key: string;
    parent: Step | null;
  }
  const fieldOf = (step: Step | null) => {
    const keys: string[] = [];
    for (let s = step; s; s = s.parent) keys.push(s.key);
    // A path thousands of levels deep is an attack, not a form: name its start only.
    return keys.reverse().join('.').slice(0, 200) || '_';
  };
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const report = (at: Step | null) => {
    const field = fieldOf(at);
    if (!seen.has(field)) issues.push({ field, key: 'controlCharacter' });
    seen.add(field);
  };
  const stack: { value: unknown; at: Step | null }[] = [{ value: data, at: null }];
  while (stack.length) {
    const { value, at } = stack.pop()!;
    if (typeof value === 'string') {
      if (CONTROL_CHARACTER.test(value)) report(at);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], at: { key: String(i), parent: at } });
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i];
        if (CONTROL_CHARACTER.test(key)) report({ key, parent: at });
        else stack.push({ value: v, at: { key, parent: at } });
      }
    }
  }
  return issues;
}

/**
 * Refuses control characters in the path parameters, query string and body of every request,
 * once, before any route's schema is consulted (a route that declares no schema for a part is
 * covered too). Fields are named as the schemas name them.
 */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues = [req.params, req.query, req.body].flatMap((part) => controlCharacterIssues(part));
    if (issues.length) throw AppError.validation(issues);
  });
}

/** Fastify validator compiler: zod schemas in, AppError with field issues out. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    // A record id that cannot exist names no record: the same answer as an absent one.
    if (httpPart === 'params') return { error: AppError.notFound() };
    return { error: validationError(result.error.issues) };
  };

/** Validates a plain value with a schema outside HTTP (CLI, imports), throwing AppError. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const control = controlCharacterIssues(data);
  if (control.length) throw AppError.validation(control);
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}
