export { importRuns, importRowErrors } from './schema.ts';
export { importPeopleFile, startPeopleImport, errorReportCsv, markInterruptedRuns, type ImportRun } from './service.ts';
export { importRoutes } from './routes.ts';
export { normaliseDate } from './peopleCsv.ts';
