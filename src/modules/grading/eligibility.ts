/**
 * Who may apply for a grade (004: 经区、县(市)及以上编制、民政、市场监管部门注册、登记，并在县级
 * 卫生健康行政部门备案，办托满半年、卫生评价合格的托育机构). Checked before an application can
 * be submitted; every failed condition is reported with what would satisfy it.
 */
import { addMonths } from '../../app/dates.ts';
import type { EligibilityCheck } from './vocabulary.ts';

export interface EligibilityFacts {
  /** Registered with 编制/民政/市场监管: a unified social credit code or a registration document on file. */
  registered: boolean;
  /** Filed (备案) with the county health department. */
  filed: boolean;
  /** The day the center began operating. */
  openedOn: string | null;
  /** A health evaluation (卫生评价) report on file. */
  healthEvaluation: boolean;
}

export function checkEligibility(f: EligibilityFacts, today: string, minOperatingMonths: number): EligibilityCheck {
  const failures: EligibilityCheck['failures'] = [];
  if (!f.registered) failures.push({ condition: 'registered' });
  if (!f.filed) failures.push({ condition: 'filed' });
  if (!f.openedOn) failures.push({ condition: 'operatingSixMonths', params: { months: minOperatingMonths } });
  else {
    const eligibleFrom = addMonths(f.openedOn, minOperatingMonths);
    if (eligibleFrom > today) failures.push({ condition: 'operatingSixMonths', params: { months: minOperatingMonths, openedOn: f.openedOn, eligibleFrom } });
  }
  if (!f.healthEvaluation) failures.push({ condition: 'healthEvaluation' });
  return { eligible: failures.length === 0, checkedOn: today, failures };
}
