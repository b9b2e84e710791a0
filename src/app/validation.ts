import type { FastifySchemaCompiler } from 'fastify';
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
      return [{ field, key: 'invalidOption' }];
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

/** Fastify validator compiler: zod schemas in, AppError with field issues out. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: validationError(result.error.issues) };
  };

/** Validates a plain value with a schema outside HTTP (CLI, imports), throwing AppError. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}
