/**
 * 备案 (机构办托"一件事", SPEC §3.1; 004): the filing workflow as a pure state machine, the
 * evidence a filing needs, the simplified fire procedure and the part each department of the
 * joint mechanism reviews.
 */
import { DEPARTMENTS, type Department, type DocumentKind, type FilingStatus, type FireProcedure, type ReviewDecision } from './vocabulary.ts';

export type FilingAction = 'submit' | 'review' | 'file' | 'return';

const TRANSITIONS: Record<FilingAction, { from: readonly FilingStatus[]; to: FilingStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  review: { from: ['submitted', 'inReview'], to: 'inReview' },
  file: { from: ['submitted', 'inReview'], to: 'filed' },
  return: { from: ['submitted', 'inReview'], to: 'returned' },
};

/** The status after an action, or null when the action is not open in this status. */
export function nextFilingStatus(status: FilingStatus, action: FilingAction): FilingStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** 004: small community facilities (≤300 m² or ≤300,000 yuan invested) take the simplified fire procedure. */
export const SIMPLIFIED_FIRE_MAX_AREA_M2 = 300;
export const SIMPLIFIED_FIRE_MAX_INVESTMENT_FEN = 300_000 * 100;

export function simplifiedFireAllowed(floorAreaM2: number | null, investmentFen: number | null): boolean {
  return (floorAreaM2 !== null && floorAreaM2 <= SIMPLIFIED_FIRE_MAX_AREA_M2) || (investmentFen !== null && investmentFen <= SIMPLIFIED_FIRE_MAX_INVESTMENT_FEN);
}

/**
 * SPEC §3.1 (004): registration (编制/民政/市场监管), staff qualification certificates, the
 * fire-safety pass or the simplified procedure's record, and the health evaluation (卫生评价).
 */
export function requiredEvidence(procedure: FireProcedure): DocumentKind[] {
  return ['registration', procedure === 'simplified' ? 'fireSimplified' : 'fireSafety', 'healthEvaluation', 'staffCertificate'];
}

export function missingEvidence(present: readonly DocumentKind[], procedure: FireProcedure): DocumentKind[] {
  return requiredEvidence(procedure).filter((k) => !present.includes(k));
}

/** The part of the filing each department signs (联合监管, 004), by the evidence it reads. */
export const DEPARTMENT_PARTS: Record<Department, readonly DocumentKind[]> = {
  development: ['premises'],
  education: ['registration'],
  publicSecurity: ['staffCertificate'],
  civilAffairs: ['registration'],
  humanResources: ['staffCertificate'],
  construction: ['premises'],
  culture: [],
  health: ['healthEvaluation', 'staffCertificate'],
  marketRegulation: ['registration'],
  fireRescue: ['fireSafety', 'fireSimplified'],
};

/** A filing may be filed once every department of the joint mechanism has approved its part. */
export function pendingDepartments(reviews: readonly { department: Department; decision: ReviewDecision }[]): Department[] {
  const approved = new Set(reviews.filter((r) => r.decision === 'approved').map((r) => r.department));
  return DEPARTMENTS.filter((d) => !approved.has(d));
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 with its check character (GB 32100-2015, 4.2: modulus 31). */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const sum = CREDIT_WEIGHTS.reduce((s, w, i) => s + CREDIT_CHARS.indexOf(code[i]) * w, 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === code[17];
}

/** Completes 17 characters with their check character (used by the synthetic data). */
export function withCreditCheck(first17: string): string {
  const sum = CREDIT_WEIGHTS.reduce((s, w, i) => s + CREDIT_CHARS.indexOf(first17[i]) * w, 0);
  return first17 + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}
