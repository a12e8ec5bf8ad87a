/**
 * Per-registration PDFs of a book, as the Ministry takes them: one PDF per
 * registration (its page images, about 100 KB per A4 page) and one zip per
 * book, streamed. File names follow `<commune code>_<register type>_<year>_<quyển>_<số>.pdf`
 * (the MoJ naming rule is not published; see DOMAIN.md §3.3).
 */
import type { Writable } from 'node:stream';
import { bookView, getBook, getPage, type BookView } from '../archive/index.js';
import { assertPermission, logRead, type ActorContext } from '../auth/index.js';
import { Invalid, NotFound, type AppContext } from '../core/index.js';
import { findRecord, streamBookRecords } from '../entry/index.js';
import type { RecordRow } from '../store/index.js';
import { exportBaseName, pdfNamer } from './export-names.js';
import { registrationPdf, type RegistrationPage } from './registration-pdf.js';
import { zipRegistrationPdfs } from './registration-zip.js';

/** The base name of a book's files, from the configured pattern (export-names.ts). */
export function bookFilePrefix(ctx: AppContext, book: BookView): string {
  return exportBaseName(book, ctx.config.exportNamePattern);
}

export async function recordPages(ctx: ActorContext, record: RecordRow): Promise<RegistrationPage[]> {
  const pages: RegistrationPage[] = [];
  for (const pageId of record.page_ids) {
    const page = await getPage(ctx, record.book_id, pageId);
    if (!page.blob_sha256 || !page.width_px || !page.height_px) continue;
    const mime = page.mime === 'image/png' ? 'image/png' : 'image/jpeg';
    pages.push({ image: await ctx.blobs.get(page.blob_sha256), mime, width: page.width_px, height: page.height_px });
  }
  return pages;
}

/** One registration's PDF (records.download: bulk personal data); written to the access log. */
export async function recordPdf(ctx: ActorContext, recordId: string): Promise<{ name: string; pdf: Buffer }> {
  assertPermission(ctx.actor, 'records.download');
  const record = await findRecord(ctx.store.db, ctx.actor, recordId);
  // A keying pass of double-keyed QC (keying_of set) is never exported: only its keyer may read it.
  if (!record || record.keying_of !== null) throw new NotFound('record.not_found', `Không tìm thấy bản ghi ${recordId}.`);
  const book = bookView(await getBook(ctx, record.book_id));
  const pages = await recordPages(ctx, record);
  if (pages.length === 0) throw new Invalid('record.no_pages', 'Bản ghi này chưa gắn với trang ảnh nào nên chưa tạo được tệp PDF.');
  const name = pdfNamer(bookFilePrefix(ctx, book))(record.values.so, 1);
  await logRead(ctx, { action: 'record.pdf', entityType: 'record', entityId: record.id, bookId: record.book_id });
  const { pdf } = await registrationPdf(pages, { title: name.replace(/\.pdf$/, '') });
  return { name, pdf };
}

/**
 * Streams the zip of every registration PDF of a book (registrations only, in
 * export order, named like the rows of the export) into `out`; records
 * without pages are left out and counted.
 */
/** Streams the book's zip (records.download); see bookZipDownload for the checks before the first byte. */
export async function writeBookPdfZip(ctx: ActorContext, bookId: string, out: Writable): Promise<{ files: number; skipped: number }> {
  assertPermission(ctx.actor, 'records.download');
  const book = bookView(await getBook(ctx, bookId));
  const nameOf = pdfNamer(bookFilePrefix(ctx, book));
  let skipped = 0;
  async function* entries() {
    let stt = 0;
    for await (const record of streamBookRecords(ctx.store.db, ctx.actor, bookId)) {
      const name = nameOf(record.values.so, ++stt);
      const pages = await recordPages(ctx, record);
      if (pages.length === 0) {
        skipped++;
        continue;
      }
      yield { name, pdf: (await registrationPdf(pages, { title: name.replace(/\.pdf$/, '') })).pdf };
    }
  }
  const { files } = await zipRegistrationPdfs(entries(), out);
  return { files, skipped };
}

/** The checks and log entry of a book zip download, before any byte is sent; returns the file name. */
export async function bookZipDownload(ctx: ActorContext, bookId: string): Promise<string> {
  assertPermission(ctx.actor, 'records.download');
  const book = bookView(await getBook(ctx, bookId));
  await logRead(ctx, { action: 'book.zip', entityType: 'book', entityId: book.id, bookId: book.id });
  return `${bookFilePrefix(ctx, book)}.zip`;
}
