import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/scope.ts';
import { can } from '../access/index.ts';

/** Who may read supervision records: the supervising departments and the reporting centers. */
export function canRead(actor: Actor): void {
  if (!can(actor.role, 'supervision.read') && !can(actor.role, 'supervision.report')) throw AppError.forbidden();
}

export type RecordingRight = 'inspector' | 'onBehalf' | 'no';

/**
 * Who may record a scheduled inspection's result: its own inspectors (or anyone of the
 * department when none was assigned); otherwise only the one who scheduled it, or an
 * administrator, on the inspectors' behalf — with a reason, audited apart. The platform itself
 * (the command line, the seed) records as an inspector.
 */
export function recordingRight(actor: Pick<Actor, 'id' | 'role'>, i: { status: string; inspectorIds: readonly string[]; scheduledBy: string | null }): RecordingRight {
  if (i.status !== 'scheduled' || !can(actor.role, 'supervision.manage')) return 'no';
  if (actor.id === null || i.inspectorIds.length === 0 || i.inspectorIds.includes(actor.id)) return 'inspector';
  if (actor.role === 'admin' || (i.scheduledBy !== null && i.scheduledBy === actor.id)) return 'onBehalf';
  return 'no';
}
