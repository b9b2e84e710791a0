export { geoRoutes } from './routes.ts';
export { seedUnitLocations } from './seed.ts';
export { serviceCircle, serviceCircleBruteForce, populationGrid, DEFAULT_CIRCLE } from './serviceCircle.ts';
export { gini, theil } from './balance.ts';
