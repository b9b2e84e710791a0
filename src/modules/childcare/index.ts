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
