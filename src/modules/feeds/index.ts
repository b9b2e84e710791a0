export { personFacts, feedAlerts, feedApiKeys, feedOfficers, feedRuns } from './schema.ts';
export { DEPARTMENTS, FACT_KINDS, KINDS, mayState, kindsOf, type Department, type FactKind } from './kinds.ts';
export { runFeed, runFeedFile, insertAlerts, departmentOfUser, onFeedRun, type FeedRun } from './service.ts';
export { lapseAlert, isMinor, ageOn, actingUnit } from './alerts.ts';
export { feedRoutes } from './routes.ts';
export { seedFeeds } from './seed.ts';
