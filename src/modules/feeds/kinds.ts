/**
 * The kinds of facts departments state about a person, as data: for each kind the
 * departments allowed to state it, whether its feed may register a person not yet known
 * (births and household registration are authoritative for who exists), the columns of its
 * feed with their Chinese and English headers, and the zod schema of one row's fact.
 *
 * Sources: 《关于进一步健全农村留守儿童和困境儿童关爱服务体系的意见》 and the Shaoxing child-welfare
 * opinion (000 §7: 民政、教育、公安、卫健、人社、共青团、妇联、残联 share data linked by ID number);
 * 《关于开展儿童参加基本医疗保险专项行动的通知》 (002: births through "出生一件事", enrolment data
 * shared by 医保). Codes: 残疾类别 and 残疾等级 of GB/T 26341-2010 《残疾人残疾分类和分级》.
 */
import { z } from 'zod';
import { isoDate, text } from '../../app/schemas.ts';

export const DEPARTMENTS = [
  'civilAffairs',
  'education',
  'publicSecurity',
  'health',
  'humanResources',
  'medicalInsurance',
  'womensFederation',
  'disabledPersons',
  'youthLeague',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const FACT_KINDS = [
  'birth',
  'household',
  'school',
  'disability',
  'lowIncome',
  'death',
  'insurance',
  'migrantWork',
  'leftBehind',
  'careProgramme',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A column of a feed: its field name and the headers it may carry (compared without spaces, case-insensitive). */
export interface FeedColumn {
  field: string;
  headers: string[];
  required: boolean;
  /** An ID number of another person (a parent): resolved to that person, never stored. */
  personRef?: boolean;
}

export interface KindDefinition {
  kind: FactKind;
  departments: readonly Department[];
  /** The feed may register the person when the ID number is not known yet. */
  authoritative: boolean;
  columns: FeedColumn[];
  /** The fact of one row, from its fields (strings, dates normalised); idNumber, name and unitCode are the person's. */
  schema: z.ZodType<FactValue>;
  /** Within a kind, facts with different keys stand side by side (one insurance fact per year). */
  keyOf(value: FactValue): string;
}

/** What a row states: the value kept as jsonb, and its period. */
export interface FactValue {
  value: Record<string, string | number | null>;
  validFrom: string | null;
  validTo: string | null;
}

const PERSON_COLUMNS: FeedColumn[] = [
  { field: 'idNumber', headers: ['idnumber', '身份证号', '身份证号码', '公民身份号码'], required: true },
  { field: 'name', headers: ['name', '姓名'], required: false },
];
const UNIT_COLUMN: FeedColumn = { field: 'unitCode', headers: ['unitcode', '村社区代码', '所属村社区代码', '户籍地代码', '区划代码'], required: true };

/** A code given by its Chinese label, its English value or its number. */
function code<const T extends string>(labels: Record<string, T>) {
  const values = Object.values(labels);
  return z
    .string()
    .trim()
    .transform((v, ctx): T => {
      const found = labels[v] ?? values.find((x) => x.toLowerCase() === v.toLowerCase());
      if (found) return found;
      ctx.addIssue({ code: 'custom', params: { key: 'feeds.unknownCode' } });
      return z.NEVER;
    });
}

const optionalDate = z.union([z.literal('').transform(() => null), isoDate]).optional().transform((v) => v ?? null);
const year = z.coerce.number().int().min(2000).max(2100);

export const HOUSEHOLD_EVENTS = { 出生登记: 'birthRegistration', 户籍登记: 'register', 迁入: 'moveIn', 迁出: 'moveOut' } as const;
export const SCHOOL_STATUSES = { 在读: 'enrolled', 入学: 'enrolled', 转学: 'transferred', 毕业: 'graduated', 辍学: 'dropped', 休学: 'suspended' } as const;
export const DISABILITY_CATEGORIES = { 视力: 'visual', 听力: 'hearing', 言语: 'speech', 肢体: 'physical', 智力: 'intellectual', 精神: 'mental', 多重: 'multiple' } as const;
export const DISABILITY_GRADES = { 一级: '1', 二级: '2', 三级: '3', 四级: '4', '1': '1', '2': '2', '3': '3', '4': '4' } as const;
/** 社会救助 statuses: 最低生活保障, 低保边缘, 特困供养, 孤儿, 事实无人抚养儿童 (民发〔2019〕62号). */
export const LOW_INCOME_STATUSES = { 低保: 'minimumLiving', 低边: 'marginal', 低保边缘: 'marginal', 特困: 'destitute', 孤儿: 'orphan', 事实无人抚养: 'deFactoUnsupported', 事实无人抚养儿童: 'deFactoUnsupported' } as const;

function period(from: string | null, to: string | null, ctx: z.RefinementCtx, toField = 'validTo') {
  if (from && to && to < from) ctx.addIssue({ code: 'custom', path: [toField], params: { key: 'feeds.periodOrder' } });
}

export const KINDS: Record<FactKind, KindDefinition> = {
  birth: {
    kind: 'birth',
    departments: ['health'],
    authoritative: true,
    columns: [
      ...PERSON_COLUMNS,
      UNIT_COLUMN,
      { field: 'certificateNo', headers: ['certificateno', '出生医学证明编号', '出生证编号'], required: true },
      { field: 'birthDate', headers: ['birthdate', '出生日期'], required: true },
      { field: 'birthPlace', headers: ['birthplace', '出生机构', '助产机构'], required: false },
      { field: 'mother', headers: ['motheridnumber', '母亲身份证号'], required: false, personRef: true },
      { field: 'father', headers: ['fatheridnumber', '父亲身份证号'], required: false, personRef: true },
    ],
    schema: z
      .object({ certificateNo: z.string().trim().refine((v) => /^[A-Z]?\d{9,12}$/.test(v), { params: { key: 'feeds.certificateNo' } }), birthDate: isoDate, birthPlace: z.string().trim().max(60).optional(), mother: z.string().nullable().optional(), father: z.string().nullable().optional() })
      .transform((v) => ({ value: { certificateNo: v.certificateNo, birthPlace: v.birthPlace ?? null, motherPersonId: v.mother ?? null, fatherPersonId: v.father ?? null }, validFrom: v.birthDate, validTo: null })),
    keyOf: () => '',
  },
  household: {
    kind: 'household',
    departments: ['publicSecurity'],
    authoritative: true,
    columns: [
      ...PERSON_COLUMNS,
      UNIT_COLUMN,
      { field: 'event', headers: ['event', '户籍事项', '事项'], required: true },
      { field: 'eventDate', headers: ['eventdate', '办理日期', '登记日期'], required: true },
    ],
    schema: z
      .object({ event: code(HOUSEHOLD_EVENTS), eventDate: isoDate, unitCode: z.string() })
      .transform((v) => ({ value: { event: v.event, unitCode: v.unitCode }, validFrom: v.eventDate, validTo: null })),
    keyOf: () => '',
  },
  school: {
    kind: 'school',
    departments: ['education'],
    authoritative: false,
    columns: [
      ...PERSON_COLUMNS,
      { field: 'schoolName', headers: ['schoolname', '学校名称', '学校'], required: true },
      { field: 'status', headers: ['status', '学籍状态', '状态'], required: true },
      { field: 'statusDate', headers: ['statusdate', '变动日期', '日期'], required: true },
    ],
    schema: z
      .object({ schoolName: text(60), status: code(SCHOOL_STATUSES), statusDate: isoDate })
      .transform((v) => ({ value: { schoolName: v.schoolName, status: v.status }, validFrom: v.statusDate, validTo: null })),
    keyOf: () => '',
  },
  disability: {
    kind: 'disability',
    departments: ['disabledPersons'],
    authoritative: false,
    columns: [
      ...PERSON_COLUMNS,
      { field: 'certificateNo', headers: ['certificateno', '残疾证号', '残疾人证号'], required: true },
      { field: 'category', headers: ['category', '残疾类别'], required: true },
      { field: 'grade', headers: ['grade', '残疾等级'], required: true },
      { field: 'issuedOn', headers: ['issuedon', '发证日期'], required: true },
      { field: 'validTo', headers: ['validto', '有效期至'], required: false },
    ],
    // 残疾人证号: the holder's ID number, then the category and grade digits (and, on the
    // second-generation card, two digits of the issue). Only the digits after the ID number are kept.
    schema: z
      .object({ idNumber: z.string(), certificateNo: z.string().trim().toUpperCase().refine((v) => /^\d{17}[\dX][1-7][1-4](\d{2})?$/.test(v), { params: { key: 'feeds.certificateNo' } }), category: code(DISABILITY_CATEGORIES), grade: code(DISABILITY_GRADES), issuedOn: isoDate, validTo: optionalDate })
      .superRefine((v, ctx) => {
        if (!v.certificateNo.startsWith(v.idNumber.toUpperCase())) ctx.addIssue({ code: 'custom', path: ['certificateNo'], params: { key: 'feeds.certificateMismatch' } });
        period(v.issuedOn, v.validTo, ctx);
      })
      .transform((v) => ({ value: { certificateSuffix: v.certificateNo.slice(18), category: v.category, grade: Number(v.grade) }, validFrom: v.issuedOn, validTo: v.validTo })),
    keyOf: () => '',
  },
  lowIncome: {
    kind: 'lowIncome',
    departments: ['civilAffairs'],
    authoritative: false,
    columns: [
      ...PERSON_COLUMNS,
      { field: 'status', headers: ['status', '救助类别', '类别'], required: true },
      { field: 'validFrom', headers: ['validfrom', '认定日期', '起始日期'], required: true },
      { field: 'validTo', headers: ['validto', '终止日期', '截止日期'], required: false },
    ],
    schema: z
      .object({ status: code(LOW_INCOME_STATUSES), validFrom: isoDate, validTo: optionalDate })
      .superRefine((v, ctx) => period(v.validFrom, v.validTo, ctx))
      .transform((v) => ({ value: { status: v.status }, validFrom: v.validFrom, validTo: v.validTo })),
    keyOf: () => '',
  },
  death: {
    kind: 'death',
    departments: ['publicSecurity', 'health'],
    authoritative: false,
    columns: [...PERSON_COLUMNS, { field: 'deathDate', headers: ['deathdate', '死亡日期'], required: true }],
    schema: z.object({ deathDate: isoDate }).transform((v) => ({ value: {}, validFrom: v.deathDate, validTo: null })),
    keyOf: () => '',
  },
  insurance: {
    kind: 'insurance',
    departments: ['medicalInsurance'],
    authoritative: false,
    columns: [
      ...PERSON_COLUMNS,
      { field: 'year', headers: ['year', '参保年度', '年度'], required: true },
      { field: 'place', headers: ['place', '参保地代码', '参保地'], required: true },
      { field: 'enrolledOn', headers: ['enrolledon', '参保日期', '缴费日期'], required: true },
    ],
    schema: z
      .object({ year, place: z.string().trim().refine((v) => /^\d{6}$/.test(v), { params: { key: 'feeds.placeCode' } }), enrolledOn: isoDate })
      .superRefine((v, ctx) => {
        // Payment for a year opens in the autumn before it (集中参保期).
        if (Number(v.enrolledOn.slice(0, 4)) > v.year || Number(v.enrolledOn.slice(0, 4)) < v.year - 1)
          ctx.addIssue({ code: 'custom', path: ['enrolledOn'], params: { key: 'feeds.enrolledOutsideYear' } });
      })
      .transform((v) => ({ value: { year: v.year, place: v.place }, validFrom: v.enrolledOn, validTo: `${v.year}-12-31` })),
    keyOf: (v) => String(v.value.year),
  },
  migrantWork: {
    kind: 'migrantWork',
    departments: ['humanResources'],
    authoritative: false,
    columns: [
      ...PERSON_COLUMNS,
      { field: 'workPlace', headers: ['workplace', '务工地', '就业地'], required: true },
      { field: 'validFrom', headers: ['validfrom', '外出日期', '起始日期'], required: true },
      { field: 'validTo', headers: ['validto', '返乡日期', '截止日期'], required: false },
    ],
    schema: z
      .object({ workPlace: text(60), validFrom: isoDate, validTo: optionalDate })
      .superRefine((v, ctx) => period(v.validFrom, v.validTo, ctx))
      .transform((v) => ({ value: { workPlace: v.workPlace }, validFrom: v.validFrom, validTo: v.validTo })),
    keyOf: () => '',
  },
  leftBehind: {
    kind: 'leftBehind',
    departments: ['womensFederation'],
    authoritative: false,
    columns: [
      ...PERSON_COLUMNS,
      { field: 'caregiver', headers: ['caregiver', '委托照护人', '照护人'], required: true },
      { field: 'validFrom', headers: ['validfrom', '登记日期'], required: true },
      { field: 'validTo', headers: ['validto', '结束日期'], required: false },
    ],
    schema: z
      .object({ caregiver: text(40), validFrom: isoDate, validTo: optionalDate })
      .superRefine((v, ctx) => period(v.validFrom, v.validTo, ctx))
      .transform((v) => ({ value: { caregiver: v.caregiver }, validFrom: v.validFrom, validTo: v.validTo })),
    keyOf: () => '',
  },
  careProgramme: {
    kind: 'careProgramme',
    departments: ['youthLeague'],
    authoritative: false,
    columns: [
      ...PERSON_COLUMNS,
      { field: 'programme', headers: ['programme', '关爱项目', '结对项目'], required: true },
      { field: 'validFrom', headers: ['validfrom', '结对日期'], required: true },
      { field: 'validTo', headers: ['validto', '结束日期'], required: false },
    ],
    schema: z
      .object({ programme: text(60), validFrom: isoDate, validTo: optionalDate })
      .superRefine((v, ctx) => period(v.validFrom, v.validTo, ctx))
      .transform((v) => ({ value: { programme: v.programme }, validFrom: v.validFrom, validTo: v.validTo })),
    keyOf: () => '',
  },
};

export function isFactKind(v: string): v is FactKind {
  return (FACT_KINDS as readonly string[]).includes(v);
}

/** Whether a department may state facts of a kind: a feed never writes another department's facts. */
export function mayState(department: Department, kind: FactKind): boolean {
  return (KINDS[kind].departments as readonly Department[]).includes(department);
}

/** The kinds a department's feeds carry. */
export function kindsOf(department: Department): FactKind[] {
  return FACT_KINDS.filter((k) => mayState(department, k));
}

/** Maps a header row to the kind's fields; unknown headers are ignored. */
export function mapFeedHeader(kind: FactKind, header: string[]): { columns: (string | null)[]; missing: string[] } {
  const cols = KINDS[kind].columns;
  const columns = header.map((h) => {
    const key = String(h ?? '').trim().replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_]/g, '');
    return cols.find((c) => c.headers.includes(key))?.field ?? null;
  });
  return { columns, missing: cols.filter((c) => c.required && !columns.includes(c.field)).map((c) => c.field) };
}

/** Whether two stated facts say the same thing (a re-sent row changes nothing). */
export function sameFact(a: FactValue, b: FactValue): boolean {
  return a.validFrom === b.validFrom && a.validTo === b.validTo && canonical(a.value) === canonical(b.value);
}

function canonical(v: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(v).sort().map((k) => [k, v[k] ?? null]));
}
