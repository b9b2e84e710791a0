/**
 * The lists a protection case is described with. Categories follow the typical situations of
 * mandatory reporting (《关于建立侵害未成年人案件强制报告制度的意见（试行）》 (2020), Article 4):
 * sexual harm, a pregnant girl under 14, injuries that look inflicted, abandonment, a child
 * without care, violence at home, bullying; departments are those the same opinion and the
 * Law on the Protection of Minors name as receivers and partners.
 */
export const CATEGORIES = ['sexualHarm', 'violence', 'neglect', 'abandonment', 'noCarer', 'minorPregnancy', 'bullying', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** 公安、教育、卫健、民政、妇联、检察院、法院、共青团、残联、人社 */
export const DEPARTMENTS = ['police', 'education', 'health', 'civilAffairs', 'womensFederation', 'procuratorate', 'court', 'youthLeague', 'disabledFederation', 'humanResources'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const REPORTER_KINDS = ['staff', 'public'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

export const EVENT_KINDS = ['reported', 'transition', 'assigned', 'unassigned', 'referred', 'referralUpdated', 'childLinked', 'note'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
