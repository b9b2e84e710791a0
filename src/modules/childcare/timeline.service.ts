/**
 * The filing timeline: every step of a filing (submitted, reviewed, filed, returned, a
 * document added …) is an event with who acted and when.
 */
import type { Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { actorDisplayName } from '../access/index.ts';
import { childcareFilingEvents, type childcareFilings } from './schema.ts';
import type { Department, FilingEventAction } from './vocabulary.ts';

type FilingRow = typeof childcareFilings.$inferSelect;

export async function addEvent(
  tx: Executor,
  actor: Actor,
  filing: Pick<FilingRow, 'id' | 'centerId' | 'unitCode'>,
  action: FilingEventAction,
  extra: { department?: Department | null; comment?: string | null } = {},
): Promise<void> {
  await tx.insert(childcareFilingEvents).values({
    unitCode: filing.unitCode,
    filingId: filing.id,
    centerId: filing.centerId,
    actorId: actor.id,
    actorName: await actorDisplayName(tx, actor),
    action,
    department: extra.department ?? null,
    comment: extra.comment ?? null,
  });
}
