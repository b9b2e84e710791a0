/**
 * GB 11643-1999 公民身份号码: 6-digit address code (GB/T 2260, the code at the time of issue)
 * + 8-digit birth date (YYYYMMDD) + 3-digit sequence (odd for men, even for women)
 * + 1 check character computed with ISO 7064:1983 MOD 11-2.
 */
import regionData from './data/region-codes.json' with { type: 'json' };

export type Sex = 'male' | 'female';

/** Why an ID number is not valid; each maps to a field error `idNumber.<issue>`. */
export type IdNumberIssue = 'format' | 'birthDateInvalid' | 'birthDateFuture' | 'regionUnknown' | 'checkDigit';

export interface IdNumber {
  /** The normalised 18 characters, upper-case X. */
  value: string;
  regionCode: string;
  birthDate: string;
  sex: Sex;
}

export type IdNumberResult = { ok: true; id: IdNumber } | { ok: false; issue: IdNumberIssue };

// W_i = 2^(18-i) mod 11 for positions 1..17 (GB 11643-1999 §7.2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

const REGION_FILE = regionData as unknown as { codes: Record<string, [string, boolean]>; listedFrom: string };
const REGIONS = REGION_FILE.codes;
/** Province-level prefixes (11 北京 … 82 澳门). */
const PROVINCES = new Set(Object.keys(REGIONS).filter((c) => c.endsWith('0000')).map((c) => c.slice(0, 2)));
/** The last day before the earliest revision the platform lists. */
const UNLISTED_BEFORE = `${REGION_FILE.listedFrom}-01`;

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Whether an address code can be a real one for someone born on this date. Every code in
 * force from the earliest listed revision (2002-12) on is listed, so a person born since
 * then must carry a listed code. Codes abolished before it (such as 522121, 遵义县 until
 * 1997) are not in any list the platform has; for people born earlier, an unlisted code is
 * accepted when its first two digits are a province. A mistyped code still fails the check
 * digit, which catches every single-digit error.
 */
export function isKnownRegion(code: string, birthDate: string): boolean {
  if (REGIONS[code]) return true;
  return birthDate < UNLISTED_BEFORE && PROVINCES.has(code.slice(0, 2)) && /^\d{2}(0[1-9]|[1-9]\d)\d{2}$/.test(code);
}

/** The region named by an address code, and whether the code is still current. */
export function regionOf(code: string): { name: string; current: boolean } | undefined {
  const entry = REGIONS[code];
  return entry ? { name: entry[0], current: entry[1] } : undefined;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * Validates and parses an ID number. `today` is the ISO date (Asia/Shanghai) that a birth
 * date may not be later than. Checks run from the most specific finding to the least:
 * a malformed date or an unknown region says more than the check digit it also breaks.
 */
export function parseIdNumber(input: string, today: string): IdNumberResult {
  const value = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, issue: 'format' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1850 || !isCalendarDate(y, m, d)) return { ok: false, issue: 'birthDateInvalid' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, issue: 'birthDateFuture' };
  const regionCode = value.slice(0, 6);
  if (!isKnownRegion(regionCode, birthDate)) return { ok: false, issue: 'regionUnknown' };
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, issue: 'checkDigit' };
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id: { value, regionCode, birthDate, sex } };
}

/** Display form: the region code and the last four characters, never the birth date. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 6)}********${value.slice(14)}`;
}

/** Builds a valid ID number (for demo data and tests) from its parts. */
export function composeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
