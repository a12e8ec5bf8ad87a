/**
 * A small province for plans tests: a province, a district, two communes,
 * books inserted directly with chosen days, and helpers that write the
 * activity the services write (pages stored, registrations completed, second
 * passes, disagreements and their resolution, QC lots accepted, exports
 * signed off, loads confirmed) at a chosen Vietnam local day.
 */
import type { ActorContext } from '../../src/auth/index.js';
import { rebuildWithin } from '../../src/units/index.js';
import { provinceOfBook } from '../../src/store/index.js';

export const UNITS = {
  province: 'legacy:province:93',
  district: 'legacy:district:931',
  a: 'legacy:commune:93101',
  b: 'legacy:commune:93102',
} as const;

export async function insertPlanUnits(ctx: ActorContext): Promise<void> {
  const rows = [
    { id: UNITS.province, level: 'province', code: '93', name: 'Kế Hoạch', kind: 'Tỉnh', parent_id: null },
    { id: UNITS.district, level: 'district', code: '931', name: 'Tiến Độ', kind: 'Huyện', parent_id: UNITS.province },
    { id: UNITS.a, level: 'commune', code: '93101', name: 'Thử A', kind: 'Xã', parent_id: UNITS.district },
    { id: UNITS.b, level: 'commune', code: '93102', name: 'Thử B', kind: 'Xã', parent_id: UNITS.district },
  ];
  await ctx.store.db
    .insertInto('admin_units')
    .values(rows.map((u) => ({ ...u, scheme: 'legacy', source: 'test' })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await rebuildWithin(ctx.store.db);
}

/** Noon of a Vietnam local day. */
export const at = (day: string) => `${day}T12:00:00+07:00`;
const hex = (n: number) => n.toString(16).padStart(64, '0');
let pageSeq = 0;

export async function insertBook(ctx: ActorContext, b: { unit: string; type?: string; year: number; day: string; pages?: number; declared?: number }): Promise<string> {
  const row = await ctx.store.db
    .insertInto('books')
    .values({
      register_type: b.type ?? 'KS',
      template_version: b.type === 'KT' ? 'KT-48' : 'KS-70',
      authority_text: 'UBND xã thử',
      authority_unit_code: b.unit,
      year_from: b.year,
      year_to: b.year,
      volume_no: String(++pageSeq),
      page_count: b.pages ?? null,
      declared_event_count: b.declared ?? null,
      created_at: at(b.day),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addPages(ctx: ActorContext, bookId: string, n: number, day: string): Promise<void> {
  const values = Array.from({ length: n }, () => ({ book_id: bookId, province_code: provinceOfBook(bookId), seq: ++pageSeq, blob_sha256: hex(pageSeq), flags: '[]', created_at: at(day) }));
  await ctx.store.db.insertInto('pages').values(values).execute();
}

/** Registrations completed on a day (type of the book); returns their ids. */
export async function completeRegistrations(ctx: ActorContext, bookId: string, n: number, day: string, type = 'KS'): Promise<string[]> {
  if (n === 0) return [];
  const values = Array.from({ length: n }, () => ({
    book_id: bookId,
    province_code: provinceOfBook(bookId),
    register_type: type,
    template_version: type === 'KT' ? 'KT-48' : 'KS-70',
    values: {},
    page_ids: '[]',
    status: 'completed',
    completed_at: at(day),
  }));
  return (await ctx.store.db.insertInto('records').values(values).returning('id').execute()).map((r) => r.id);
}

export async function addDraft(ctx: ActorContext, bookId: string): Promise<string> {
  return (
    await ctx.store.db
      .insertInto('records')
      .values({ book_id: bookId, province_code: provinceOfBook(bookId), register_type: 'KS', template_version: 'KS-70', values: {}, page_ids: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function completeDraft(ctx: ActorContext, recordId: string, day: string): Promise<void> {
  await ctx.store.db
    .updateTable('records')
    .set({ status: 'completed', completed_at: at(day) })
    .where('id', '=', recordId)
    .execute();
}

export async function secondPass(ctx: ActorContext, registrationId: string, day: string): Promise<void> {
  const r = await ctx.store.db.selectFrom('records').select(['book_id']).where('id', '=', registrationId).executeTakeFirstOrThrow();
  await ctx.store.db
    .insertInto('records')
    .values({
      book_id: r.book_id,
      province_code: provinceOfBook(r.book_id),
      register_type: 'KS',
      template_version: 'KS-70',
      values: {},
      page_ids: '[]',
      status: 'completed',
      completed_at: at(day),
      keying_of: registrationId,
      keying_pass: 'B',
    })
    .onConflict((oc) => oc.constraint('records_keying_pass_unique').doNothing())
    .execute();
}

export async function disagree(ctx: ActorContext, recordId: string, field: string): Promise<string> {
  return (await ctx.store.db.insertInto('qc_disagreements').values({ record_id: recordId, round: 1, field_key: field, value_a: 'a', value_b: 'b' }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function resolveDisagreement(ctx: ActorContext, id: string, day: string, userId: string): Promise<void> {
  await ctx.store.db
    .updateTable('qc_disagreements')
    .set({ status: 'resolved', decided_value: 'a', decided_choice: 'A', decided_by: userId, decided_at: at(day) })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

export async function acceptLot(ctx: ActorContext, bookIds: string[], day: string, userId: string): Promise<void> {
  const lot = await ctx.store.db
    .insertInto('qc_lots')
    .values({
      scope: { kind: 'books', books: bookIds.map((id) => ({ id })) },
      plan: {},
      targets: {},
      seed: '1',
      sampler: 'test',
      manifest_hash: 'x',
      lot_size: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.store.db
    .updateTable('qc_lots')
    .set({ status: 'accepted', decided_by: userId, decided_at: at(day), decision: '{}' })
    .where('id', '=', lot.id)
    .execute();
}

export async function exportSignedOff(ctx: ActorContext, bookId: string, day: string, userId: string): Promise<void> {
  const e = await ctx.store.db
    .insertInto('exports')
    .values({ book_id: bookId, files: '[]', manifest: {}, warnings: 0, created_at: at(day) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.store.db
    .updateTable('exports')
    .set({ signed_off_by: userId, signed_off_at: at(day) })
    .where('id', '=', e.id)
    .execute();
}

export async function setDouble(ctx: ActorContext, bookId: string): Promise<void> {
  await ctx.store.db
    .insertInto('qc_book_settings')
    .values({ book_id: bookId, mode: 'double_blind' })
    .onConflict((oc) => oc.column('book_id').doUpdateSet({ mode: 'double_blind' }))
    .execute();
}

export async function confirmLoad(ctx: ActorContext, bookId: string, day: string): Promise<void> {
  await ctx.store.db
    .insertInto('plan_book_loads')
    .values({ book_id: bookId, loaded_on: day, batch_ref: `DOT-${day}`, source: 'typed' })
    .onConflict((oc) => oc.column('book_id').doUpdateSet({ loaded_on: day }))
    .execute();
}
