import { z } from 'zod';
import type { FieldIssue } from '../../app/errors.ts';
import { isoDate, phone, text, unitCode } from '../../app/schemas.ts';
import { controlCharacterIssues, validationError } from '../../app/validation.ts';
import { parseIdNumber, type IdNumber, type Sex } from './idNumber.ts';

/** An ID number field, parsed: GB 11643 format, birth date, region code and check digit. */
export function idNumberField(today: () => string) {
  return z
    .string()
    .trim()
    .min(1)
    .max(30)
    .transform((value, ctx): IdNumber => {
      const r = parseIdNumber(value, today());
      if (r.ok) return r.id;
      ctx.addIssue({ code: 'custom', params: { key: `idNumber.${r.issue}` } });
      return z.NEVER;
    });
}

/** A person ready to store: every field checked, sex and birth date read from the ID number. */
export interface CheckedPerson {
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  unitCode: string;
  phone: string | null;
  address: string | null;
}

/**
 * What a caller submits to register a person (the API form or one import row), checked
 * without touching the database: field formats, the ID number, and the agreement of the
 * given sex and birth date with it. Whether the unit exists and lies in the caller's scope
 * is the service's check.
 */
export function personSchema(today: () => string) {
  return z
    .object({
      name: text(40),
      idNumber: idNumberField(today),
      /** Optional: read from the ID number; when given it must agree with it. */
      sex: z.enum(['male', 'female']).optional(),
      birthDate: isoDate.optional(),
      unitCode,
      phone: z.union([z.literal('').transform(() => undefined), phone]).optional(),
      address: z.string().trim().max(120).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.sex && v.sex !== v.idNumber.sex) ctx.addIssue({ code: 'custom', path: ['sex'], params: { key: 'idNumber.sexMismatch' } });
      if (v.birthDate && v.birthDate !== v.idNumber.birthDate)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], params: { key: 'idNumber.birthDateMismatch' } });
    })
    .transform(
      (v): CheckedPerson => ({
        name: v.name,
        idNumber: v.idNumber.value,
        sex: v.idNumber.sex,
        birthDate: v.idNumber.birthDate,
        unitCode: v.unitCode,
        phone: v.phone ?? null,
        address: v.address || null,
      }),
    );
}
export type PersonSchema = ReturnType<typeof personSchema>;

export type CheckResult = { ok: true; person: CheckedPerson } | { ok: false; issues: FieldIssue[] };

/** Checks one record with a prepared schema, returning field issues instead of throwing. */
export function checkPerson(schema: PersonSchema, input: unknown): CheckResult {
  const control = controlCharacterIssues(input);
  if (control.length) return { ok: false, issues: control };
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, person: parsed.data };
  return { ok: false, issues: validationError(parsed.error.issues).fields };
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The key groups (一老一小) a person belongs to on a date. */
export function groupsOf(birthDate: string, date: string): ('infant' | 'child' | 'elderly')[] {
  const age = ageOn(birthDate, date);
  const groups: ('infant' | 'child' | 'elderly')[] = [];
  if (age < 3) groups.push('infant');
  if (age < 18) groups.push('child');
  if (age >= 60) groups.push('elderly');
  return groups;
}
