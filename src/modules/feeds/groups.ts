/**
 * The key groups of the 一老一小重点群体库 (004 §13: a database of the key groups of the old and
 * the young, the union of the departments' data), from a person's age and current facts (pure).
 */
import { ageOn } from './alerts.ts';

export const KEY_GROUPS = ['infant', 'minor', 'elderly', 'lowIncome', 'destitute', 'disabled', 'outOfSchool', 'leftBehind', 'uninsured', 'deceased'] as const;
export type KeyGroup = (typeof KEY_GROUPS)[number];

/** What the database knows of a person, per current fact kind. */
export interface GroupFlags {
  lowIncome: boolean;
  destitute: boolean;
  disabled: boolean;
  outOfSchool: boolean;
  leftBehind: boolean;
  insuredThisYear: boolean;
  deceased: boolean;
}

/**
 * The groups a person belongs to. Infants are under 3 (托育 age, 004); minors under 18; the
 * elderly 60 and over (《中华人民共和国老年人权益保障法》 Article 2). A minor not enrolled in
 * medical insurance this year is "uninsured". The deceased belong to no other group.
 */
export function groupsOf(birthDate: string, flags: GroupFlags, today: string): KeyGroup[] {
  if (flags.deceased) return ['deceased'];
  const age = ageOn(birthDate, today);
  const out: KeyGroup[] = [];
  if (age < 3) out.push('infant');
  if (age < 18) out.push('minor');
  if (age >= 60) out.push('elderly');
  if (flags.lowIncome) out.push('lowIncome');
  if (flags.destitute) out.push('destitute');
  if (flags.disabled) out.push('disabled');
  if (flags.outOfSchool && age < 18) out.push('outOfSchool');
  if (flags.leftBehind && age < 18) out.push('leftBehind');
  if (age < 18 && !flags.insuredThisYear) out.push('uninsured');
  return out;
}
