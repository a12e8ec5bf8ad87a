/**
 * The conflict queue: the rows of imported batches that differ or conflict,
 * each shown with the page images of its registration, the value keyed now,
 * the book's value at import and the population side's value, field by
 * field; and the officer's decision, once per row:
 * - book_confirmed: the keyed value is what the book says (Luật Hộ tịch Art.
 *   60.2: the book wins); the population side is asked to correct;
 * - record_corrected: the keying was wrong; the officer types the values
 *   read from the book and the record is corrected through its action log
 *   (src/entry saveRecord: lifecycle rules, a reason, the row as decision
 *   reference), never with a value this module takes from the population side.
 * Every decision is a popdb_decisions row and an entity_actions row.
 */
import { z } from 'zod';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import { Conflict, Invalid, NotFound, parseWith } from '../core/index.js';
import { saveRecord } from '../entry/index.js';
import { getTemplate } from '../registers/index.js';
import { columnOf, COMPARED_KEYS, fieldOf, popKey } from './popdb-columns.js';
import { CLASS_LABELS, comparable, type Conflict as IdConflict, type Diff, type PopdbClass } from './popdb-compare.js';
import { findRow, insertDecision, listRows, type RowFilter } from './popdb.repo.js';

export const DECISIONS = { book_confirmed: 'Giữ giá trị theo sổ', record_corrected: 'Sửa bản ghi theo sổ (nhập sai)' } as const;
export type Decision = keyof typeof DECISIONS;

export interface ConflictField {
  key: string;
  /** The catalog field of the record's template. */
  field: string;
  label: string;
  keyed: string;
  bookAtImport: string;
  population: string;
  /** The keyed value (now) and the population value differ, the book having one. */
  differs: boolean;
}

export interface ConflictView {
  id: string;
  batchId: string;
  rowNo: number;
  recordId: string;
  bookId: string;
  book: { volumeNo: string; year: number; authority: string };
  class: PopdbClass;
  classLabel: string;
  popStatus: string;
  conflict: IdConflict | null;
  diffs: Diff[];
  fields: ConflictField[];
  pageIds: string[];
  imageUrls: string[];
  recordVersion: number;
  /** The record changed since the import (its keyed values may no longer be those compared). */
  changedSinceImport: boolean;
  popNote: string;
  decision: { decision: Decision; label: string; note: string; corrected: Record<string, string>; decidedBy: string | null; decidedAt: string } | null;
}

type RowData = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function fieldsOf(r: RowData): ConflictField[] {
  const template = getTemplate(r.template_version);
  return COMPARED_KEYS.flatMap((key) => {
    const def = fieldOf(template, columnOf(key)!);
    if (!def) return [];
    const keyed = r.record_values[def.key] ?? '';
    const population = r.pop_values[popKey(key)] ?? '';
    const a = comparable(def, keyed);
    return [{ key, field: def.key, label: def.label, keyed, bookAtImport: r.book_values[key] ?? '', population, differs: a !== '' && a !== comparable(def, population) }];
  });
}

export function conflictView(r: RowData): ConflictView {
  const decided = r.decision as Decision | null;
  return {
    id: r.id,
    batchId: r.batch_id,
    rowNo: r.row_no,
    recordId: r.record_id,
    bookId: r.book_id,
    book: { volumeNo: r.volume_no, year: r.year_from, authority: r.authority_text },
    class: r.class as PopdbClass,
    classLabel: CLASS_LABELS[r.class as PopdbClass],
    popStatus: r.pop_status,
    conflict: r.conflict as IdConflict | null,
    diffs: r.diffs,
    fields: fieldsOf(r),
    pageIds: r.page_ids,
    imageUrls: r.page_ids.map((p) => `/iiif/3/${p}/full/max/0/default.jpg`),
    recordVersion: r.current_version,
    changedSinceImport: r.current_version !== r.record_version,
    popNote: r.pop_values.dcGhiChu ?? '',
    decision: decided
      ? { decision: decided, label: DECISIONS[decided], note: r.decision_note ?? '', corrected: r.corrected ?? {}, decidedBy: r.decided_by, decidedAt: r.decided_at!.toISOString() }
      : null,
  };
}

export const ConflictQuery = z.object({
  batch: z.uuid('Mã lần nhập không hợp lệ.').optional(),
  state: z.enum(['open', 'decided', 'all'], { message: 'state phải là open, decided hoặc all.' }).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ConflictQuery = z.input<typeof ConflictQuery>;

/** Rows waiting for a decision (or decided, or both) that the actor sees. */
export async function listConflicts(ctx: ActorContext, query: ConflictQuery = {}): Promise<ConflictView[]> {
  assertPermission(ctx.actor, 'popdb.compare');
  const q = parseWith(ConflictQuery, query, 'popdb.invalid');
  const filter: RowFilter = { batchId: q.batch, classes: ['differs', 'id_conflict'], open: q.state === 'open', decided: q.state === 'decided', limit: q.limit };
  return (await listRows(ctx.store.db, ctx.actor, filter)).map(conflictView);
}

export async function getConflict(ctx: ActorContext, id: string): Promise<ConflictView> {
  assertPermission(ctx.actor, 'popdb.compare');
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findRow(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw new NotFound('popdb.row_not_found', `Không tìm thấy dòng đối chiếu ${id}.`);
  return conflictView(row);
}

const note = z.string().trim().max(500, 'Ghi chú tối đa 500 ký tự.').default('');

export const DecideInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('book_confirmed'), note }),
  z.object({
    decision: z.literal('record_corrected'),
    note,
    /** The values read from the book, by compared key (hoTen, meHoTen…). */
    values: z.record(z.string(), z.string().max(2000)).refine((v) => Object.keys(v).length > 0, 'Cần ít nhất một giá trị đọc lại từ sổ.'),
    reason: z.string().trim().min(1, 'Cần ghi lý do sửa bản ghi.').max(500),
    expectedVersion: z.number().int().min(0),
    clientTxId: z.string().trim().min(8).max(120),
  }),
]);
export type DecideInput = z.input<typeof DecideInput>;

/** The record fields a correction changes: only the compared fields of the row's template. */
function correctionValues(r: RowData, values: Record<string, string>): Record<string, string> {
  const template = getTemplate(r.template_version);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const column = COMPARED_KEYS.includes(key) ? columnOf(key) : undefined;
    const def = column ? fieldOf(template, column) : undefined;
    if (!def) throw new Invalid('popdb.unknown_field', `Không sửa được "${key}" từ màn hình đối chiếu: chỉ các thông tin được đối chiếu (${COMPARED_KEYS.join(', ')}).`, `values.${key}`);
    out[def.key] = value;
  }
  return out;
}

export async function decideConflict(ctx: ActorContext, id: string, input: DecideInput): Promise<ConflictView> {
  assertPermission(ctx.actor, 'popdb.decide');
  const row = await getRowToDecide(ctx, id);
  const d = parseWith(DecideInput, input, 'popdb.invalid');
  let corrected: Record<string, string> = {};
  let version = row.current_version;
  if (d.decision === 'record_corrected') {
    corrected = correctionValues(row, d.values);
    const decisionRef = `Đối chiếu CSDL dân cư, dòng ${row.row_no} (${row.id})`;
    const saved = await saveRecord(ctx, { recordId: row.record_id, clientTxId: d.clientTxId, expectedVersion: d.expectedVersion, values: corrected, reason: d.reason, decisionRef });
    version = saved.version;
  }
  await ctx.store.db.transaction().execute(async (tx) => {
    const stored = await insertDecision(tx, { rowId: row.id, decision: d.decision, note: d.note, corrected, recordVersion: version, actorId: actorIdOf(ctx.actor) });
    if (!stored) throw alreadyDecided();
    const payload = { decision: d.decision, recordId: row.record_id, batchId: row.batch_id, corrected, recordVersion: version };
    await appendEntityAction(tx, { entityType: 'popdb_row', entityId: row.id, kind: 'decided', actorId: actorIdOf(ctx.actor), bookId: row.book_id, reason: d.note, payload });
  });
  return getConflict(ctx, id);
}

const alreadyDecided = () => new Conflict('popdb.already_decided', 'Chỗ khác nhau này đã có quyết định; mỗi dòng chỉ quyết định một lần.');

async function getRowToDecide(ctx: ActorContext, id: string): Promise<RowData> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findRow(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw new NotFound('popdb.row_not_found', `Không tìm thấy dòng đối chiếu ${id}.`);
  if (row.class !== 'differs' && row.class !== 'id_conflict')
    throw new Invalid('popdb.nothing_to_decide', `Dòng này "${CLASS_LABELS[row.class as PopdbClass]}": không có chỗ khác nhau cần quyết định.`, 'id');
  if (row.decision) throw alreadyDecided();
  return row;
}
