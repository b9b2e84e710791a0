/**
 * Evidence files of a center (registration, fire safety, health evaluation, staff
 * certificates …). Kept in the database with their SHA-256 — both database modes hold them
 * alike, backups carry them, and a read passes the same scope check as the center. Each
 * download is audited.
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { isOperator, loadCenter } from './access.ts';
import { childcareDocuments, childcareFilings, childcareStaff } from './schema.ts';
import { addEvent } from './timeline.service.ts';
import { actorDisplayName } from '../access/index.ts';
import type { DocumentView } from './contract.ts';
import type { DocumentKind } from './vocabulary.ts';

/** PDF and images only: what scanned certificates come as. */
export const DOCUMENT_TYPES: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const viewColumns = {
  id: childcareDocuments.id,
  kind: childcareDocuments.kind,
  fileName: childcareDocuments.fileName,
  mimeType: childcareDocuments.mimeType,
  sizeBytes: childcareDocuments.sizeBytes,
  sha256: childcareDocuments.sha256,
  filingId: childcareDocuments.filingId,
  staffId: childcareDocuments.staffId,
  uploadedByName: childcareDocuments.uploadedByName,
  uploadedAt: childcareDocuments.uploadedAt,
};

/** The files of a center, without their content. Callers have checked the center. */
export async function documentsOf(p: Platform, centerId: string, ex: Executor = p.db.orm): Promise<DocumentView[]> {
  return ex.select(viewColumns).from(childcareDocuments).where(eq(childcareDocuments.centerId, centerId)).orderBy(childcareDocuments.uploadedAt);
}

export async function uploadDocument(
  p: Platform,
  actor: Actor,
  centerId: string,
  file: { fileName: string; content: Buffer; kind: DocumentKind; staffId?: string },
): Promise<DocumentView> {
  requirePermission(actor, 'childcare.operate');
  const ext = file.fileName.split('.').pop()?.toLowerCase() ?? '';
  const mimeType = DOCUMENT_TYPES[ext];
  if (!mimeType) throw AppError.field('file', 'childcare.fileType');
  if (file.content.length === 0) throw AppError.field('file', 'emptyFile');
  if (file.content.length > MAX_DOCUMENT_BYTES) throw AppError.field('file', 'tooLarge');
  return p.db.transaction(async (tx) => {
    const center = await loadCenter(tx, actor, centerId, true);
    if (file.staffId) {
      const [s] = await tx.select({ id: childcareStaff.id }).from(childcareStaff).where(and(eq(childcareStaff.id, file.staffId), eq(childcareStaff.centerId, centerId))).limit(1);
      if (!s) throw AppError.field('staffId', 'childcare.unknownStaff');
    }
    // The file belongs to the filing being prepared, if there is one.
    const [filing] = await tx
      .select()
      .from(childcareFilings)
      .where(and(eq(childcareFilings.centerId, centerId), sql`${childcareFilings.status} IN ('draft', 'returned')`))
      .orderBy(sql`${childcareFilings.createdAt} DESC`)
      .limit(1);
    const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
    const [row] = await tx
      .insert(childcareDocuments)
      .values({
        unitCode: center.unitCode,
        centerId,
        filingId: filing?.id ?? null,
        staffId: file.staffId ?? null,
        kind: file.kind,
        fileName: file.fileName.slice(0, 200),
        mimeType,
        sizeBytes: file.content.length,
        sha256,
        content: file.content,
        uploadedBy: actor.id,
        uploadedByName: await actorDisplayName(tx, actor),
      })
      .returning(viewColumns);
    if (filing) await addEvent(tx, actor, filing, 'documentAdded', { comment: row.fileName });
    await appendAudit(tx, actor, { action: 'childcare.document.upload', entityType: 'childcare_document', entityId: row.id, unitCode: center.unitCode, detail: { kind: file.kind, sha256 } });
    return row;
  });
}

/** A file's content, after the scope check; the read is audited. The checksum is verified on the way out. */
export async function readDocument(p: Platform, actor: Actor, id: string): Promise<{ fileName: string; mimeType: string; content: Buffer; sha256: string }> {
  if (!isOperator(actor)) requirePermission(actor, 'childcare.read');
  return p.db.transaction(async (tx) => {
    const [doc] = await tx.select().from(childcareDocuments).where(and(eq(childcareDocuments.id, id), inScope(childcareDocuments.unitCode, actor))).limit(1);
    assertWithinScope(doc?.unitCode, actor);
    await loadCenter(tx, actor, doc.centerId);
    const content = Buffer.from(doc.content);
    if (crypto.createHash('sha256').update(content).digest('hex') !== doc.sha256) throw new AppError('internal', { messageKey: 'childcare.checksumMismatch' });
    await appendAudit(tx, actor, { action: 'childcare.document.view', entityType: 'childcare_document', entityId: id, unitCode: doc.unitCode });
    return { fileName: doc.fileName, mimeType: doc.mimeType, content, sha256: doc.sha256 };
  });
}
