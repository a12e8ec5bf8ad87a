/**
 * Pages of a book: listing, reordering (a permutation of all pages, applied
 * in one transaction), marking a page missing or blank, inserting a
 * placeholder for a page the book lacks, and appending ingested pages after
 * the last one (under a lock on the book, so concurrent ingests never share
 * a sequence number).
 */
import type { Insertable, Transaction } from 'kysely';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import { Conflict, Invalid, NotFound } from '../core/index.js';
import type { Database, PagesTable } from '../store/index.js';
import { MissingPageInput, PageOrderInput, PageStatusInput } from './book.schema.js';
import { bookNotFound, getBook } from './books.service.js';
import { lockBook } from './books.repo.js';
import * as repo from './pages.repo.js';

export interface PageView {
  id: string;
  seq: number;
  side: string;
  status: string;
  sha256: string | null;
  thumbnailSha256: string | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  dpiAtA4: number | null;
  flags: string[];
  note: string;
}

export function pageView(p: repo.PageRow): PageView {
  return {
    id: p.id,
    seq: p.seq,
    side: p.side,
    status: p.status,
    sha256: p.blob_sha256,
    thumbnailSha256: p.thumbnail_sha256,
    width: p.width_px,
    height: p.height_px,
    bytes: p.byte_size === null ? null : Number(p.byte_size),
    dpiAtA4: p.dpi_at_a4,
    flags: p.flags,
    note: p.note,
  };
}

export async function listPages(ctx: ActorContext, bookId: string): Promise<PageView[]> {
  await getBook(ctx, bookId);
  return (await repo.listPages(ctx.store.db, bookId)).map(pageView);
}

/** A page of a book the actor sees. */
export async function getPage(ctx: ActorContext, bookId: string, pageId: string): Promise<repo.PageRow> {
  await getBook(ctx, bookId);
  const page = await repo.findPage(ctx.store.db, bookId, pageId);
  if (!page) throw new NotFound('page.not_found', `Không tìm thấy trang ${pageId} trong quyển sổ này.`);
  return page;
}

/** Runs `work` on the locked book (books.write, in scope), then records what it did in the book's history. */
async function changePages<T>(ctx: ActorContext, bookId: string, kind: string, work: (tx: Transaction<Database>) => Promise<{ result: T; payload: Record<string, unknown> }>): Promise<T> {
  assertPermission(ctx.actor, 'books.write');
  return ctx.store.db.transaction().execute(async (tx) => {
    if (!(await lockBook(tx, ctx.actor, bookId))) throw bookNotFound(bookId);
    const { result, payload } = await work(tx);
    await appendEntityAction(tx, { entityType: 'page', entityId: String(payload.pageId ?? bookId), bookId, kind, actorId: actorIdOf(ctx.actor), payload });
    return result;
  });
}

export async function reorderPages(ctx: ActorContext, bookId: string, input: unknown): Promise<PageView[]> {
  const { pageIds } = PageOrderInput.parse(input);
  return changePages(ctx, bookId, 'reordered', async (tx) => {
    const current = await repo.listPages(tx, bookId);
    const same = current.length === pageIds.length && new Set(pageIds).size === pageIds.length && current.every((p) => pageIds.includes(p.id));
    if (!same) throw new Invalid('pages.order_mismatch', `Thứ tự mới phải liệt kê đúng ${current.length} trang của quyển sổ, mỗi trang một lần.`, 'pageIds');
    await repo.setSeqs(tx, bookId, pageIds);
    return { result: (await repo.listPages(tx, bookId)).map(pageView), payload: { before: current.map((p) => p.id), after: pageIds } };
  });
}

export async function setPageStatus(ctx: ActorContext, bookId: string, pageId: string, input: unknown): Promise<PageView> {
  const { status, note } = PageStatusInput.parse(input);
  return changePages(ctx, bookId, 'status_set', async (tx) => {
    const page = await repo.findPage(tx, bookId, pageId);
    if (!page) throw new NotFound('page.not_found', `Không tìm thấy trang ${pageId} trong quyển sổ này.`);
    if (status === 'present' && !page.blob_sha256) throw new Conflict('page.no_image', 'Trang này chưa có ảnh quét nên không thể đánh dấu là có mặt.');
    const after = (await repo.setPageStatus(tx, bookId, pageId, status, note))!;
    return { result: pageView(after), payload: { pageId, seq: page.seq, from: page.status, to: status, note: note ?? page.note } };
  });
}

/** A placeholder for a page the book lacks (torn out, lost), inserted after `afterSeq`. */
export async function insertMissingPage(ctx: ActorContext, bookId: string, input: unknown): Promise<PageView[]> {
  const { afterSeq, note } = MissingPageInput.parse(input);
  return changePages(ctx, bookId, 'missing_inserted', async (tx) => {
    const pages = await repo.listPages(tx, bookId);
    if (afterSeq > pages.length) throw new Invalid('pages.bad_position', `Vị trí ${afterSeq} vượt quá số trang hiện có (${pages.length}).`, 'afterSeq');
    const [placeholder] = await repo.insertPages(tx, [{ book_id: bookId, seq: pages.length + 1, status: 'missing', flags: '[]', note }]);
    const order = [...pages.slice(0, afterSeq), placeholder!, ...pages.slice(afterSeq)].map((p) => p.id);
    await repo.setSeqs(tx, bookId, order);
    return { result: (await repo.listPages(tx, bookId)).map(pageView), payload: { pageId: placeholder!.id, afterSeq, note } };
  });
}

export type NewPage = Omit<Insertable<PagesTable>, 'book_id' | 'seq' | 'province_code'>;

/** Appends pages after the book's last page, inside the caller's transaction (which has locked the book in the actor's scope). */
export async function appendPagesTx(tx: Transaction<Database>, bookId: string, pages: readonly NewPage[]) {
  const start = await repo.maxSeq(tx, bookId);
  return repo.insertPages(
    tx,
    pages.map((p, i) => ({ ...p, book_id: bookId, seq: start + i + 1 })),
  );
}
