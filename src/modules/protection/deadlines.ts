/**
 * The deadline of each open stage, counted in hours from when the case entered it. Dated data
 * (data/stage-deadlines.json, with its source): the version in force on the day the stage was
 * entered applies, so a later change of the rules never moves an existing deadline.
 *
 * Source: 《关于建立侵害未成年人案件强制报告制度的意见（试行）》 (2020) and Article 11 of the Law on
 * the Protection of Minors (2021): a report is taken up immediately. 24 hours (1 hour for a child
 * in immediate danger) is how this platform measures "immediately"; the later stages' hours are
 * configuration, not a published figure.
 */
import rules from './data/stage-deadlines.json' with { type: 'json' };
import type { Stage } from './stages.ts';

export type RiskLevel = 'normal' | 'high';
export const RISK_LEVELS: readonly RiskLevel[] = ['normal', 'high'];
type OpenStage = Exclude<Stage, 'closed'>;

export interface DeadlineVersion {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  hours: Record<OpenStage, Record<RiskLevel, number>>;
  /** 'law': from the cited rules; 'configured': the platform's setting (no published figure). */
  basis: Record<OpenStage, 'law' | 'configured'>;
}

export const DEADLINE_SOURCE: string = rules.source;
export const DEADLINE_VERSIONS = rules.versions as DeadlineVersion[];

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The version in force on an ISO date (Asia/Shanghai). */
export function deadlineVersionOn(date: string, versions: readonly DeadlineVersion[] = DEADLINE_VERSIONS): DeadlineVersion {
  const v = versions.find((x) => x.effectiveFrom <= date && (x.effectiveTo === null || date <= x.effectiveTo));
  if (!v) throw new Error(`no stage-deadline rules in force on ${date}`);
  return v;
}

/** When a stage entered at `enteredAt` is due; null for a closed case. */
export function stageDueAt(stage: Stage, risk: RiskLevel, enteredAt: Date, versions: readonly DeadlineVersion[] = DEADLINE_VERSIONS): Date | null {
  if (stage === 'closed') return null;
  const v = deadlineVersionOn(SHANGHAI_DATE.format(enteredAt), versions);
  return new Date(enteredAt.getTime() + v.hours[stage][risk] * 3_600_000);
}

export function isOverdue(c: { stage: Stage; dueAt: Date | string | null }, now: Date): boolean {
  if (c.stage === 'closed' || !c.dueAt) return false;
  return new Date(c.dueAt).getTime() < now.getTime();
}
