/**
 * Class types, class sizes and carer-to-child ratios of childcare centers, as dated data.
 *
 * Source: 国家卫生健康委《托育机构设置标准（试行）》(国卫人口发〔2019〕58号, issued 2019-10-08):
 * "托育机构一般设置乳儿班（6–12个月，10人以下）、托小班（12–24个月，15人以下）、托大班
 * （24–36个月，20人以下）三种班型。18个月以上的婴幼儿可混合编班，每个班不超过18人。" and
 * "保育人员与婴幼儿的比例应当不低于以下标准：乳儿班1:3，托小班1:5，托大班1:7。"
 * Checked against the project's domain facts (§8, [CORROBORATED]). The national text sets no
 * ratio for mixed classes: 1:6 below is a configurable choice (the Shenzhen rules use it), not
 * a national figure, and is marked so.
 * Health staff: one health worker (保健人员) per 100 children enrolled, at least one.
 */
import type { ClassType } from '../vocabulary.ts';

export interface ClassRule {
  minMonths: number;
  maxMonths: number;
  /** Most children one class may hold. */
  maxSize: number;
  /** Children per caregiver (保育人员): 3 means 1:3. */
  childrenPerCaregiver: number;
  /** false where the figure is a local choice rather than the national standard. */
  national: boolean;
}

export interface ClassStandard {
  id: string;
  effectiveFrom: string;
  /** Inclusive last day; null while in force. */
  effectiveTo: string | null;
  source: string;
  classes: Record<ClassType, ClassRule>;
  /** Children per health worker, rounded up (at least one health worker once a child is enrolled). */
  childrenPerHealthWorker: number;
}

export const CLASS_STANDARDS: readonly ClassStandard[] = [
  {
    id: 'nhc-2019-58',
    effectiveFrom: '2019-10-08',
    effectiveTo: null,
    source: '托育机构设置标准（试行）（国卫人口发〔2019〕58号）',
    classes: {
      infant: { minMonths: 6, maxMonths: 12, maxSize: 10, childrenPerCaregiver: 3, national: true },
      toddler: { minMonths: 12, maxMonths: 24, maxSize: 15, childrenPerCaregiver: 5, national: true },
      older: { minMonths: 24, maxMonths: 36, maxSize: 20, childrenPerCaregiver: 7, national: true },
      mixed: { minMonths: 18, maxMonths: 36, maxSize: 18, childrenPerCaregiver: 6, national: false },
    },
    childrenPerHealthWorker: 100,
  },
];
