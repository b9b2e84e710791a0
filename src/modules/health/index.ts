export { childHealthCenters, growthMeasurements, devScreenings, devReferrals, vaccinations, newbornVisits, mchatWordings } from './schema.ts';
export { zScore, lmsZ, valueAtZ, normalCdf, GROWTH_STANDARD_SOURCE, type GrowthMeasure, type Sex } from './growth.ts';
export { scoreMchat, scoreFollowUp, type MchatRisk } from './mchat.ts';
export { evaluateWarningSigns, bandFor } from './warningSigns.ts';
export { immunisationStatus, summariseImmunisation, type DoseStatus, type VaccinationRecord } from './immunisation.ts';
export { getChildRecord, getOwnChildRecord, listChildren } from './service.ts';
export { seedHealth, type HealthSeedResult } from './seed.ts';
export { healthRoutes } from './routes.ts';
