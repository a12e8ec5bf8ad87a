/** Rows of ocr_pages, ocr_fields and ocr_thresholds (migration 0022). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/index.js';
import type { PageBox, SkipReason } from './read-page.js';
import type { OcrValue } from './values.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredField extends OcrValue {
  pageId: string;
  row: number;
  box: PageBox;
}

export async function pageMarks(db: Db, pageIds: readonly string[]): Promise<Map<string, boolean>> {
  if (pageIds.length === 0) return new Map();
  const rows = await db.selectFrom('ocr_pages').select(['page_id', 'handwritten_mark']).where('page_id', 'in', pageIds).execute();
  return new Map(rows.map((r) => [r.page_id, r.handwritten_mark]));
}

/**
 * The officer's mark. Marked: what the machine read of the page is dropped (no pre-fill, no machine pass:
 * people key it) and the page stands skipped for that reason; unmarked: the page waits to be read again.
 */
export async function setHandwrittenMark(db: Kysely<Database>, bookId: string, pageId: string, mark: boolean): Promise<void> {
  const state = mark ? { status: 'skipped', reason: 'marked_handwritten' } : { status: 'pending', reason: '' };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('ocr_pages')
      .values({ page_id: pageId, book_id: bookId, handwritten_mark: mark, ...state })
      .onConflict((oc) => oc.column('page_id').doUpdateSet({ handwritten_mark: mark, ...state }))
      .execute();
    await tx.deleteFrom('ocr_fields').where('page_id', '=', pageId).execute();
  });
}

export type PageOutcome = { status: 'read'; skew: number; meanConfidence: number; fields: StoredField[] } | { status: 'skipped'; reason: SkipReason };

/** Replaces what was stored for the page with this outcome (one transaction, the caller's). */
export async function storePageOutcome(tx: Db, bookId: string, pageId: string, engine: string, at: Date, o: PageOutcome): Promise<void> {
  const common = {
    engine,
    read_at: at,
    status: o.status,
    reason: o.status === 'skipped' ? o.reason : '',
    skew: o.status === 'read' ? o.skew : null,
    mean_confidence: o.status === 'read' ? o.meanConfidence : null,
  };
  await tx
    .insertInto('ocr_pages')
    .values({ page_id: pageId, book_id: bookId, ...common })
    .onConflict((oc) => oc.column('page_id').doUpdateSet(common))
    .execute();
  await tx.deleteFrom('ocr_fields').where('page_id', '=', pageId).execute();
  if (o.status !== 'read' || o.fields.length === 0) return;
  await tx
    .insertInto('ocr_fields')
    .values(
      o.fields.map((f) => ({
        page_id: pageId,
        row_index: f.row,
        field: f.field,
        kind: f.kind,
        raw_text: f.text,
        value: f.value,
        confidence: f.confidence,
        box: JSON.stringify(f.box),
        uncertain: JSON.stringify(f.uncertain),
      })),
    )
    .execute();
}

export async function fieldsOfPages(db: Db, pageIds: readonly string[]): Promise<StoredField[]> {
  if (pageIds.length === 0) return [];
  const rows = await db.selectFrom('ocr_fields').selectAll().where('page_id', 'in', pageIds).orderBy('page_id').orderBy('row_index').execute();
  return rows.map((r) => ({
    pageId: r.page_id,
    row: r.row_index,
    field: r.field,
    kind: r.kind as OcrValue['kind'],
    text: r.raw_text,
    value: r.value,
    confidence: r.confidence,
    box: r.box,
    uncertain: r.uncertain as OcrValue['uncertain'],
  }));
}

export async function pagesOfBook(db: Db, bookId: string) {
  return db.selectFrom('ocr_pages').selectAll().where('book_id', '=', bookId).execute();
}

export async function loadThresholds(db: Db) {
  return db.selectFrom('ocr_thresholds').selectAll().execute();
}

export async function saveThreshold(db: Db, kind: string, threshold: number, samples: number, accuracy: number | null, at: Date): Promise<void> {
  const row = { threshold, samples, accuracy, updated_at: at };
  await db
    .insertInto('ocr_thresholds')
    .values({ kind, ...row })
    .onConflict((oc) => oc.column('kind').doUpdateSet(row))
    .execute();
}
