/**
 * When a center is next due for a child-health doctor's guidance tour (SPEC §3.6: doctors
 * tour centers on a schedule). The interval is the platform's setting as dated data (no
 * national figure is cited for it): a tour every 90 days, due from 14 days before.
 */
import { addDays } from '../../app/dates.ts';

export const TOUR_INTERVALS: readonly { from: string; to: string | null; intervalDays: number; dueWindowDays: number }[] = [{ from: '2020-01-01', to: null, intervalDays: 90, dueWindowDays: 14 }];

export type TourStatus = 'never' | 'overdue' | 'due' | 'done';

export function tourInterval(on: string): { intervalDays: number; dueWindowDays: number } {
  const row = TOUR_INTERVALS.find((r) => r.from <= on && (r.to === null || on <= r.to));
  if (!row) throw new RangeError(`no tour interval in force on ${on}`);
  return row;
}

/** The next tour date after the last one, and the status today. */
export function tourStatus(lastTour: string | null, today: string): { nextDue: string | null; status: TourStatus } {
  if (!lastTour) return { nextDue: null, status: 'never' };
  const { intervalDays, dueWindowDays } = tourInterval(lastTour);
  const nextDue = addDays(lastTour, intervalDays);
  if (today > nextDue) return { nextDue, status: 'overdue' };
  if (today >= addDays(nextDue, -dueWindowDays)) return { nextDue, status: 'due' };
  return { nextDue, status: 'done' };
}
