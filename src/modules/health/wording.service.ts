/**
 * The licensed M-CHAT-R/F wording. The platform ships only its own short item labels; the
 * authors' wording (and its authorised Chinese translation) may be shown only under a
 * licence, so the deploying health authority loads it as data, city-wide, per language.
 */
import { eq } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { requirePermission, type Actor } from '../../app/scope.ts';
import { can } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { mchatWordings } from './schema.ts';
import type { MchatWordingInput, MchatWordingView } from './contract.ts';

export async function getMchatWording(p: Platform, actor: Actor, locale: 'zh-CN' | 'en-US'): Promise<MchatWordingView> {
  if (!can(actor.role, 'health.read') && !can(actor.role, 'health.configure')) throw AppError.forbidden();
  const [row] = await p.db.orm.select().from(mchatWordings).where(eq(mchatWordings.locale, locale)).limit(1);
  if (!row) return { locale, licensed: false, version: null, licence: null, items: null };
  return { locale, licensed: true, version: row.version, licence: row.licence, items: row.items };
}

/** Loads (or replaces) the licensed wording of one language: the city's administrators only. */
export async function loadMchatWording(p: Platform, actor: Actor, input: MchatWordingInput): Promise<MchatWordingView> {
  requirePermission(actor, 'health.configure');
  if (actor.scope !== '3306') throw AppError.forbidden();
  return p.db.transaction(async (tx) => {
    await tx
      .insert(mchatWordings)
      .values({ locale: input.locale, items: input.items, version: input.version, licence: input.licence, loadedBy: actor.username })
      .onConflictDoUpdate({
        target: mchatWordings.locale,
        set: { items: input.items, version: input.version, licence: input.licence, loadedBy: actor.username, loadedAt: new Date().toISOString() },
      });
    await appendAudit(tx, actor, { action: 'health.mchat_wording.load', entityType: 'mchat_wording', entityId: input.locale, unitCode: '3306', detail: { version: input.version } });
    return { locale: input.locale, licensed: true, version: input.version, licence: input.licence, items: input.items };
  });
}
