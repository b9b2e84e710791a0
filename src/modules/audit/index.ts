export { auditLog } from './schema.ts';
export { appendAudit, verifyAuditChain, listAudit, type AuditEntry, type VerifyResult } from './service.ts';
export { auditRoutes } from './routes.ts';
