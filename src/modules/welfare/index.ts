export { welfareChildren, welfareMemberships, welfareVisits, welfareWorkers, welfareSupportRuns, welfareSupportLines } from './schema.ts';
export { CATEGORIES, lastDayAsMinor, nextVisitDue, computeChildSupport, SUPPORT_RULES } from './rules.ts';
export { welfareRoutes } from './routes.ts';
export { seedWelfare, type WelfareSeedResult } from './seed.ts';
