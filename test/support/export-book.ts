/**
 * A KS-70 book ready for export, built through the real services: three
 * scanned pages (small real JPEGs), registrations keyed and completed in a
 * shuffled số order (10, 2, 1 → exported 1, 2, 10), the one with số 1 on two
 * pages and carrying an acknowledged WARNING, plus a keying pass of another
 * registration (keying_of set: never exported).
 */
import { createHash } from 'node:crypto';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { completeRecord, createRecord, saveRecord } from '../../src/entry/index.js';
import { fakeIncomingPage } from './fixtures.js';
import { CLEAN_KS_RECORD, patchValues } from './records.js';
import { textJpeg } from './scans.js';
import { provinceOfBook } from '../../src/store/index.js';

export interface ExportBook {
  bookId: string;
  pageIds: string[];
  /** Record ids by số. */
  records: Record<string, string>;
}

let seq = 0;
const tx = () => `tx-export-${process.pid}-${String(++seq).padStart(6, '0')}`;

export async function keyCompleted(ctx: ActorContext, bookId: string, pageIds: string[], values: Record<string, string>, acknowledge: string[] = []): Promise<string> {
  const rec = await createRecord(ctx, { bookId, pageIds, clientTxId: tx() });
  const saved = await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: rec.version, values, acknowledge });
  await completeRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: saved.version });
  return rec.id;
}

export async function scannedBook(
  ctx: ActorContext,
  opts: { year?: number; volume?: string; pages?: number; authority?: string; openedOn?: string } = {},
): Promise<{ bookId: string; pageIds: string[] }> {
  const book = await createBook(ctx, {
    registerType: 'KS',
    authority: opts.authority ?? 'UBND xã An Nhơn',
    yearFrom: opts.year ?? 2008,
    volumeNo: opts.volume ?? '02/2008',
    ...(opts.openedOn ? { openedOn: opts.openedOn } : {}),
  });
  const pages = await Promise.all(Array.from({ length: opts.pages ?? 3 }, async (_, i) => ({ ...fakeIncomingPage(i + 1, 'export'), image: await textJpeg(620, 877, 12, i), width: 620, height: 877 })));
  const stored = await storeIngestedFile(ctx, book.id, { name: 'scan.pdf', sha256: createHash('sha256').update(book.id).digest('hex'), kind: 'pdf', original: Buffer.from(book.id), pages });
  return { bookId: book.id, pageIds: stored.pages.map((p) => p.id) };
}

export async function exportReadyBook(ctx: ActorContext): Promise<ExportBook> {
  const { bookId, pageIds } = await scannedBook(ctx);
  const [p1, p2, p3] = pageIds as [string, string, string];
  const records: Record<string, string> = {};
  records['10'] = await keyCompleted(ctx, bookId, [p3], patchValues(CLEAN_KS_RECORD, { so: '10', nksHoTen: 'lê văn mười' }));
  records['2'] = await keyCompleted(ctx, bookId, [p1], patchValues(CLEAN_KS_RECORD, { so: '2', nksHoTen: 'PHẠM ANH ĐÀI' }));
  records['1'] = await keyCompleted(ctx, bookId, [p1, p2], patchValues(CLEAN_KS_RECORD, { so: '1', meSoGiayToTuyThan: '001234567' }), ['id_doc.type_missing']);
  await ctx.store.db
    .insertInto('records')
    .values({
      book_id: bookId,
      province_code: provinceOfBook(bookId),
      register_type: 'KS',
      template_version: 'KS-70',
      values: JSON.stringify({ so: '0' }),
      page_ids: JSON.stringify([p1]),
      keying_of: records['2'],
      keying_pass: 'A',
    })
    .execute();
  return { bookId, pageIds, records };
}
