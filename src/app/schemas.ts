import { z } from 'zod';

/** Reusable request/response pieces; modules build their schemas from these. */

export const unitCode = z.string().regex(/^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/);

export const isoDate = z.iso.date();

export const uuid = z.uuid();

export const idParam = z.object({ id: z.uuid() });

export const page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const ok = z.object({ ok: z.literal(true) });

/** A required, trimmed, non-empty text of at most `max` characters. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}

/** Mainland mobile (1 + 10 digits) or a fixed line with area code; shared with the web forms. */
export function isValidPhone(v: string): boolean {
  return /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v.trim());
}

export const phone = z
  .string()
  .trim()
  .refine((v) => isValidPhone(v), { params: { key: 'phone' } });
