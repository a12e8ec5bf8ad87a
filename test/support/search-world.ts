/**
 * The small world of the search tests: a commune before 2025 (Xã Vũ Hội,
 * huyện Vũ Thư) merged into a 2025 commune (Xã Vũ Thư), and an unrelated
 * commune, each with a book of birth registrations keyed through the real
 * services (so the index is written the way production writes it).
 */
import { createHash } from 'node:crypto';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { createRecord, saveRecord } from '../../src/entry/index.js';
import { rebuildWithin } from '../../src/units/index.js';

export const UNITS = {
  province: 'legacy:province:34',
  district: 'legacy:district:345',
  vuHoi: 'legacy:commune:13090',
  other: 'legacy:commune:13093',
  vuThu2025: 'y2025:commune:99001',
  province2025: 'y2025:province:99',
} as const;

const ROWS = [
  { id: UNITS.province, scheme: 'legacy', level: 'province', code: '34', name: 'Tỉnh Thái Bình', kind: 'Tỉnh', parent_id: null },
  { id: UNITS.district, scheme: 'legacy', level: 'district', code: '345', name: 'Huyện Vũ Thư', kind: 'Huyện', parent_id: UNITS.province },
  { id: UNITS.vuHoi, scheme: 'legacy', level: 'commune', code: '13090', name: 'Xã Vũ Hội', kind: 'Xã', parent_id: UNITS.district },
  { id: UNITS.other, scheme: 'legacy', level: 'commune', code: '13093', name: 'Xã Song Lãng', kind: 'Xã', parent_id: UNITS.district },
  { id: UNITS.province2025, scheme: 'y2025', level: 'province', code: '99', name: 'Tỉnh Hưng Yên Thử', kind: 'Tỉnh', parent_id: null },
  { id: UNITS.vuThu2025, scheme: 'y2025', level: 'commune', code: '99001', name: 'Xã Vũ Thư Mới', kind: 'Xã', parent_id: UNITS.province2025 },
] as const;

export async function insertSearchUnits(ctx: ActorContext): Promise<void> {
  await ctx.store.db
    .insertInto('admin_units')
    .values(ROWS.map((u) => ({ ...u, source: 'test' })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await ctx.store.db.insertInto('admin_unit_successors').values({ from_id: UNITS.vuHoi, to_id: UNITS.vuThu2025, is_main: true, source: 'test' }).execute();
  await rebuildWithin(ctx.store.db);
}

let seq = 0;
const tx = () => `tx-search-${process.pid}-${String(++seq).padStart(6, '0')}`;

/** A book of the unit with one scanned page (fake image bytes unless real ones are given, e.g. for a browser). */
export async function bookOf(
  ctx: ActorContext,
  unitId: string,
  authority: string,
  year: number,
  volume: string,
  images?: { image: Buffer; thumbnail: Buffer },
): Promise<{ bookId: string; pageId: string }> {
  const book = await createBook(ctx, { registerType: 'KS', authority, authorityUnitId: unitId, yearFrom: year, volumeNo: volume });
  const page = {
    index: 1,
    image: Buffer.from(`image ${volume}`),
    mime: 'image/jpeg',
    width: 1240,
    height: 1754,
    thumbnail: Buffer.from(`thumb ${volume}`),
    dhash: '0'.repeat(16),
    dpiAtA4: 150,
    flags: [] as string[],
    ...(images ? { ...images, width: 620, height: 877 } : {}),
  };
  const stored = await storeIngestedFile(ctx, book.id, {
    name: `${volume}.pdf`,
    sha256: createHash('sha256').update(book.id).digest('hex'),
    kind: 'pdf',
    original: Buffer.from(book.id),
    pages: [page],
  });
  return { bookId: book.id, pageId: stored.pages[0]!.id };
}

/** A draft birth registration with these values; returns its id and version. */
export async function keyed(ctx: ActorContext, book: { bookId: string; pageId: string }, values: Record<string, string>): Promise<{ id: string; version: number }> {
  const rec = await createRecord(ctx, { bookId: book.bookId, pageIds: [book.pageId], clientTxId: tx() });
  const saved = await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: rec.version, values });
  return { id: rec.id, version: saved.version };
}
