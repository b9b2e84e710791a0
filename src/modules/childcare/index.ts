export {
  childcareCenters,
  childcareClasses,
  childcareEnrolments,
  childcareStaff,
  childcareStaffCertificates,
  childcareFilings,
  childcareFilingReviews,
  childcareFilingEvents,
  childcareDocuments,
  childcareRatioWarnings,
  childcareDepartmentReviewers,
} from './schema.ts';
export * from './vocabulary.ts';
export { childcareRoutes } from './routes.ts';
export { checkStaffing, classStandardOn, requiredCaregivers, type Breach } from './ratios.ts';
export { CLASS_STANDARDS } from './data/classStandards.ts';
export { CHILDCARE_DEMO_USERS, DEMO_REVIEWERS, assignDemoReviewers } from './demoUsers.ts';
export { seedChildcare, type ChildcareSeedResult } from './seed.ts';
export { refreshWarnings } from './staffing.service.ts';
