import { useCallback, useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { ApiError } from '../api.ts';
import i18n from '../i18n.ts';

/**
 * The one form-error helper of the web app. Every form uses `useFormErrors(form)`; pages
 * without an antd form use `errorText(err)` for their message and `fieldErrors(err)` to put
 * a message next to their own inputs.
 *
 * - a server field error lands under its field, nested paths included: `classes.0.capacity`
 *   is the Form.List field `['classes', 0, 'capacity']`, `findings.routine.staffHealth` the
 *   field `['findings', 'routine.staffHealth']` (matched by their dotted path against the
 *   fields the form holds; `rename` maps a path to a form that names its fields otherwise);
 * - the error goes away as soon as that field's value changes;
 * - whatever has no field on the form is one plain sentence, never a raw path, and without
 *   the generic "please correct the marked fields" prefix.
 */

type Name = (string | number)[];

const nameKey = (name: Name): string => name.map(String).join('.');

/** `classes.0.capacity` → `['classes', 0, 'capacity']`. */
export function pathToName(path: string): Name {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The names of the fields a form currently holds, by their dotted path. */
function registeredNames(form: FormInstance): Map<string, Name> {
  const names = new Map<string, Name>();
  for (const f of form.getFieldsError()) names.set(nameKey(f.name as Name), f.name as Name);
  return names;
}

/** The sentence for what could not be put on a field: the field messages themselves, or the error's own message. */
export function errorText(err: unknown, fields?: { field: string; message: string }[]): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const rest = fields ?? err.fields;
  if (err.code === 'validation' || rest.length) {
    const sentences = [...new Set(rest.map((f) => f.message))];
    if (sentences.length) return sentences.map(sentence).join(' ');
  }
  return err.message;
}

/** Field messages by their dotted path, for pages that lay out their own inputs. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(err.fields.map((f) => [f.field, f.message]));
}

function sentence(s: string): string {
  return /[。！？.!?]$/.test(s) ? s : `${s}${i18n.language.startsWith('zh') ? '。' : '.'}`;
}

/**
 * Shows an API error on the form: field errors under their fields; returns the sentence for
 * whatever has no field on the form (null when everything landed on a field).
 */
export function applyApiError(form: FormInstance, err: unknown, rename?: (path: string) => string): { text: string | null; names: Name[] } {
  if (!(err instanceof ApiError)) return { text: errorText(err), names: [] };
  const registered = registeredNames(form);
  const landed: { name: Name; message: string }[] = [];
  const rest: { field: string; message: string }[] = [];
  for (const f of err.fields) {
    const path = rename ? rename(f.field) : f.field;
    const name = registered.get(path);
    if (name) landed.push({ name, message: f.message });
    else rest.push(f);
  }
  form.setFields(landed.map((l) => ({ name: l.name, errors: [l.message] })));
  if (landed.length && !rest.length) return { text: null, names: landed.map((l) => l.name) };
  return { text: errorText(err, rest), names: landed.map((l) => l.name) };
}

export interface FormErrors {
  /** The sentence for what has no field (show it in an Alert next to the buttons), or null. */
  error: string | null;
  setError: (text: string | null) => void;
  /** Puts an API error on the form; returns the names of the fields it landed on. */
  onError: (err: unknown) => Name[];
  /** Clears the error of every field whose value changed since the error came; spread into the Form as `onValuesChange` (or call it from yours). */
  onValuesChange: () => void;
  clear: () => void;
}

/**
 * The form-error hook every form uses. With `toast`, what has no field is shown as a message
 * instead of being kept for an Alert (for forms in small modals).
 */
export function useFormErrors(form: FormInstance, opts: { toast?: boolean; rename?: (path: string) => string } = {}): FormErrors {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const marked = useRef<{ name: Name; value: string }[]>([]);
  const onError = useCallback(
    (err: unknown) => {
      const { text, names } = applyApiError(form, err, opts.rename);
      marked.current = names.map((name) => ({ name, value: JSON.stringify(form.getFieldValue(name) ?? null) }));
      if (opts.toast) {
        if (text) void message.error(text);
      } else setError(text);
      return names;
    },
    [form, message, opts.toast, opts.rename],
  );
  const onValuesChange = useCallback(() => {
    if (!marked.current.length) return;
    const changed = marked.current.filter((m) => JSON.stringify(form.getFieldValue(m.name) ?? null) !== m.value);
    if (!changed.length) return;
    form.setFields(changed.map((m) => ({ name: m.name, errors: [] })));
    marked.current = marked.current.filter((m) => !changed.includes(m));
    setError(null);
  }, [form]);
  const clear = useCallback(() => {
    marked.current = [];
    setError(null);
  }, []);
  return { error, setError, onError, onValuesChange, clear };
}

/**
 * Client-side rules that say what the server says: "此项必填" for an empty text, "请选择…"
 * for an empty choice (never antd's default "请输入…" under a select).
 */
export const rules = {
  required: (): Rule => ({ required: true, message: i18n.t('errors:field.required') }),
  choose: (): Rule => ({ required: true, message: i18n.t('errors:field.choose') }),
  /** A rule from a shared pure check that returns an `errors:field.` key, or null when the value is fine. */
  check:
    (fn: (value: string) => string | null): Rule =>
    () => ({
      validator: async (_: unknown, value: unknown) => {
        if (value === undefined || value === null || value === '') return;
        const key = fn(String(value));
        if (key) throw new Error(i18n.t(`errors:field.${key}`));
      },
    }),
};
