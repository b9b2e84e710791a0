export { guardianships } from './schema.ts';
export { RELATIONS, type Relation } from './contract.ts';
export { assertGuardianOf, linkGuardian, listGuardians, ownChildren } from './service.ts';
export { guardianshipRoutes } from './routes.ts';
