export {
  allocatePlaces,
  deferredAcceptance,
  firstComeFirstServed,
  blockingPairs,
  type Application,
  type Assignment,
  type Choice,
  type ChoiceExplanation,
  type MatchInput,
  type Outcome,
  type Program,
} from './matching.ts';
export { lotteryNumber, priorityKey, comparePriority, TIE_BREAK, type ApplicantFacts, type PriorityRule } from './priority.ts';
export { admissionRoutes } from './routes.ts';
export { admissionApplications, admissionChoices, admissionPrograms, admissionRounds } from './schema.ts';
export { centerForActor, centersOfActor, type CenterRef } from './access.ts';
export { CLASS_AGES, classTypesForAge, type ApplicationStatus } from './workflow.ts';
export { seedAdmission, type AdmissionSeedResult } from './seed.ts';
