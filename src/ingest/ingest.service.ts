/**
 * Ingesting files into a book: each file is checked against the files the
 * book already has (the same content twice gives one set of pages and a
 * message, before any processing), goes through the pipeline (processFile),
 * is checked against the book's pages (near-duplicates are flagged, not
 * refused), then is stored by the archive in one step. One bad file never stops the batch: it is reported with its
 * Vietnamese error and the others go on. Decoding of the next file overlaps the storing of the previous
 * one (CPU against fsync and database); every page waits for its pixels in the app's PixelBudget.
 * Per file the work is the file's own: its bytes are hashed once (the digest names the original's blob),
 * and the book's page hashes are read once per batch, then extended with the pages the batch stores,
 * so a file costs the same in a book of 2.000 pages as in an empty one.
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
import type { ProcessedFile } from './ingest.types.js';

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

/** The dhashes of the book's pages: read once per batch, then extended with each stored file's pages. */
type KnownPages = { dhash: string }[];

/** What became of one file; the summary is assembled from these in file order. */
type Outcome = { kind: 'stored'; name: string; pages: PageView[] } | { kind: 'duplicate'; entry: IngestSummary['duplicates'][number] } | { kind: 'rejected'; entry: IngestSummary['rejected'][number] };

/** A file through the pipeline, waiting to be stored. */
type Prepared = { processed: ProcessedFile; bytes: Buffer };

/**
 * Ingests files into a book the actor sees (scans.upload); a book out of scope is "not found" before any file is read.
 * Two files are in flight at most: while file n is stored (blobs fsynced, rows written), file n+1 is
 * decoded; stores run one after the other, in file order, so pages keep the order of the files.
 */
export async function ingestFiles(ctx: ActorContext, bookId: string, inputs: readonly IngestInput[], onProgress?: (p: IngestProgress) => void): Promise<IngestSummary> {
  assertPermission(ctx.actor, 'scans.upload');
  await getBook(ctx, bookId);
  const known: KnownPages = await listPageHashes(ctx, bookId);
  const outcomes: Outcome[] = [];
  const batch = new Set<string>();
  let storing: Promise<void> = Promise.resolve();
  let storeError: unknown;
  for (const [i, input] of inputs.entries()) {
    const report: Report = (e) => onProgress?.({ ...e, file: input.name, fileIndex: i, files: inputs.length });
    report({ code: 'ingest.file_started' });
    let prepared: Prepared | Outcome;
    try {
      prepared = await prepareOne(ctx, bookId, input, batch, () => storing, report).catch((e: unknown) => outcomeOfError(e, input, report));
    } finally {
      await storing; // an unexpected error leaves no store running behind it
    }
    if (storeError !== undefined) throw storeError;
    if (!('processed' in prepared)) {
      outcomes[i] = prepared;
      continue;
    }
    storing = storeOne(ctx, bookId, prepared, known, report)
      .catch((e: unknown) => outcomeOfError(e, input, report))
      .then((outcome) => void (outcomes[i] = outcome))
      .catch((e: unknown) => void (storeError = e)); // handled here, rethrown by the loop: never an unhandled rejection
  }
  await storing;
  if (storeError !== undefined) throw storeError;
  return summarize(bookId, outcomes);
}

/** Loads, checks against the book, and runs the pipeline; answers a duplicate without processing. */
async function prepareOne(ctx: ActorContext, bookId: string, input: IngestInput, batch: Set<string>, storing: () => Promise<void>, report: Report): Promise<Prepared | Outcome> {
  const bytes = await bytesOf(input);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (batch.has(sha256)) await storing(); // the same content earlier in this batch: let it be stored, then it is found below
  batch.add(sha256);
  // The same content again is answered before the (costly) pipeline runs.
  const earlier = await findIngestedFile(ctx, bookId, sha256);
  if (earlier) {
    const name = cleanFileName(input.name);
    report({ code: 'ingest.duplicate' });
    return { kind: 'duplicate', entry: { name, code: 'ingest.duplicate', message: duplicateMessage(name, earlier), pages: earlier.pages } };
  }
  const processed = await processFile({ name: input.name, bytes }, { onProgress: report, budget: pixelBudgetOf(ctx.config), sha256 });
  return { processed, bytes };
}

async function storeOne(ctx: ActorContext, bookId: string, { processed, bytes }: Prepared, known: KnownPages, report: Report): Promise<Outcome> {
  markNearDuplicates(processed.pages, known); // flags the pages in place
  const stored = await storeIngestedFile(ctx, bookId, { ...processed, original: bytes, originalSha256: processed.sha256 }); // hashed once, in prepareOne
  for (const page of processed.pages) known.push({ dhash: page.dhash });
  report({ code: 'ingest.file_done' });
  return { kind: 'stored', name: processed.name, pages: stored.pages };
}

/** A file's own failure (StopIngest or a typed app error) is its outcome; anything else is thrown. */
function outcomeOfError(e: unknown, input: IngestInput, report: Report): Outcome {
  if (e instanceof StopIngest || isAppError(e)) {
    report({ code: e.code });
    return { kind: 'rejected', entry: { name: input.name, code: e.code, message: e.message } };
  }
  throw e;
}

function summarize(bookId: string, outcomes: Outcome[]): IngestSummary {
  const summary: IngestSummary = { bookId, files: [], duplicates: [], rejected: [] };
  for (const o of outcomes) {
    if (o.kind === 'stored') summary.files.push({ name: o.name, pages: o.pages });
    else if (o.kind === 'duplicate') summary.duplicates.push(o.entry);
    else summary.rejected.push(o.entry);
  }
  return summary;
}

function duplicateMessage(name: string, earlier: { name: string; pages: number[] }): string {
  const where = earlier.pages.length ? ` (trang ${earlier.pages.join(', ')})` : '';
  return `Tệp "${name}" trùng nội dung với tệp "${earlier.name}" đã nhập vào quyển sổ này${where}; không thêm trang mới.`;
}
