import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/scope.ts';
import { can } from '../access/index.ts';

/** Who may read supervision records: the supervising departments and the reporting centers. */
export function canRead(actor: Actor): void {
  if (!can(actor.role, 'supervision.read') && !can(actor.role, 'supervision.report')) throw AppError.forbidden();
}
