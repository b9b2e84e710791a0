import type { FormInstance } from 'antd';
import { ApiError } from '../api.ts';

/**
 * Shows an API validation error on the form's fields, each message under its own field;
 * returns the message for anything that has no field on the form.
 */
export function applyApiError(form: FormInstance, err: unknown, fieldNames: string[]): string | null {
  if (!(err instanceof ApiError)) return String(err);
  const onForm = err.fields.filter((f) => fieldNames.includes(f.field));
  form.setFields(onForm.map((f) => ({ name: f.field, errors: [f.message] })));
  const rest = err.fields.filter((f) => !fieldNames.includes(f.field));
  if (onForm.length && !rest.length) return null;
  return [err.message, ...rest.map((f) => `${f.field}: ${f.message}`)].join(' ');
}
