/**
 * The national immunisation programme's schedule for children (国家免疫规划, 2021 edition,
 * with the 2025 DTaP change) as dated data (data/nip-schedule.json, with its sources and
 * the transition rule for children born before 2025), and each child's doses on a date:
 * given, overdue (its completion deadline has passed), due (its age has come), upcoming
 * (due within 30 days) or scheduled.
 */
import schedule from './data/nip-schedule.json' with { type: 'json' };
import { addDays, addMonths } from '../../app/dates.ts';

export type VaccineCode = keyof typeof schedule.vaccines;
export type SeriesCode = keyof typeof schedule.series;
export const VACCINE_CODES = Object.keys(schedule.vaccines) as VaccineCode[];
export const SERIES_CODES = Object.keys(schedule.series) as SeriesCode[];

interface ScheduleDose {
  series: SeriesCode;
  dose: number;
  vaccine: VaccineCode;
  dueMonths: number;
  deadline: { days?: number; months?: number } | null;
  minDaysAfterPrevious?: number;
  minMonthsAfterPrevious?: number;
  edition?: string;
  bornFrom?: string;
  bornBefore?: string;
  dueFrom?: string;
  dueBefore?: string;
}

const DOSES = schedule.doses as ScheduleDose[];
export const SCHEDULE_SOURCE = { title: schedule.title, sources: schedule.sources, ages: schedule.ages, transition: schedule.transition };
/** A dose counts as upcoming this many days before it is due. */
export const UPCOMING_DAYS = 30;

export function seriesOf(vaccine: VaccineCode): SeriesCode {
  return schedule.vaccines[vaccine].series as SeriesCode;
}

export function vaccineName(vaccine: VaccineCode, locale: 'zh-CN' | 'en-US'): string {
  return schedule.vaccines[vaccine][locale === 'zh-CN' ? 'zh' : 'en'];
}

export interface VaccinationRecord {
  vaccine: VaccineCode;
  dose: number;
  givenOn: string;
}

export type DoseStatusCode = 'given' | 'overdue' | 'due' | 'upcoming' | 'scheduled';

export interface DoseStatus {
  series: SeriesCode;
  dose: number;
  vaccine: VaccineCode;
  dueOn: string;
  deadlineOn: string | null;
  status: DoseStatusCode;
  givenOn: string | null;
  /** The vaccine actually recorded (it may differ from the scheduled one, e.g. bOPV for dose 1). */
  givenVaccine: VaccineCode | null;
}

/**
 * The product line a child follows in a series with options: the latest recorded one, else
 * the one chosen, else the first listed.
 */
function optionFor(series: SeriesCode, records: readonly VaccinationRecord[], chosen?: VaccineCode): VaccineCode | null {
  const options = schedule.series[series].options as VaccineCode[] | null;
  if (!options) return null;
  if (chosen && options.includes(chosen) && !records.some((r) => options.includes(r.vaccine))) return chosen;
  const recorded = records.filter((r) => options.includes(r.vaccine)).sort((a, b) => (a.givenOn < b.givenOn ? -1 : 1));
  return recorded.at(-1)?.vaccine ?? options[0];
}

function deadlineDate(birthDate: string, d: ScheduleDose['deadline']): string | null {
  if (!d) return null;
  return d.days !== undefined ? addDays(birthDate, d.days) : addMonths(birthDate, d.months ?? 0);
}

/** The scheduled doses that apply to a child born on a date (transition rule by birth and due date). */
export function dosesFor(birthDate: string, records: readonly VaccinationRecord[] = [], chosen: Partial<Record<SeriesCode, VaccineCode>> = {}): ScheduleDose[] {
  const options = new Map(SERIES_CODES.map((s) => [s, optionFor(s, records, chosen[s])]));
  return DOSES.filter((d) => {
    const option = options.get(d.series);
    if (option && d.vaccine !== option) return false;
    if (d.bornFrom && birthDate < d.bornFrom) return false;
    if (d.bornBefore && birthDate >= d.bornBefore) return false;
    const due = addMonths(birthDate, d.dueMonths);
    if (d.dueFrom && due < d.dueFrom) return false;
    if (d.dueBefore && due >= d.dueBefore) return false;
    return true;
  });
}

/** Each scheduled dose of a child with its status on `today`, in schedule order. */
export function immunisationStatus(birthDate: string, records: readonly VaccinationRecord[], today: string): DoseStatus[] {
  const doses = dosesFor(birthDate, records);
  const given = new Map(records.map((r) => [`${seriesOf(r.vaccine)}:${r.dose}`, r]));
  const out: DoseStatus[] = [];
  for (const series of SERIES_CODES) {
    const own = doses.filter((d) => d.series === series).sort((a, b) => a.dose - b.dose);
    own.forEach((d, i) => {
      // A dose without its own deadline must be done by the next deadline of its series.
      const deadline = d.deadline ?? own.slice(i + 1).find((n) => n.deadline)?.deadline ?? null;
      let dueOn = addMonths(birthDate, d.dueMonths);
      const previous = given.get(`${series}:${d.dose - 1}`);
      if (previous && d.minDaysAfterPrevious) dueOn = maxDate(dueOn, addDays(previous.givenOn, d.minDaysAfterPrevious));
      if (previous && d.minMonthsAfterPrevious) dueOn = maxDate(dueOn, addMonths(previous.givenOn, d.minMonthsAfterPrevious));
      const deadlineOn = deadlineDate(birthDate, deadline);
      const record = given.get(`${series}:${d.dose}`);
      let status: DoseStatusCode;
      if (record) status = 'given';
      else if (deadlineOn && today >= deadlineOn) status = 'overdue';
      else if (today >= dueOn) status = 'due';
      else if (addDays(today, UPCOMING_DAYS) >= dueOn) status = 'upcoming';
      else status = 'scheduled';
      out.push({
        series,
        dose: d.dose,
        vaccine: d.vaccine,
        dueOn,
        deadlineOn,
        status,
        givenOn: record?.givenOn ?? null,
        givenVaccine: record?.vaccine ?? null,
      });
    });
  }
  return out;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export interface ImmunisationSummary {
  overdue: number;
  due: number;
  upcoming: number;
  /** The first dose not given, overdue and due ones first, else the earliest scheduled. */
  next: DoseStatus | null;
}

export function summariseImmunisation(statuses: readonly DoseStatus[]): ImmunisationSummary {
  const open = statuses.filter((s) => s.status !== 'given');
  const rank = { overdue: 0, due: 1, upcoming: 2, scheduled: 3, given: 4 } as const;
  const next = [...open].sort((a, b) => rank[a.status] - rank[b.status] || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0] ?? null;
  return {
    overdue: open.filter((s) => s.status === 'overdue').length,
    due: open.filter((s) => s.status === 'due').length,
    upcoming: open.filter((s) => s.status === 'upcoming').length,
    next,
  };
}

export type VaccinationIssue = { field: 'vaccine' | 'dose' | 'givenOn'; key: string; params?: Record<string, number> };

/**
 * Checks a new vaccination record against the child's schedule and existing records:
 * a dose of the schedule, on a date between birth and today, once, and after the previous
 * dose of its series.
 */
export function checkVaccination(
  birthDate: string,
  record: VaccinationRecord,
  existing: readonly VaccinationRecord[],
  today: string,
): VaccinationIssue | null {
  const series = seriesOf(record.vaccine);
  const maxDose = Math.max(...DOSES.filter((d) => d.series === series && (d.vaccine === record.vaccine || !schedule.series[series].options)).map((d) => d.dose));
  if (record.dose < 1 || record.dose > maxDose) return { field: 'dose', key: 'health.noSuchDose', params: { max: maxDose } };
  if (record.givenOn < birthDate) return { field: 'givenOn', key: 'health.beforeBirth' };
  if (record.givenOn > today) return { field: 'givenOn', key: 'health.inFuture' };
  if (existing.some((r) => seriesOf(r.vaccine) === series && r.dose === record.dose)) return { field: 'dose', key: 'health.doseRecorded' };
  const before = existing.find((r) => seriesOf(r.vaccine) === series && r.dose === record.dose - 1);
  if (before && before.givenOn > record.givenOn) return { field: 'givenOn', key: 'health.beforePreviousDose' };
  const after = existing.find((r) => seriesOf(r.vaccine) === series && r.dose === record.dose + 1);
  if (after && after.givenOn < record.givenOn) return { field: 'givenOn', key: 'health.afterNextDose' };
  return null;
}
