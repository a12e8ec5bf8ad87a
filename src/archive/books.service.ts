/**
 * The inventory of register books: creating a book checks its register type
 * against the catalog and resolves its authority text to an administrative
 * unit (kept only when the resolution is unambiguous, or named explicitly);
 * the text itself is always kept as written. Books are read within the
 * actor's scope; a scoped user creates books only for authorities inside
 * her units. Creation and every change are entity actions (the book's
 * history).
 */
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, isUnitVisible, seesEverything, type ActorContext } from '../auth/index.js';
import { Forbidden } from '../auth/index.js';
import { Conflict, Invalid, NotFound, type AppContext } from '../core/index.js';
import { getTemplate } from '../registers/index.js';
import { transact, type Book } from '../store/index.js';
import { ancestry, findUnitByRef, getUnitIndex, resolvePlaceText, unitPath } from '../units/index.js';
import { searchKey } from '../vn/index.js';
import { BookListQuery, BookPatch, NewBookInput } from './book.schema.js';
import * as repo from './books.repo.js';

export interface BookView {
  id: string;
  registerType: string;
  templateId: string;
  title: string;
  authority: string;
  /** The authority's unit; `chain` (described books): it and its ancestors, province first, each named with its kind ("Xã …"; the web's breadcrumbs). */
  authorityUnit: { id: string; path: string; chain?: { id: string; name: string; level: string }[] } | null;
  yearFrom: number;
  yearTo: number | null;
  volumeNo: string;
  openedOn: string | null;
  closedOn: string | null;
  pageCount: number | null;
  declaredEventCount: number | null;
  condition: string;
  custody: string;
  notes: string;
  status: string;
  /** A copy book (sổ lưu / bản sao): shares the identity of another book on purpose. */
  isCopy: boolean;
  /** Progress, in lists: pages with an image, registrations keyed (any state) and completed. */
  progress?: { pagesScanned: number; recordsKeyed: number; recordsCompleted: number };
}

export function bookView(b: Book, unitPath?: string, progress?: BookView['progress']): BookView {
  return {
    id: b.id,
    registerType: b.register_type,
    templateId: b.template_version,
    title: `${getTemplate(b.template_version).title} ${b.volume_no}`.trim(),
    authority: b.authority_text,
    authorityUnit: b.authority_unit_code ? { id: b.authority_unit_code, path: unitPath ?? '' } : null,
    yearFrom: b.year_from,
    yearTo: b.year_to,
    volumeNo: b.volume_no,
    openedOn: b.opened_on,
    closedOn: b.closed_on,
    pageCount: b.page_count,
    declaredEventCount: b.declared_event_count,
    condition: b.condition,
    custody: b.custody,
    notes: b.notes,
    status: b.status,
    isCopy: b.is_copy,
    ...(progress === undefined ? {} : { progress }),
  };
}

/** A unit's name as read: with its kind in front ("Xã Nhà A") where the list gives the kind as a word apart (official lists already name it in full). */
const shownName = (u: { name: string; kind: string }) => (/^\p{Lu}/u.test(u.kind) && !u.name.startsWith(u.kind) ? `${u.kind} ${u.name}` : u.name);

/** The view with the unit's path ("Xã …, Huyện …, Tỉnh …") filled in. */
export async function describeBook(ctx: AppContext, b: Book, progress?: BookView['progress']): Promise<BookView> {
  if (!b.authority_unit_code) return bookView(b, undefined, progress);
  const index = await getUnitIndex(ctx);
  const view = bookView(b, unitPath(index, b.authority_unit_code), progress);
  const chain = ancestry(index, b.authority_unit_code)
    .map((u) => ({ id: u.id, name: shownName(u), level: u.level }))
    .reverse();
  return { ...view, authorityUnit: view.authorityUnit && { ...view.authorityUnit, chain } };
}

interface ResolvedUnit {
  id: string;
  path: string;
}

/** The authority's unit: the one named explicitly (must exist), else the text's unambiguous resolution, else none. */
async function resolveAuthority(ctx: AppContext, text: string, year: number, unitId?: string): Promise<ResolvedUnit | undefined> {
  const index = await getUnitIndex(ctx);
  if (unitId) {
    if (!index.units.has(unitId)) throw new Invalid('book.unit_unknown', `Không có đơn vị hành chính "${unitId}".`, 'authorityUnitId');
    return { id: unitId, path: unitPath(index, unitId) };
  }
  const r = await resolvePlaceText(ctx, text, { asOf: year });
  const best = r.candidates[0];
  return r.status === 'resolved' && best ? { id: best.id, path: best.path } : undefined;
}

/** A scoped user may only place a book under a unit she sees; only who sees everything may keep an unresolved authority. */
async function assertAuthorityInScope(ctx: ActorContext, text: string, unit: ResolvedUnit | undefined): Promise<void> {
  if (await seesEverything(ctx.store.db, ctx.actor)) return;
  if (!unit) {
    throw new Invalid(
      'book.authority_unresolved',
      `Không xác định được cơ quan đăng ký "${text}" trong danh mục đơn vị hành chính. Hãy ghi đủ tên xã, huyện, tỉnh như trong sổ hoặc chọn đơn vị.`,
      'authority',
    );
  }
  if (!(await isUnitVisible(ctx.store.db, ctx.actor, unit.id))) {
    throw new Forbidden('book.authority_out_of_scope', `Cơ quan đăng ký "${unit.path}" không thuộc phạm vi được giao cho bạn.`, { unitId: unit.id });
  }
}

/**
 * One book, one registration: a book that is not a copy may not share its
 * identity (register type, authority unit, year, quyển) with another; the
 * answer links to the first one when the actor may see it. A book whose
 * quyển is unknown ('') is not checked. (Serialized by an advisory lock on
 * the identity within the creating transaction.)
 */
async function assertNewIdentity(ctx: ActorContext, tx: Parameters<typeof repo.findSameIdentity>[0], b: Parameters<typeof repo.findSameIdentity>[1]): Promise<void> {
  if (b.volume_no.trim() === '') return;
  const key = [b.register_type, b.year_from, b.volume_no.trim().toLowerCase(), b.authority_unit_code ?? b.authority_text.trim().toLowerCase()].join('|');
  await repo.lockIdentity(tx, key);
  const [first] = await repo.findSameIdentity(tx, b);
  if (!first) return;
  const visible = await repo.findBook(tx, ctx.actor, first.id);
  const where = visible ? ` (xem: #/books/${first.id})` : '';
  throw new Conflict(
    'book.duplicate',
    `Đã có quyển sổ ${b.register_type} năm ${b.year_from}, quyển ${b.volume_no} của cùng cơ quan đăng ký${where}. Mỗi quyển sổ chỉ đăng ký một lần; nếu đây là sổ lưu hoặc bản sao, hãy đánh dấu "Sổ lưu / bản sao".`,
    visible ? { existingId: first.id, link: `#/books/${first.id}`, url: `/api/books/${first.id}` } : {},
  );
}

export async function createBook(ctx: ActorContext, input: unknown): Promise<BookView> {
  assertPermission(ctx.actor, 'books.write');
  const b = NewBookInput.parse(input);
  const template = getTemplate(b.templateId ?? b.registerType);
  const unit = await resolveAuthority(ctx, b.authority, b.yearFrom, b.authorityUnitId);
  await assertAuthorityInScope(ctx, b.authority, unit);
  const row = await transact(ctx.store.db, async (tx) => {
    const fields = {
      register_type: template.registerType,
      template_version: template.id,
      authority_text: b.authority,
      authority_unit_code: unit?.id ?? null,
      year_from: b.yearFrom,
      year_to: b.yearTo ?? null,
      volume_no: b.volumeNo,
      opened_on: b.openedOn ?? null,
      closed_on: b.closedOn ?? null,
      page_count: b.pageCount ?? null,
      declared_event_count: b.declaredEventCount ?? null,
      condition: b.condition,
      custody: b.custody,
      notes: b.notes,
      is_copy: b.isCopy,
    };
    if (!b.isCopy) await assertNewIdentity(ctx, tx, fields);
    const row = await repo.insertBook(tx, fields);
    await appendEntityAction(tx, { entityType: 'book', entityId: row.id, bookId: row.id, kind: 'created', actorId: actorIdOf(ctx.actor), payload: { ...b } });
    return row;
  });
  return bookView(row, unit?.path);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const bookNotFound = (id: string) => new NotFound('book.not_found', `Không tìm thấy quyển sổ ${id}.`);

/** The book, if the actor may see it; otherwise "not found", as if it did not exist. */
export async function getBook(ctx: ActorContext, id: string): Promise<Book> {
  const book = UUID.test(id) ? await repo.findBook(ctx.store.db, ctx.actor, id) : undefined;
  if (!book) throw bookNotFound(id);
  return book;
}

export interface BookPage {
  items: BookView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The unit a list filter names (an id as the API shows it, or a GSO code); an unknown one is an invalid filter. */
async function unitOfFilter(ctx: ActorContext, ref: string): Promise<string> {
  try {
    return (await findUnitByRef(ctx, ref)).id;
  } catch (e) {
    if (e instanceof NotFound) throw new Invalid('book.list_unit_unknown', e.message, 'unit');
    throw e;
  }
}

/** One page of the books the actor sees, newest first, filtered (unit at any level with the units within it, type, year, status, words). */
export async function listBooks(ctx: ActorContext, input: unknown = {}): Promise<BookPage> {
  const q = BookListQuery.parse(input);
  const rows = await repo.listBooks(ctx.store.db, ctx.actor, {
    unitId: q.unit !== undefined ? await unitOfFilter(ctx, q.unit) : undefined,
    registerType: q.type !== undefined ? getTemplate(q.type).registerType : undefined,
    year: q.year,
    statuses: q.status?.split(','),
    words:
      q.q !== undefined
        ? searchKey(q.q)
            .split(' ')
            .filter((w) => w !== '')
        : undefined,
    after: q.cursor,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const items = await Promise.all(page.map((b) => describeBook(ctx, b, { pagesScanned: b.pages_present, recordsKeyed: b.records_keyed, recordsCompleted: b.records_completed })));
  return { items, nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}

function patchOf(p: BookPatch, unit: ResolvedUnit | undefined) {
  return {
    ...(p.authority !== undefined ? { authority_text: p.authority, authority_unit_code: unit?.id ?? null } : {}),
    ...(p.volumeNo !== undefined ? { volume_no: p.volumeNo } : {}),
    ...(p.openedOn !== undefined ? { opened_on: p.openedOn } : {}),
    ...(p.closedOn !== undefined ? { closed_on: p.closedOn } : {}),
    ...(p.pageCount !== undefined ? { page_count: p.pageCount } : {}),
    ...(p.declaredEventCount !== undefined ? { declared_event_count: p.declaredEventCount } : {}),
    ...(p.condition !== undefined ? { condition: p.condition } : {}),
    ...(p.custody !== undefined ? { custody: p.custody } : {}),
    ...(p.notes !== undefined ? { notes: p.notes } : {}),
  };
}

export async function updateBook(ctx: ActorContext, id: string, input: unknown): Promise<BookView> {
  assertPermission(ctx.actor, 'books.write');
  const p = BookPatch.parse(input);
  const book = await getBook(ctx, id);
  const unit = p.authority !== undefined ? await resolveAuthority(ctx, p.authority, book.year_from, p.authorityUnitId) : undefined;
  if (p.authority !== undefined) await assertAuthorityInScope(ctx, p.authority, unit);
  const patch = patchOf(p, unit);
  const row = await transact(ctx.store.db, async (tx) => {
    const before = await repo.lockBook(tx, ctx.actor, id);
    if (!before) throw bookNotFound(id);
    const after = (await repo.updateBook(tx, id, patch))!;
    const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, { from: before[k as keyof Book] ?? null, to: after[k as keyof Book] ?? null }]));
    await appendEntityAction(tx, { entityType: 'book', entityId: id, bookId: id, kind: 'changed', actorId: actorIdOf(ctx.actor), payload: { changed } });
    return after;
  });
  return describeBook(ctx, row);
}
