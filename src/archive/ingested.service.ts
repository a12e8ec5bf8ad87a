/**
 * Storing what the ingest pipeline produced: blobs first (content-addressed,
 * so a retry rewrites nothing; a few written at once so that their fsyncs
 * overlap, all durable before the database is touched), then ONE transaction that records the file
 * and appends its pages. A crash before the commit leaves no page (at most
 * unreferenced blobs, which garbage collection may remove); a crash after it
 * leaves the whole file. The same content twice in a book is refused by
 * (book_id, sha256) and reported as a duplicate.
 */
import { syncBookStatus } from './book-status.js';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import type { PutResult } from '../blobs/index.js';
import { Conflict } from '../core/index.js';
import { isUniqueViolation } from '../store/index.js';
import { bookNotFound, getBook } from './books.service.js';
import { appendPagesTx, pageView, type PageView } from './pages.service.js';
import { lockBook } from './books.repo.js';
import * as repo from './pages.repo.js';

/** One page as the ingest pipeline hands it over (structurally the ingest module's ProcessedPage). */
export interface IncomingPage {
  index: number;
  image: Buffer;
  mime: string;
  width: number;
  height: number;
  thumbnail: Buffer;
  dhash: string;
  dpiAtA4: number;
  flags: readonly string[];
}

export interface IncomingFile {
  name: string;
  sha256: string;
  kind: string;
  original: Buffer;
  /** SHA-256 of `original` when the caller has just computed it from these bytes (the ingest does): the blob store then does not hash it again. */
  originalSha256?: string;
  pages: readonly IncomingPage[];
}

export interface StoredFile {
  fileId: string;
  pages: PageView[];
}

export async function findIngestedFile(ctx: ActorContext, bookId: string, sha256: string): Promise<{ id: string; name: string; pages: number[] } | undefined> {
  await getBook(ctx, bookId);
  const file = await repo.findIngestFile(ctx.store.db, bookId, sha256);
  if (!file) return undefined;
  const pages = (await repo.listPages(ctx.store.db, bookId)).filter((p) => p.ingest_file_id === file.id).map((p) => p.seq);
  return { id: file.id, name: file.name, pages };
}

export async function listPageHashes(ctx: ActorContext, bookId: string): Promise<{ id: string; seq: number; dhash: string }[]> {
  await getBook(ctx, bookId);
  return repo.bookDhashes(ctx.store.db, bookId);
}

/** Blob writes in flight at once: each waits on its own fsyncs, so a few together overlap them. */
const PUTS_AT_ONCE = 4;

/** The original and every page's image and thumbnail, stored (each durable before this resolves), PUTS_AT_ONCE at a time. */
async function putBlobs(ctx: ActorContext, file: IncomingFile): Promise<{ original: PutResult; blobs: { image: PutResult; thumb: PutResult }[] }> {
  const jobs: (() => Promise<PutResult>)[] = [() => ctx.blobs.put(file.original, file.originalSha256)];
  for (const p of file.pages)
    jobs.push(
      () => ctx.blobs.put(p.image),
      () => ctx.blobs.put(p.thumbnail),
    );
  const results: PutResult[] = new Array<PutResult>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PUTS_AT_ONCE, jobs.length) }, worker));
  const blobs = file.pages.map((_, i) => ({ image: results[1 + 2 * i]!, thumb: results[2 + 2 * i]! }));
  return { original: results[0]!, blobs };
}

export async function storeIngestedFile(ctx: ActorContext, bookId: string, file: IncomingFile): Promise<StoredFile> {
  assertPermission(ctx.actor, 'scans.upload');
  await getBook(ctx, bookId);
  const { original, blobs } = await putBlobs(ctx, file);
  try {
    return await ctx.store.db.transaction().execute(async (tx) => {
      // first: the file row's foreign key would otherwise share-lock the book and deadlock
      const book = await lockBook(tx, ctx.actor, bookId);
      if (!book) throw bookNotFound(bookId);
      const row = await repo.insertIngestFile(tx, {
        book_id: bookId,
        sha256: file.sha256,
        name: file.name,
        kind: file.kind,
        page_count: file.pages.length,
        byte_size: file.original.length,
        blob_sha256: original.sha256,
      });
      const pages = await appendPagesTx(
        tx,
        bookId,
        file.pages.map((p, i) => ({
          blob_sha256: blobs[i]!.image.sha256,
          thumbnail_sha256: blobs[i]!.thumb.sha256,
          byte_size: String(p.image.length),
          width_px: p.width,
          height_px: p.height,
          mime: p.mime,
          dhash: p.dhash,
          dpi_at_a4: Math.round(p.dpiAtA4),
          flags: JSON.stringify(p.flags),
          ingest_file_id: row.id,
          file_page_index: p.index,
        })),
      );
      await appendEntityAction(tx, {
        entityType: 'page',
        entityId: row.id,
        bookId,
        kind: 'scanned',
        actorId: actorIdOf(ctx.actor),
        payload: { file: file.name, sha256: file.sha256, pages: pages.map((p) => ({ id: p.id, seq: p.seq })) },
      });
      // Pages move only an inventoried book (to scanning); any later status is decided by its registrations, exports and loads.
      if (book.status === 'inventoried') await syncBookStatus(tx, ctx.actor, bookId, ctx.clock());
      return { fileId: row.id, pages: pages.map(pageView) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict('ingest.duplicate', `Tệp "${file.name}" đã được nhập vào quyển sổ này.`);
    throw e;
  }
}
