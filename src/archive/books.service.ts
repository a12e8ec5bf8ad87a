/**
 * The inventory of register books: creating a book checks its register type
 * against the catalog and resolves its authority text to an administrative
 * unit (kept only when the resolution is unambiguous); the text itself is
 * always kept as written.
 */
import { NotFound, type AppContext } from '../core/index.js';
import { getTemplate } from '../registers/index.js';
import type { Book } from '../store/index.js';
import { resolvePlaceText } from '../units/index.js';
import { BookPatch, NewBookInput } from './book.schema.js';
import * as repo from './books.repo.js';

export interface BookView {
  id: string;
  registerType: string;
  templateId: string;
  title: string;
  authority: string;
  authorityUnit: { id: string; path: string } | null;
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
  /** Progress, in lists: pages with an image, registrations keyed (any state) and completed. */
  progress?: { pagesScanned: number; recordsKeyed: number; recordsCompleted: number };
}

export function bookView(b: Book, unitPath?: string, progress?: BookView['progress']): BookView {
  return {
    id: b.id, registerType: b.register_type, templateId: b.template_version, title: `${getTemplate(b.template_version).title} ${b.volume_no}`.trim(),
    authority: b.authority_text, authorityUnit: b.authority_unit_code ? { id: b.authority_unit_code, path: unitPath ?? '' } : null,
    yearFrom: b.year_from, yearTo: b.year_to, volumeNo: b.volume_no, openedOn: b.opened_on, closedOn: b.closed_on, pageCount: b.page_count,
    declaredEventCount: b.declared_event_count, condition: b.condition, custody: b.custody, notes: b.notes, status: b.status,
    ...(progress === undefined ? {} : { progress }),
  };
}

async function resolveAuthority(ctx: AppContext, text: string, year: number): Promise<{ id: string; path: string } | undefined> {
  const r = await resolvePlaceText(ctx, text, { asOf: year });
  const best = r.candidates[0];
  return r.status === 'resolved' && best ? { id: best.id, path: best.path } : undefined;
}

export async function createBook(ctx: AppContext, input: unknown): Promise<BookView> {
  const b = NewBookInput.parse(input);
  const template = getTemplate(b.templateId ?? b.registerType);
  const unit = await resolveAuthority(ctx, b.authority, b.yearFrom);
  const row = await repo.insertBook(ctx.store.db, {
    register_type: template.registerType, template_version: template.id, authority_text: b.authority, authority_unit_code: unit?.id ?? null,
    year_from: b.yearFrom, year_to: b.yearTo ?? null, volume_no: b.volumeNo, opened_on: b.openedOn ?? null, closed_on: b.closedOn ?? null,
    page_count: b.pageCount ?? null, declared_event_count: b.declaredEventCount ?? null, condition: b.condition, custody: b.custody, notes: b.notes,
  });
  return bookView(row, unit?.path);
}

export async function getBook(ctx: AppContext, id: string): Promise<Book> {
  const book = await repo.findBook(ctx.store.db, id);
  if (!book) throw new NotFound('book.not_found', `Không tìm thấy quyển sổ ${id}.`);
  return book;
}

export async function listBooks(ctx: AppContext, limit = 100, offset = 0): Promise<BookView[]> {
  return (await repo.listBooks(ctx.store.db, limit, offset)).map((b) =>
    bookView(b, undefined, { pagesScanned: b.pages_present, recordsKeyed: b.records_keyed, recordsCompleted: b.records_completed }),
  );
}

export async function updateBook(ctx: AppContext, id: string, input: unknown): Promise<BookView> {
  const p = BookPatch.parse(input);
  const book = await getBook(ctx, id);
  const unit = p.authority !== undefined ? await resolveAuthority(ctx, p.authority, book.year_from) : undefined;
  const patch = {
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
  return bookView((await repo.updateBook(ctx.store.db, id, patch))!, unit?.path);
}
