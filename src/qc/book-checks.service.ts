/**
 * Book checks as a checklist: the findings of book-checks.ts over the book's
 * registrations (never passes), metadata and pages, each with the reviewer's
 * resolution ('resolved' = fixed in the records, 'explained' = the book
 * really is so, with a note) from qc_book_check_notes.
 */
import { z } from 'zod';
import { getBook, listPages } from '../archive/index.js';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import { Invalid } from '../core/index.js';
import { listRecordsOfBook } from '../entry/index.js';
import { bookChecks, CHECK_CODES, numberRanges, type BookCheckFinding, type NeighbourRange } from './book-checks.js';
import { listCheckNotes, listNeighbourNumbers, upsertCheckNote } from './book-checks.repo.js';

export interface CheckResolution {
  status: 'resolved' | 'explained';
  note: string;
  by: string | null;
  at: string;
}

export interface BookCheckItem extends BookCheckFinding {
  resolution: CheckResolution | null;
}

export interface BookChecklist {
  bookId: string;
  items: BookCheckItem[];
  /** Findings without a resolution. */
  open: number;
  /** ERROR findings (they block the export whatever their resolution). */
  errors: number;
}

/** The numbering of the books this one continues or is continued by (book-checks.ts edge checks). */
async function neighbourRanges(ctx: ActorContext, book: Parameters<typeof listNeighbourNumbers>[1]): Promise<NeighbourRange[]> {
  const rows = await listNeighbourNumbers(ctx.store.db, book);
  const byBook = new Map<string, { id: string; so: string | undefined; ngayDangKy: string | undefined; pageIds: string[] }[]>();
  for (const r of rows) byBook.set(r.book_id, [...(byBook.get(r.book_id) ?? []), { id: '', so: r.so ?? undefined, ngayDangKy: r.ngay_dang_ky ?? undefined, pageIds: [] }]);
  return [...byBook.values()].flatMap((regs) => numberRanges(regs));
}

export async function getBookChecks(ctx: ActorContext, bookId: string): Promise<BookChecklist> {
  const book = await getBook(ctx, z.uuid('Mã sổ không hợp lệ.').parse(bookId));
  const regs = (await listRecordsOfBook(ctx.store.db, ctx.actor, book.id)).map((r) => ({ id: r.id, so: r.values.so, ngayDangKy: r.values.ngayDangKy, pageIds: r.page_ids }));
  const pages = await listPages(ctx, book.id);
  const notes = new Map((await listCheckNotes(ctx.store.db, book.id)).map((n) => [`${n.check_code}|${n.subject}`, n]));
  const meta = { declaredEventCount: book.declared_event_count, yearFrom: book.year_from, yearTo: book.year_to, openedOn: book.opened_on, closedOn: book.closed_on };
  const items = bookChecks(meta, regs, pages, await neighbourRanges(ctx, book)).map((f) => {
    const n = notes.get(`${f.code}|${f.subject}`);
    return { ...f, resolution: n ? { status: n.status as CheckResolution['status'], note: n.note, by: n.by, at: n.at.toISOString() } : null };
  });
  return { bookId: book.id, items, open: items.filter((i) => !i.resolution).length, errors: items.filter((i) => i.severity === 'ERROR').length };
}

export const ResolveCheckInput = z
  .object({
    bookId: z.uuid('Mã sổ không hợp lệ.'),
    checkCode: z.enum(CHECK_CODES, { message: `Mã kiểm tra phải là một trong: ${CHECK_CODES.join(', ')}.` }),
    subject: z.string().trim().min(1, 'Thiếu đối tượng của mục kiểm tra.').max(200),
    status: z.enum(['resolved', 'explained'], { message: 'Trạng thái phải là resolved (đã sửa) hoặc explained (đã giải thích).' }),
    note: z.string().trim().max(2000, 'Ghi chú tối đa 2000 ký tự.').default(''),
  })
  .refine((r) => r.status !== 'explained' || r.note !== '', { message: 'Cần ghi lý do khi giải thích một mục kiểm tra.', path: ['note'] });
export type ResolveCheckInput = z.input<typeof ResolveCheckInput>;

export async function resolveBookCheck(ctx: ActorContext, input: ResolveCheckInput): Promise<BookChecklist> {
  assertPermission(ctx.actor, 'records.review');
  const r = ResolveCheckInput.parse(input);
  const current = await getBookChecks(ctx, r.bookId);
  if (!current.items.some((i) => i.code === r.checkCode && i.subject === r.subject)) {
    throw new Invalid('qc.check_not_found', `Sổ này không có mục kiểm tra ${r.checkCode} "${r.subject}" (có thể đã được sửa).`, 'subject');
  }
  const by = actorIdOf(ctx.actor);
  await ctx.store.db.transaction().execute(async (tx) => {
    await upsertCheckNote(tx, { book_id: r.bookId, check_code: r.checkCode, subject: r.subject, status: r.status, note: r.note, by, at: ctx.clock() });
    const payload = { checkCode: r.checkCode, subject: r.subject, status: r.status, note: r.note };
    await appendEntityAction(tx, { entityType: 'qc_decision', entityId: `${r.bookId}:${r.checkCode}:${r.subject}`, bookId: r.bookId, kind: 'check_resolved', actorId: by, payload });
  });
  return getBookChecks(ctx, r.bookId);
}
