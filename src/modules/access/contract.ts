/** The access module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { LOCALES } from '../../i18n/resources.ts';
import { ROLE_NAMES } from './roles.ts';

export const role = z.enum(ROLE_NAMES as [string, ...string[]]);
export const locale = z.enum(LOCALES);

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  unitCode: z.string(),
  unitName: z.string(),
  locale,
  active: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
});

export const me = z.object({ user: userView, permissions: z.array(z.string()), csrfToken: z.string() });

export type UserView = z.infer<typeof userView>;
export type Me = z.infer<typeof me>;
