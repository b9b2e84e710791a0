export { importRuns, importRowErrors } from './schema.ts';
export { importPeopleFile, errorReportCsv, markInterruptedRuns, type ImportRun } from './service.ts';
export { importRoutes } from './routes.ts';
