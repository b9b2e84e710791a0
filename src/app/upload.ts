import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { AppError } from './errors.ts';
import { toAppError } from './error-handler.ts';
import { controlCharacterIssues } from './validation.ts';

/**
 * The file of a multipart upload, refused in the error shape when the request is not a form
 * (415), has no file (400) or names it with control characters (400) — the file name is text
 * input like any other and ends up stored.
 */
export async function uploadedFile(req: FastifyRequest, limits?: { fileSize?: number }, field = 'file'): Promise<MultipartFile> {
  let upload: MultipartFile | undefined;
  try {
    upload = await req.file(limits ? { limits } : undefined);
  } catch (err) {
    throw uploadFailure(err, field);
  }
  if (!upload) throw AppError.field(field, 'required');
  if (controlCharacterIssues(upload.filename).length) {
    upload.file.resume();
    throw AppError.field(field, 'controlCharacter');
  }
  return upload;
}

/**
 * What a failure while receiving an upload means: a form cut short or malformed is the
 * sender's (400, or the limit it broke); a failure of the disk (a system error) is the platform's.
 */
export function uploadFailure(err: unknown, field = 'file'): unknown {
  const known = toAppError(err);
  if (known) return known;
  if (err && typeof err === 'object' && 'syscall' in err) return err;
  return AppError.field(field, 'malformedUpload');
}
