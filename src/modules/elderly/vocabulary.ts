/** The words of an elderly profile (精准画像), one name for one thing across DB, API, UI and i18n. */

/** 户籍: local urban, local rural, or registered elsewhere. */
export const HOUSEHOLDS = ['localUrban', 'localRural', 'nonLocal'] as const;
export type Household = (typeof HOUSEHOLDS)[number];

/** 居住状况: alone (独居), empty-nest (空巢), left-behind (留守), with family, in an institution. */
export const LIVING_ARRANGEMENTS = ['alone', 'emptyNest', 'leftBehind', 'withFamily', 'institution'] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENTS)[number];

/** 经济状况: ordinary, 低保 (low-income), 低保边缘, 特困 (destitute), other 特殊困难. */
export const ECONOMIC_STATUSES = ['ordinary', 'lowIncome', 'lowIncomeEdge', 'destitute', 'specialDifficulty'] as const;
export type EconomicStatus = (typeof ECONOMIC_STATUSES)[number];

/** 健康状况 as recorded on the profile. */
export const HEALTH_STATUSES = ['good', 'fair', 'chronic', 'poor'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** 养老方式: at home, community (day care), institution. */
export const CARE_MODES = ['home', 'community', 'institution'] as const;
export type CareMode = (typeof CARE_MODES)[number];

/** Other priority groups of the waiting-list rules: 计生特殊家庭, 重点优抚对象, 残疾人. */
export const PRIORITY_FLAGS = ['familyPlanningSpecial', 'meritService', 'disabled'] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

/** Graduates' education for the entry award (004): 本科及以上, 大专, 中职. */
export const EDUCATIONS = ['bachelorOrAbove', 'college', 'secondaryVocational'] as const;
export type GraduateEducation = (typeof EDUCATIONS)[number];
