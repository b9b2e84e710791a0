/** The checklist of each inspection type (data/checklists.json, with its sources) and the outcome of an answered one. */
import data from './data/checklists.json' with { type: 'json' };

export const INSPECTION_TYPES = ['routine', 'fireSafety', 'foodHygiene', 'special'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];
export type Severity = 'minor' | 'major' | 'critical';
export type Answer = 'pass' | 'fail' | 'na';

export interface CheckItem {
  code: string;
  clause: string;
  severity: Severity;
  name: { 'zh-CN': string; 'en-US': string };
}

export const CHECKLIST_VERSION: string = data.version;
export const CHECKLIST_SOURCE: string = data.source;

export function checklistOf(type: InspectionType): CheckItem[] {
  return (data.types as Record<InspectionType, CheckItem[]>)[type];
}

export type ChecklistIssue = { field: string; key: string };

/** Every item answered, no unknown item, a description for each failed one. */
export function checkAnswers(type: InspectionType, answers: Record<string, Answer>, findings: Record<string, string>): ChecklistIssue[] {
  const items = checklistOf(type);
  const codes = new Set(items.map((i) => i.code));
  const issues: ChecklistIssue[] = [];
  for (const code of Object.keys(answers)) if (!codes.has(code)) issues.push({ field: `results.${code}`, key: 'supervision.unknownCheckItem' });
  for (const item of items) {
    if (!(item.code in answers)) issues.push({ field: `results.${item.code}`, key: 'supervision.checkItemMissing' });
    else if (answers[item.code] === 'fail' && !findings[item.code]?.trim()) issues.push({ field: `findings.${item.code}`, key: 'supervision.findingRequired' });
  }
  return issues;
}

/** The failed items, with their severity, as findings. */
export function findingsOf(type: InspectionType, answers: Record<string, Answer>, descriptions: Record<string, string>): { itemCode: string; severity: Severity; description: string }[] {
  return checklistOf(type)
    .filter((i) => answers[i.code] === 'fail')
    .map((i) => ({ itemCode: i.code, severity: i.severity, description: descriptions[i.code].trim() }));
}
