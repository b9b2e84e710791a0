export { inspectionPlans, inspections, inspectionFindings, rectificationOrders, centerIncidents, centerComplaints, creditEvents } from './schema.ts';
export { drawInspections, DRAW_ALGORITHM } from './draw.ts';
export { checklistOf, INSPECTION_TYPES } from './checklist.ts';
export { creditScore, CREDIT_RULES } from './credit.ts';
export { supervisionRoutes } from './routes.ts';
export { seedSupervision, type SupervisionSeedResult } from './seed.ts';
