export { protectionCases, protectionCaseAssignees, protectionReferrals, protectionCaseEvents } from './schema.ts';
export { STAGES, ACTIONS, TRANSITIONS, nextStage, legalActions, type Stage, type CaseAction } from './stages.ts';
export { stageDueAt, DEADLINE_VERSIONS, DEADLINE_SOURCE } from './deadlines.ts';
export { protectionRoutes } from './routes.ts';
export { seedProtection } from './seed.ts';
