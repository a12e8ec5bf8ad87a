/**
 * Which book each imported row goes into. With a book chosen (--book), every
 * row goes there. Without one, the rows are grouped by (quyenSo, year of
 * ngayDangKy) and one new book is created per group (archive createBook),
 * with the group's most frequent noiDangKy as its authority text (resolved to
 * an administrative unit by createBook when the units module can), the year
 * as its year, quyenSo as its volume number. Runs inside the import's
 * transaction (ctx whose store.db is the transaction). A group whose book
 * already exists goes into that book (createGroupBook).
 */
import { bookView, createBook, getBook, type BookView } from '../archive/index.js';
import { Conflict } from '../core/index.js';
import type { ActorContext } from '../auth/index.js';
import { readDate, type RegisterTemplate } from '../registers/index.js';
import type { RowOutcome } from './import-rows.js';

export interface BookGroup {
  quyenSo: string;
  year: number;
  rows: RowOutcome[];
}

/** The year of ngayDangKy, a lunar date read as its solar day. */
const yearOf = (r: RowOutcome): number => readDate(r.values, 'ngayDangKy')?.year ?? 0;

/** Rows grouped by (quyenSo, year of ngayDangKy), in the order the groups first appear. */
export function groupRows(rows: readonly RowOutcome[]): BookGroup[] {
  const groups = new Map<string, BookGroup>();
  for (const r of rows) {
    const quyenSo = r.values.quyenSo ?? '';
    const year = yearOf(r);
    const key = `${quyenSo}\u0000${year}`;
    const g = groups.get(key) ?? { quyenSo, year, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * The group's book: a new one, or — when a book of that identity (type,
 * authority, year, quyển) already exists and the importer sees it — that
 * book, so that rows already in it are skipped rather than keyed twice
 * into a second copy of the same book.
 */
export async function createGroupBook(txCtx: ActorContext, template: RegisterTemplate, g: BookGroup): Promise<{ book: BookView; created: boolean }> {
  const authority = mostFrequent(g.rows.map((r) => r.values.noiDangKy ?? '').filter((v) => v !== '')).slice(0, 300);
  try {
    const book = await createBook(txCtx, {
      registerType: template.registerType,
      templateId: template.id,
      authority,
      yearFrom: g.year,
      volumeNo: g.quyenSo.slice(0, 50),
      notes: `Tạo khi nhập dữ liệu từ tệp (${g.rows.length} bản ghi).`,
    });
    return { book, created: true };
  } catch (e) {
    const existing = e instanceof Conflict && e.code === 'book.duplicate' ? (e.details as { existingId?: string } | undefined)?.existingId : undefined;
    if (!existing) throw e;
    return { book: bookView(await getBook(txCtx, existing)), created: false };
  }
}
