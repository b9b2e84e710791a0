export { orgUnits, orgUnitPopulation } from './schema.ts';
export { findUnit, unitNameMap, latestPopulationYear, populationShare, type OrgUnit } from './service.ts';
export { orgRoutes } from './routes.ts';
export { generatePopulationBase, type PopulationRow } from './population.ts';
