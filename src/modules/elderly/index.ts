export { elderlyProfiles, elderlyAssessments, elderlyHealthAssessments, elderlyDementiaCases, elderlyInstitutions, elderlyWaitlist, elderlyCareWorkers } from './schema.ts';
export { scoreAssessment, eligibleFor, ABILITY_LEVELS, type AbilityLevel } from './ability.ts';
export { bedIndicators, nursingShare, dementiaBedsPer10k, socialWorkersRequired } from './beds.ts';
export { elderlyRoutes } from './routes.ts';
export { seedElderlyRules } from './rules.service.ts';
export { seedElderly, type ElderlySeedResult } from './seed.ts';
