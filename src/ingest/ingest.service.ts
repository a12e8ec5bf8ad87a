/**
 * Ingesting files into a book: each file is checked against the files the
 * book already has (the same content twice gives one set of pages and a
 * message, before any processing), goes through the pipeline (processFile),
 * is checked against the book's pages (near-duplicates are flagged, not
 * refused), then is stored by the archive in one step. One bad file never stops the batch: it is reported with its
 * Vietnamese error and the others go on.
 */
import { createHash } from 'node:crypto';
import { findIngestedFile, getBook, listPageHashes, storeIngestedFile, type PageView } from '../archive/index.js';
import { assertPermission, type ActorContext } from '../auth/index.js';
import { isAppError } from '../core/index.js';
import { cleanFileName } from './file-name.js';
import { StopIngest } from './ingest.errors.js';
import { markNearDuplicates } from './near-duplicates.js';
import { pixelBudgetOf } from './pixel-budget.js';
import { processFile } from './process-file.service.js';

/** A file to ingest: its bytes, or a loader called only when its turn comes (a scanner folder can be large). */
export type IngestInput = { name: string; bytes: Buffer } | { name: string; load: () => Promise<Buffer> };

const bytesOf = async (i: IngestInput): Promise<Buffer> => ('bytes' in i ? i.bytes : i.load());

export interface IngestProgress {
  code: string;
  file: string;
  fileIndex: number;
  files: number;
  page?: number;
  pages?: number;
}

export interface IngestSummary {
  bookId: string;
  files: { name: string; pages: PageView[] }[];
  duplicates: { name: string; code: 'ingest.duplicate'; message: string; pages: number[] }[];
  rejected: { name: string; code: string; message: string }[];
}

type Report = (e: { code: string; page?: number; pages?: number }) => void;

/** Ingests files into a book the actor sees (scans.upload); a book out of scope is "not found" before any file is read. */
export async function ingestFiles(
  ctx: ActorContext,
  bookId: string,
  inputs: readonly IngestInput[],
  onProgress?: (p: IngestProgress) => void,
): Promise<IngestSummary> {
  assertPermission(ctx.actor, 'scans.upload');
  await getBook(ctx, bookId);
  const summary: IngestSummary = { bookId, files: [], duplicates: [], rejected: [] };
  for (const [i, input] of inputs.entries()) {
    const report: Report = (e) => onProgress?.({ ...e, file: input.name, fileIndex: i, files: inputs.length });
    report({ code: 'ingest.file_started' });
    await ingestOne(ctx, bookId, input, summary, report);
  }
  return summary;
}

async function ingestOne(ctx: ActorContext, bookId: string, input: IngestInput, summary: IngestSummary, report: Report): Promise<void> {
  try {
    const bytes = await bytesOf(input);
    // The same content again is answered before the (costly) pipeline runs.
    const earlier = await findIngestedFile(ctx, bookId, createHash('sha256').update(bytes).digest('hex'));
    if (earlier) {
      const name = cleanFileName(input.name);
      summary.duplicates.push({ name, code: 'ingest.duplicate', message: duplicateMessage(name, earlier), pages: earlier.pages });
      report({ code: 'ingest.duplicate' });
      return;
    }
    const processed = await processFile({ name: input.name, bytes }, { onProgress: report, budget: pixelBudgetOf(ctx.config) });
    markNearDuplicates(processed.pages, await listPageHashes(ctx, bookId)); // flags the pages in place
    const stored = await storeIngestedFile(ctx, bookId, { ...processed, original: bytes });
    summary.files.push({ name: processed.name, pages: stored.pages });
    report({ code: 'ingest.file_done' });
  } catch (e) {
    if (e instanceof StopIngest || isAppError(e)) {
      summary.rejected.push({ name: input.name, code: e.code, message: e.message });
      report({ code: e.code });
      return;
    }
    throw e;
  }
}

function duplicateMessage(name: string, earlier: { name: string; pages: number[] }): string {
  const where = earlier.pages.length ? ` (trang ${earlier.pages.join(', ')})` : '';
  return `Tệp "${name}" trùng nội dung với tệp "${earlier.name}" đã nhập vào quyển sổ này${where}; không thêm trang mới.`;
}
