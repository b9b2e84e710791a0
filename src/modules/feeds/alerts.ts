/**
 * Which recorded facts must raise an alert, and to which unit (pure). A fact that matters
 * (000 §7 动态监测: changes in the data shared by the departments are pushed to the people who
 * act) raises one alert, identified by its dedupe key, so the same fact sent again raises
 * nothing new. The unit that acts is the child's township (乡镇/街道), where the child
 * director and the township staff work.
 */
import type { FactKind, FactValue } from './kinds.ts';

export const ALERT_KINDS = ['guardianDeath', 'leftSchool', 'newDisability', 'insuranceLapse'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATUSES = ['open', 'inProgress', 'handled'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface RaisedAlert {
  kind: AlertKind;
  personId: string;
  unitCode: string;
  dedupeKey: string;
  detail: Record<string, string | number | null>;
}

export interface AlertSubject {
  id: string;
  unitCode: string;
  birthDate: string;
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Minors are under 18 (《中华人民共和国未成年人保护法》 Article 2). */
export function isMinor(birthDate: string, on: string): boolean {
  return ageOn(birthDate, on) < 18;
}

/** The township an alert goes to: the first 9 digits of a village code. */
export function actingUnit(unitCode: string): string {
  return unitCode.slice(0, 9);
}

/**
 * The alerts a newly recorded fact raises. `children` are the minors whose birth record
 * names the person as mother or father (for a death). Facts that only repeat what was
 * known are never passed here.
 */
export function alertsForFact(
  fact: { id: string; kind: FactKind; stated: FactValue },
  person: AlertSubject,
  today: string,
  children: AlertSubject[] = [],
): RaisedAlert[] {
  const on = fact.stated.validFrom ?? today;
  switch (fact.kind) {
    case 'death':
      return children
        .filter((c) => isMinor(c.birthDate, on))
        .map((c) => ({
          kind: 'guardianDeath' as const,
          personId: c.id,
          unitCode: actingUnit(c.unitCode),
          dedupeKey: `guardianDeath:${c.id}:${person.id}`,
          detail: { guardianId: person.id, deathDate: on },
        }));
    case 'school': {
      const status = fact.stated.value.status;
      if ((status !== 'dropped' && status !== 'suspended') || !isMinor(person.birthDate, on)) return [];
      return [{ kind: 'leftSchool', personId: person.id, unitCode: actingUnit(person.unitCode), dedupeKey: `leftSchool:${person.id}:${on}`, detail: { status, schoolName: fact.stated.value.schoolName ?? null, date: on } }];
    }
    case 'disability':
      if (!isMinor(person.birthDate, on)) return [];
      return [
        {
          kind: 'newDisability',
          personId: person.id,
          unitCode: actingUnit(person.unitCode),
          dedupeKey: `newDisability:${person.id}:${fact.stated.value.certificateSuffix ?? ''}:${on}`,
          detail: { category: fact.stated.value.category ?? null, grade: fact.stated.value.grade ?? null, issuedOn: on },
        },
      ];
    default:
      return [];
  }
}

/** The alert of a low-income family's child whose enrolment broke or is missing for a year. */
export function lapseAlert(child: AlertSubject, year: number, gap: 'break' | 'missing'): RaisedAlert {
  return { kind: 'insuranceLapse', personId: child.id, unitCode: actingUnit(child.unitCode), dedupeKey: `insuranceLapse:${child.id}:${year}`, detail: { year, gap } };
}
