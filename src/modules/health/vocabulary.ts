/** The fixed vocabularies of the health records, shared by the tables, the API and the web app. */

export const CENTER_STATUSES = ['planned', 'building', 'operating', 'suspended'] as const;
/** 县级 and 市级示范 "医、防、护" centers (004: six city model centers; 30% county-level). */
export const CENTER_GRADES = ['standard', 'countyModel', 'cityModel'] as const;
/** The services of a "医、防、护" center (001 §7: 医疗、保健、预防接种、养育风险筛查、早期发展、家访、托育机构健康指导). */
export const CENTER_SERVICES = ['medical', 'childCare', 'vaccination', 'riskScreening', 'earlyDevelopment', 'homeVisits', 'centerGuidance'] as const;

export const VISIT_KINDS = ['postDischarge', 'fullMonth'] as const;
export const FEEDING = ['breast', 'mixed', 'formula'] as const;
/** Guidance topics of a newborn home visit. */
export const GUIDANCE_TOPICS = ['feeding', 'care', 'development', 'diseasePrevention', 'injuryPrevention', 'oralHealth'] as const;

export type CenterStatus = (typeof CENTER_STATUSES)[number];
export type CenterGrade = (typeof CENTER_GRADES)[number];
export type CenterService = (typeof CENTER_SERVICES)[number];
export type VisitKind = (typeof VISIT_KINDS)[number];
export type Feeding = (typeof FEEDING)[number];
export type GuidanceTopic = (typeof GUIDANCE_TOPICS)[number];
