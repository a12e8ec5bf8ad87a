/**
 * Keying on both backends, in a KS-70 book with two scanned pages: creating,
 * keying, flagging, completing (ERRORs and unacknowledged WARNINGs block it),
 * correcting, reopening; stale saves get a Conflict listing what changed;
 * replays change nothing; the row always equals the fold of its history; the
 * action log stays append-only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { as, grantUsers } from '../../test/support/users.js';
import { testContext } from '../../test/support/context.js';
import { createBook, storeIngestedFile } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { listActions } from './actions.repo.js';
import { fold } from './fold.js';
import { fakeIncomingPage } from '../../test/support/fixtures.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { rejection } from '../../test/support/errors.js';
import { completeRecord, createRecord, getRecordView, listBookRecords, recordHistory, reopenRecord, saveRecord, type ChangesSince } from './index.js';
import { findRecord, stateOfRow } from './records.repo.js';

const KS_VALUES: Record<string, string> = { ...CLEAN_KS_RECORD };

const page = (i: number) => fakeIncomingPage(i, 'entry');

let txSeq = 0;
const tx = () => `tx-entry-${String(++txSeq).padStart(6, '0')}`;

describeBackends('keying', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let bookId = '';
  let pageIds: string[] = [];
  let anh = '';
  let binh = '';
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2008' });
    bookId = book.id;
    pageIds = (await storeIngestedFile(ctx, bookId, { name: 'e.pdf', sha256: 'e'.repeat(64), kind: 'pdf', original: Buffer.from('e'), pages: [page(1), page(2)] })).pages.map((p) => p.id);
    const users = await ctx.store.db
      .insertInto('users')
      .values([
        { login: 'anh', role: 'keyer', password_hash: null },
        { login: 'binh', role: 'keyer', password_hash: null },
      ])
      .returning('id')
      .execute();
    [anh, binh] = users.map((u) => u.id) as [string, string];
    await grantUsers(ctx, [anh, binh]);
  });
  afterAll(() => dispose());

  const newRecord = async () => createRecord(await as(ctx, anh), { bookId, pageIds: [pageIds[0]!], clientTxId: tx() });

  async function expectRowIsFold(id: string): Promise<void> {
    const row = await findRecord(ctx.store.db, ctx.actor, id);
    expect(stateOfRow(row!)).toEqual(fold(await listActions(ctx.store.db, id)));
  }

  it('creates a record on pages of its book, once per client transaction', async () => {
    const clientTxId = tx();
    const input = { bookId, pageIds, regions: [{ pageId: pageIds[1]!, x: 0, y: 0, w: 1, h: 0.4 }], clientTxId, actorId: anh };
    const rec = await createRecord(ctx, input);
    expect(rec).toMatchObject({ bookId, templateId: 'KS-70', status: 'draft', version: 1, values: {}, pageIds, regions: input.regions });
    expect(rec.findings.some((f) => f.severity === 'ERROR' && f.code === 'field.required')).toBe(true);
    expect(await createRecord(ctx, input)).toEqual(rec);
    expect((await listBookRecords(ctx, bookId)).filter((r) => r.id === rec.id)).toHaveLength(1);
    const other = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2009 });
    expect((await rejection(createRecord(ctx, { bookId: other.id, pageIds, clientTxId: tx() }))).code).toBe('page.not_found');
    await expectRowIsFold(rec.id);
  });

  it("keys a draft in several saves: cleaned values, the book's spelling kept, findings returned", async () => {
    const rec = await newRecord();
    const first = await saveRecord(await as(ctx, anh), { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, values: { so: ' 15 ', nksHoTen: 'PHẠM anh  Đài'.normalize('NFD') } });
    expect(first).toMatchObject({ version: 2, values: { so: '15', nksHoTen: 'PHẠM anh Đài' }, keyedBy: anh });
    expect(first.findings.find((f) => f.path === 'nksNgaySinh')).toMatchObject({ severity: 'ERROR', code: 'field.required' });
    const second = await saveRecord(await as(ctx, binh), { recordId: rec.id, clientTxId: tx(), expectedVersion: 2, values: { so: '', nksNgaySinh: '01.09.2008' } });
    expect(second.values).toEqual({ nksHoTen: 'PHẠM anh Đài', nksNgaySinh: '01.09.2008' });
    expect(await getRecordView(ctx, rec.id)).toEqual(second);
    await expectRowIsFold(rec.id);
  });

  it('flags a field and removes the flag', async () => {
    const rec = await newRecord();
    const flagged = await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, flags: { nksHoTen: { kind: 'illegible', note: 'rách góc' } } });
    expect(flagged.flags).toEqual({ nksHoTen: { kind: 'illegible', note: 'rách góc' } });
    const cleared = await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 2, flags: { nksHoTen: null } });
    expect(cleared).toMatchObject({ flags: {}, version: 3 });
    expect((await recordHistory(ctx, rec.id)).map((h) => h.kind)).toEqual(['created', 'flagged', 'flagged']);
  });

  it('refuses a stale save with what changed since, and overwrites nothing', async () => {
    const rec = await newRecord();
    await saveRecord(await as(ctx, anh), { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, values: { so: '15', nksHoTen: 'Phạm Anh Đài' } });
    const e = await rejection(saveRecord(await as(ctx, binh), { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, values: { nksHoTen: 'Phạm Anh Đạt' } }));
    expect(e).toMatchObject({ kind: 'conflict', code: 'record.version_conflict' });
    expect(e.message).toMatch(/phiên bản 1, hiện tại là 2/);
    const details = e.details as ChangesSince & { recordId: string };
    expect(details).toMatchObject({ recordId: rec.id, expectedVersion: 1, currentVersion: 2, status: 'draft' });
    expect(details.fields).toEqual([
      { key: 'so', value: '15', changedBy: [anh], version: 2 },
      { key: 'nksHoTen', value: 'Phạm Anh Đài', changedBy: [anh], version: 2 },
    ]);
    expect(details.actions).toEqual([expect.objectContaining({ version: 2, kind: 'keyed', actorId: anh })]);
    expect((await getRecordView(ctx, rec.id)).values.nksHoTen).toBe('Phạm Anh Đài');
  });

  it('answers a replayed save with the first answer and stores nothing, even after the record moved on', async () => {
    const rec = await newRecord();
    const save = { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, values: { so: '7' }, flags: { so: { kind: 'uncertain' as const, note: '' } }, actorId: anh };
    const first = await saveRecord(ctx, save);
    expect(first.version).toBe(3);
    expect(await saveRecord(ctx, save)).toEqual(first);
    expect(await listActions(ctx.store.db, rec.id)).toHaveLength(3);
    await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 3, values: { so: '8' } });
    expect(await saveRecord(ctx, save)).toEqual(first);
    expect(await listActions(ctx.store.db, rec.id)).toHaveLength(4);
    expect((await getRecordView(ctx, rec.id)).values.so).toBe('8');
    await expectRowIsFold(rec.id);
  });

  it('lets exactly one of two concurrent saves of the same version through', async () => {
    const rec = await newRecord();
    const results = await Promise.allSettled(['A', 'B'].map((so) => saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, values: { so } })));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'record.version_conflict' });
    expect(await listActions(ctx.store.db, rec.id)).toHaveLength(2);
    const clientTxId = tx();
    const twice = await Promise.all([1, 2].map(() => createRecord(ctx, { bookId, pageIds: [pageIds[0]!], clientTxId })));
    expect(twice[0]!.id).toBe(twice[1]!.id);
  });

  it('refuses a client transaction id already used on another record', async () => {
    const [a, b] = [await newRecord(), await newRecord()];
    const clientTxId = tx();
    await saveRecord(ctx, { recordId: a.id, clientTxId, expectedVersion: 1, values: { so: '1' } });
    expect((await rejection(saveRecord(ctx, { recordId: b.id, clientTxId, expectedVersion: 1, values: { so: '2' } }))).code).toBe('record.client_tx_reused');
  });

  it('blocks completion while ERROR findings remain', async () => {
    const rec = await newRecord();
    await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, values: { ...KS_VALUES, nksNgaySinh: '' } });
    const e = await rejection(completeRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 2 }));
    expect(e).toMatchObject({ kind: 'invalid', code: 'record.has_errors' });
    expect(e.message).toMatch(/Chưa hoàn thành được bản ghi: còn \d+ lỗi/);
    expect((e.details as { findings: { path: string }[] }).findings.map((f) => f.path)).toContain('nksNgaySinh');
    expect(await getRecordView(ctx, rec.id)).toMatchObject({ status: 'draft', version: 2 });
  });

  it('blocks completion until every WARNING is acknowledged', async () => {
    const rec = await newRecord();
    const saved = await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, values: { ...KS_VALUES, meNgaySinh: '1999' } });
    expect(saved.findings).toEqual([expect.objectContaining({ path: 'meNgaySinh', severity: 'WARNING', code: 'ks.parent_age', acknowledged: false })]);
    const e = await rejection(completeRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 2 }));
    expect(e).toMatchObject({ kind: 'invalid', code: 'record.unacknowledged_warnings' });
    expect((e.details as { warnings: { code: string }[] }).warnings.map((w) => w.code)).toEqual(['ks.parent_age']);
    const acked = await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 2, acknowledge: ['ks.parent_age'] });
    expect(acked.findings[0]).toMatchObject({ acknowledged: true });
    const done = await completeRecord(await as(ctx, binh), { recordId: rec.id, clientTxId: tx(), expectedVersion: 3 });
    expect(done).toMatchObject({ status: 'completed', version: 4, acknowledged: ['ks.parent_age'] });
    expect(done.completedAt).not.toBeNull();
    await expectRowIsFold(rec.id);
  });

  it('corrects a completed record, refuses a correction that breaks it, reopens it', async () => {
    const rec = await newRecord();
    await saveRecord(await as(ctx, anh), { recordId: rec.id, clientTxId: tx(), expectedVersion: 1, values: KS_VALUES });
    await completeRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 2 });
    const corrected = await saveRecord(await as(ctx, binh), { recordId: rec.id, clientTxId: tx(), expectedVersion: 3, values: { trangSo: '56' } });
    expect(corrected).toMatchObject({ status: 'completed', version: 4, keyedBy: binh, values: { trangSo: '56' } });
    const broken = await rejection(saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 4, values: { nksHoTen: '' } }));
    expect(broken.code).toBe('record.has_errors');
    expect(await listActions(ctx.store.db, rec.id)).toHaveLength(4);
    expect((await rejection(completeRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 4 }))).code).toBe('record.already_completed');
    const reopened = await reopenRecord(await as(ctx, anh), { recordId: rec.id, clientTxId: tx(), expectedVersion: 4, reason: 'Sai họ tên' });
    expect(reopened).toMatchObject({ status: 'draft', completedAt: null, version: 5 });
    expect((await rejection(reopenRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: 5 }))).code).toBe('record.not_completed');
    const history = await recordHistory(ctx, rec.id);
    expect(history.map((h) => [h.version, h.kind, h.actorId])).toEqual([
      [1, 'created', anh],
      [2, 'keyed', anh],
      [3, 'completed', null],
      [4, 'corrected', binh],
      [5, 'reopened', anh],
    ]);
    await expectRowIsFold(rec.id);
  });

  it("lists a book's records with status, số and the main name", async () => {
    const list = await listBookRecords(ctx, bookId);
    const done = list.find((r) => r.status === 'completed');
    expect(done).toMatchObject({ so: '15', name: 'Phạm Anh Đài', errors: 0, unacknowledgedWarnings: 0 });
    expect((await rejection(getRecordView(ctx, '00000000-0000-4000-8000-000000000000'))).code).toBe('record.not_found');
  });

  it('keeps every row equal to the fold of its history', async () => {
    const rows = await ctx.store.db.selectFrom('records').select('id').where('book_id', '=', bookId).execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const { id } of rows) await expectRowIsFold(id);
  });

  it('still refuses UPDATE and DELETE of actions', async () => {
    const [first] = await ctx.store.db.selectFrom('record_actions').select('id').limit(1).execute();
    await expect(ctx.store.db.updateTable('record_actions').set({ kind: 'keyed' }).where('id', '=', first!.id).execute()).rejects.toThrow(/append-only/);
    await expect(ctx.store.db.deleteFrom('record_actions').where('id', '=', first!.id).execute()).rejects.toThrow(/append-only/);
  });
});
