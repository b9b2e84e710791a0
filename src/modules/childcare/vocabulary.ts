/** The fixed vocabularies of the childcare module; the database CHECKs hold the same lists. */

/** Who runs a center (举办主体). */
export const OPERATOR_KINDS = ['public', 'nonProfit', 'forProfit', 'employer', 'kindergarten', 'community'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

/** 托育机构 / 家庭托育点 / 社区驿站 (SPEC §3.1, "5+X"). */
export const CENTER_FORMS = ['center', 'familyCarePoint', 'communityStation'] as const;
export type CenterForm = (typeof CENTER_FORMS)[number];

export const CENTER_STATUSES = ['draft', 'submitted', 'inReview', 'returned', 'filed', 'suspended', 'closed'] as const;
export type CenterStatus = (typeof CENTER_STATUSES)[number];
/** What the county may do to a filed center's operation, and the status each leads to from which. */
export const CENTER_STATUS_ACTIONS = ['suspend', 'resume', 'close'] as const;
export type CenterStatusAction = (typeof CENTER_STATUS_ACTIONS)[number];
export const CENTER_STATUS_MOVES: Record<CenterStatusAction, { from: readonly CenterStatus[]; to: CenterStatus }> = {
  suspend: { from: ['filed'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'filed' },
  close: { from: ['filed', 'suspended'], to: 'closed' },
};

/** 乳儿班 6–12 months, 托小班 12–24, 托大班 24–36, 混合班 18–36. */
export const CLASS_TYPES = ['infant', 'toddler', 'older', 'mixed'] as const;
export type ClassType = (typeof CLASS_TYPES)[number];

/** 全日托 / 半日托 / 计时托 / 临时托. */
export const CARE_TYPES = ['fullDay', 'halfDay', 'hourly', 'temporary'] as const;
export type CareType = (typeof CARE_TYPES)[number];

export const ENROLMENT_STATUSES = ['active', 'ended'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** 机构负责人 / 保育人员 / 幼儿教师 / 保健人员 / 炊事人员 / 保安人员. */
export const STAFF_ROLES = ['director', 'caregiver', 'teacher', 'healthWorker', 'cook', 'security'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const BACKGROUND_CHECKS = ['pending', 'passed', 'failed'] as const;
export type BackgroundCheck = (typeof BACKGROUND_CHECKS)[number];

export const CERTIFICATE_TYPES = ['caregiver', 'teacher', 'health', 'nurse', 'chef', 'firstAid', 'training', 'other'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

export const FILING_KINDS = ['initial', 'change'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

export const FILING_STATUSES = ['draft', 'submitted', 'inReview', 'returned', 'filed'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** 消防: the full inspection, or the simplified procedure for small community facilities (004). */
export const FIRE_PROCEDURES = ['standard', 'simplified'] as const;
export type FireProcedure = (typeof FIRE_PROCEDURES)[number];

/** The ten departments of the joint mechanism (004): 发改、教育、公安、民政、人社、建设、文广、卫健、市场监管、消防. */
export const DEPARTMENTS = [
  'development',
  'education',
  'publicSecurity',
  'civilAffairs',
  'humanResources',
  'construction',
  'culture',
  'health',
  'marketRegulation',
  'fireRescue',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const REVIEW_DECISIONS = ['pending', 'approved', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const FILING_EVENT_ACTIONS = ['created', 'submitted', 'approved', 'returnedByDepartment', 'returned', 'filed', 'documentAdded', 'resubmitted'] as const;
export type FilingEventAction = (typeof FILING_EVENT_ACTIONS)[number];

export const DOCUMENT_KINDS = ['registration', 'fireSafety', 'fireSimplified', 'healthEvaluation', 'staffCertificate', 'premises', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const WARNING_KINDS = ['classSize', 'staffRatio', 'capacity', 'healthWorker'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
