export const INCIDENT_KINDS = ['injury', 'illness', 'outbreak', 'foodSafety', 'fire', 'violence', 'missingChild', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
/** 一般 / 较大 / 重大. */
export const INCIDENT_SEVERITIES = ['general', 'serious', 'major'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_STATUSES = ['reported', 'acknowledged', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const COMPLAINT_CATEGORIES = ['safety', 'care', 'food', 'fees', 'staff', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_STATUSES = ['received', 'handling', 'upheld', 'dismissed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const CREDIT_SOURCES = ['finding', 'rectification', 'incident', 'complaint'] as const;
export type CreditSource = (typeof CREDIT_SOURCES)[number];
