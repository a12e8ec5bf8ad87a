/** Small database fixtures shared by database tests. */
import type { Kysely } from 'kysely';
import { provinceOfBook, type Database } from '../../src/store/index.js';

/** A KS book with one empty record; returns the record id. */
export async function newRecord(db: Kysely<Database>): Promise<{ id: string; bookId: string }> {
  const book = await db
    .insertInto('books')
    .values({ register_type: 'KS', template_version: 'KS-70', authority_text: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng', year_from: 2008, volume_no: '02/2018' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rec = await db
    .insertInto('records')
    .values({ book_id: book.id, province_code: provinceOfBook(book.id), register_type: 'KS', template_version: 'KS-70', values: {}, page_ids: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: rec.id, bookId: book.id };
}

/** A page as the ingest pipeline hands it to the archive, with fake image bytes (for tests that do not decode). */
export function fakeIncomingPage(i: number, label = 'page') {
  return {
    index: i,
    image: Buffer.from(`${label} image ${i}`),
    mime: 'image/jpeg',
    width: 1240,
    height: 1754,
    thumbnail: Buffer.from(`${label} thumb ${i}`),
    dhash: i.toString(16).padStart(16, '0'),
    dpiAtA4: 150,
    flags: [] as string[],
  };
}
