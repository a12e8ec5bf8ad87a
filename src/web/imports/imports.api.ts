/** The import screen's calls: the server's own types (type-only imports), the raw-body upload and following its job. */
import { jobOutcome, startJob } from '../shared/index.js';
import type { ImportProgress, ImportView } from '../../exchange/index.js';

export type { ImportProgress, ImportView } from '../../exchange/index.js';
export type { BookView as Book } from '../../archive/index.js';

/**
 * Sends the file as the request body; the server checks it cheaply, stores it
 * and answers 202 { jobId }: the import runs as a background job.
 * fixEncoding applies the legacy-font / look-alike conversions the report offered.
 */
export async function uploadImport(file: File, bookId: string, fixEncoding = false): Promise<string> {
  const query = new URLSearchParams({ filename: file.name, ...(bookId ? { bookId } : {}), ...(fixEncoding ? { fixEncoding: '1' } : {}) });
  return startJob(`/api/imports?${query.toString()}`, file);
}

/** Follows the import job: the import (imported, or failed row by row with its error report); a file-level refusal rejects with its message. */
export const followImport = (jobId: string, onProgress: (p: ImportProgress) => void): Promise<ImportView> =>
  jobOutcome<ImportView>(jobId, 'Nhập dữ liệu không thành công.', (p) => onProgress(p as ImportProgress));
