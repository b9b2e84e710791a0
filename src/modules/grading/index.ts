export { gradingApplications, centerGrades } from './schema.ts';
export { GRADE_LEVELS, type GradeLevel } from './vocabulary.ts';
export { gradeOn, type GradeRecord } from './history.ts';
export { centerForActor, centersVisibleTo, type CenterRow } from './centers.ts';
export { gradeRecordsOf, currentGrades } from './grades.ts';
export { gradingRoutes } from './routes.ts';
export { checkEligibility } from './eligibility.ts';
export { seedGrading, type GradingSeedResult } from './seed.ts';
