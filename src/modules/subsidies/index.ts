export { subsidyRules, subsidyMonths, subsidyLines, subsidyClaims } from './schema.ts';
export { computeMonthlySubsidy, computeOneTimeSubsidy, prorate, monthDays, type SubsidyLine, type MonthlyResult, type CenterFactsSpan } from './monthly.ts';
export { rulesInEffect, unmetConditions, inEffect, checkRuleVersion, type SubsidyRule, type Condition, type Facts } from './rules.ts';
export { seedSubsidyRules } from './rules.service.ts';
export { computeMonth } from './run.service.ts';
export { subsidyRoutes } from './routes.ts';
export { seedSubsidies, type SubsidySeedResult } from './seed.ts';
