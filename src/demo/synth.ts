/**
 * A synthetic province for load tests and benchmarks (`hotich synth
 * --registrations N [--pages]`): KS birth registers of `perBook` (100)
 * registrations each, names drawn from the demo's Vietnamese name
 * frequencies (people.ts). Fast because it writes in batches of a few
 * hundred rows per statement, yet by the same rules as keying: each
 * registration's actions (created, keyed, completed) go to record_actions
 * (the audit chain trigger stamps them) and its records row is fold(actions)
 * (src/entry), its people are personRows() (src/search); books are made by
 * createBook (archive). A share `draftShare` (10 %) of the books is left in
 * keying: their registrations are drafts with the number and page only, for
 * the keyers of bench:load to finish. With `pages` every page row points at
 * one small real JPEG (stored once, content-addressed); without, pages are
 * rows with no image. With `province` the books are registered by the
 * communes of that real province (synth-place.ts), so their rows land in its
 * partitions; without, by made-up communes (partition DEFAULT).
 * Deterministic for a seed. At the end the planner's statistics of the
 * tables it filled are refreshed (store refreshStatistics): keyers start at
 * once, before autovacuum would.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { createBook } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { fold, projectionRow, type FoldableAction } from '../entry/index.js';
import { insertPeople, personRows, type IndexedPerson } from '../search/index.js';
import { provincesOf, refreshStatistics } from '../store/index.js';
import { familyName, givenName, middleName, sexCode, type Sex } from './people.js';
import { createRng, type Rng } from './prng.js';
import { synthAuthorities } from './synth-place.js';

export interface SynthOptions {
  registrations: number;
  pages?: boolean;
  perBook?: number;
  draftShare?: number;
  seed?: number;
  /** Number of the first volume (several runs into one database use different ones). */
  firstVolume?: number;
  /** Two-digit province code: the books are registered by that province's communes (synth-place.ts); without, by made-up communes with no unit. */
  province?: string;
  onProgress?: (done: number) => void;
}

export interface SynthReport {
  books: number;
  registrations: number;
  drafts: number;
  actions: number;
  people: number;
  pages: number;
  seconds: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (y: number, m: number, d: number) => `${pad(d)}.${pad(m)}.${y}`;

function personName(rng: Rng, sex: Sex, year: number, family = familyName(rng)): string {
  return `${family} ${middleName(rng, sex, year)} ${givenName(rng, sex, year)}`.replace(/\s+/g, ' ').trim();
}

/** The values of one keyed KS registration of this book year. */
export function synthBirthValues(rng: Rng, year: number, so: number, volume: string, authority: string): Record<string, string> {
  const sex: Sex = rng.chance(0.51) ? 'male' : 'female';
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const fatherFamily = familyName(rng);
  const motherYear = year - rng.int(19, 40);
  const fatherYear = motherYear - rng.int(-2, 8);
  return {
    so: String(so),
    quyenSo: volume,
    trangSo: String(Math.ceil(so / 2)),
    ngayDangKy: dmy(year, month, day),
    loaiDangKy: '1',
    noiDangKy: authority,
    nksHoTen: personName(rng, sex, year, fatherFamily),
    nksGioiTinh: sexCode(sex),
    nksNgaySinh: dmy(year, month, Math.max(1, day - rng.int(0, day - 1))),
    nksNoiSinh: rng.chance(0.7) ? 'Trạm y tế xã' : 'Bệnh viện đa khoa tỉnh',
    nksDanToc: 'Kinh',
    nksQuocTich: 'Việt Nam',
    nksLoaiKhaiSinh: '1',
    meHoTen: personName(rng, 'female', motherYear),
    meNgaySinh: String(motherYear),
    meDanToc: 'Kinh',
    meQuocTich: 'Việt Nam',
    chaHoTen: personName(rng, 'male', fatherYear, fatherFamily),
    chaNgaySinh: String(fatherYear),
    chaDanToc: 'Kinh',
    chaQuocTich: 'Việt Nam',
  };
}

interface Batch {
  records: Record<string, unknown>[];
  actions: Record<string, unknown>[];
  people: IndexedPerson[];
}

async function flush(ctx: ActorContext, b: Batch): Promise<void> {
  if (b.records.length === 0) return;
  await ctx.store.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('records')
      .values(b.records as never)
      .execute();
    for (let i = 0; i < b.actions.length; i += 1000)
      await tx
        .insertInto('record_actions')
        .values(b.actions.slice(i, i + 1000) as never)
        .execute();
    await insertPeople(tx, b.people);
  });
  b.records.length = 0;
  b.actions.length = 0;
  b.people.length = 0;
}

/** One registration: its actions and the fold of them, as rows. */
function registration(b: Batch, book: { id: string; templateId: string; province: string }, pageId: string, values: Record<string, string> | undefined, at: Date): void {
  const id = randomUUID();
  const kinds: { kind: string; payload: Record<string, unknown> }[] = [
    { kind: 'created', payload: { bookId: book.id, registerType: 'KS', templateId: book.templateId, pageIds: [pageId], regions: [] } },
  ];
  if (values) kinds.push({ kind: 'keyed', payload: { values } }, { kind: 'completed', payload: {} });
  const actions: FoldableAction[] = kinds.map((k, i) => ({ ...k, actor_id: null, created_at: new Date(at.getTime() + i) }));
  const s = fold(actions);
  kinds.forEach((k, i) =>
    b.actions.push({
      record_id: id,
      province_code: book.province,
      client_tx_id: `synth-${id}-${i + 1}`,
      kind: k.kind,
      actor_id: null,
      payload: JSON.stringify(k.payload),
      created_at: actions[i]!.created_at,
    }),
  );
  b.records.push({ id, ...projectionRow(s), province_code: book.province, created_at: at });
  for (const p of personRows(s)) b.people.push({ ...p, record_id: id, book_id: s.bookId, register_type: s.registerType });
}

async function pageRows(ctx: ActorContext, bookId: string, province: string, count: number, image: { sha256: string; bytes: number } | undefined): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    book_id: bookId,
    province_code: province,
    seq: i + 1,
    flags: '[]',
    ...(image ? { blob_sha256: image.sha256, byte_size: String(image.bytes), width_px: 1240, height_px: 1754, mime: 'image/jpeg' } : {}),
  }));
  const out = await ctx.store.db.insertInto('pages').values(rows).returning('id').execute();
  return out.map((r) => r.id);
}

export async function synthProvince(ctx: ActorContext, opts: SynthOptions, image?: { sha256: string; bytes: number }): Promise<SynthReport> {
  const started = performance.now();
  const perBook = opts.perBook ?? 100;
  const rng = createRng(opts.seed ?? 2026);
  const books = Math.ceil(opts.registrations / perBook);
  const draftEvery = Math.max(1, Math.round(1 / (opts.draftShare ?? 0.1)));
  const report: SynthReport = { books: 0, registrations: 0, drafts: 0, actions: 0, people: 0, pages: 0, seconds: 0 };
  const batch: Batch = { records: [], actions: [], people: [] };
  const first = opts.firstVolume ?? 1;
  const places = opts.province ? await synthAuthorities(ctx, opts.province) : undefined;
  for (let k = 0; k < books; k++) {
    const year = 1990 + (k % 30);
    const place = places?.[Math.floor(k / 30) % places.length];
    const authority = place?.text ?? `UBND xã Tổng Hợp ${Math.floor(k / 30) + 1}`;
    const volume = `${first + k}/${year}`;
    const book = await createBook(ctx, { registerType: 'KS', authority, ...(place ? { authorityUnitId: place.unitId } : {}), yearFrom: year, volumeNo: volume });
    const n = Math.min(perBook, opts.registrations - report.registrations);
    // The book's partition key, read once and written as a value (store provincesOf: no subquery per row).
    const province = (await provincesOf(ctx.store.db, 'books', [book.id])).get(book.id)!;
    const pageIds = await pageRows(ctx, book.id, province, Math.ceil(n / 2), opts.pages ? image : undefined);
    report.pages += pageIds.length;
    const draft = k % draftEvery === draftEvery - 1;
    const at = new Date(Date.UTC(2026, 0, 1) + k * 60_000);
    for (let i = 0; i < n; i++) {
      const values = draft ? undefined : synthBirthValues(rng, year, i + 1, volume, authority);
      registration(batch, { id: book.id, templateId: book.templateId, province }, pageIds[Math.floor(i / 2)]!, values, new Date(at.getTime() + i * 10));
      report.actions += values ? 3 : 1;
      if (draft) report.drafts++;
      report.registrations++;
      if (batch.records.length >= 500) {
        await flush(ctx, batch);
        opts.onProgress?.(report.registrations);
      }
    }
    report.books++;
  }
  await flush(ctx, batch);
  await refreshStatistics(ctx.store.db);
  report.people = Number(
    (
      await ctx.store.db
        .selectFrom('person_index')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The one page image every synthetic page shows (--pages): a plain paper-coloured A4 scan at 150 dpi, stored once. */
export async function synthPageImage(ctx: ActorContext): Promise<{ sha256: string; bytes: number }> {
  const jpeg = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: { r: 236, g: 228, b: 205 } } })
    .jpeg({ quality: 70 })
    .toBuffer();
  const put = await ctx.blobs.put(jpeg);
  return { sha256: put.sha256, bytes: put.size };
}
