/**
 * The people CSV format: a header row naming the columns in Chinese or English, then one
 * person per row. Pure mapping from a parsed row to the fields personSchema checks.
 */
export const PEOPLE_COLUMNS = {
  idNumber: ['idnumber', '身份证号', '身份证号码', '公民身份号码'],
  name: ['name', '姓名'],
  sex: ['sex', '性别'],
  birthDate: ['birthdate', '出生日期'],
  unitCode: ['unitcode', '村社区代码', '所属村社区代码', '区划代码', '所属区划代码'],
  phone: ['phone', '电话', '联系电话', '手机号码'],
  address: ['address', '地址', '住址', '居住地址'],
} as const;

export type PeopleColumn = keyof typeof PEOPLE_COLUMNS;
export const REQUIRED_COLUMNS: PeopleColumn[] = ['idNumber', 'name', 'unitCode'];

/** Maps header cells to field names; unknown headers are ignored. */
export function mapHeader(header: string[]): { columns: (PeopleColumn | null)[]; missing: PeopleColumn[] } {
  const columns = header.map((h) => {
    const key = h.trim().replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_]/g, '');
    const found = (Object.keys(PEOPLE_COLUMNS) as PeopleColumn[]).find((c) =>
      (PEOPLE_COLUMNS[c] as readonly string[]).includes(key),
    );
    return found ?? null;
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((c) => !columns.includes(c)) };
}

// GB/T 2261.1-2003: 1 male, 2 female.
const SEX: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', m: 'male', f: 'female', male: 'male', female: 'female', '1': 'male', '2': 'female' };

/** Accepts 2024-03-05, 2024/3/5 and 20240305; anything else is passed on to fail validation. */
export function normaliseDate(value: string): string {
  const v = value.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return v;
}

/** One CSV record as the input object of personSchema. */
export function rowToPersonInput(columns: (PeopleColumn | null)[], record: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  columns.forEach((c, i) => {
    if (!c) return;
    const v = record[i]?.trim();
    if (!v) return;
    if (c === 'sex') out.sex = SEX[v.toLowerCase()] ?? v;
    else if (c === 'birthDate') out.birthDate = normaliseDate(v);
    else out[c] = v;
  });
  return out;
}
