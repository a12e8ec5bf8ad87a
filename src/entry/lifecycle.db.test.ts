/**
 * The lifecycle with locks, through the real services on both backends: a
 * keyer may not reopen or change a registration QC accepted; a reviewer
 * reopens it with a reason; after the export's sign-off a change is a
 * correction (reason, who, decision) that makes the export stale, and the
 * next export's manifest lists it; a client_tx_id reused with another
 * content is refused (422) while the same content replays; books.status
 * follows the book, each move in its history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { rejection } from '../../test/support/errors.js';
import { exportReadyBook, keyCompleted, scannedBook, type ExportBook } from '../../test/support/export-book.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { as, insertUsers } from '../../test/support/users.js';
import { getBook } from '../archive/index.js';
import { listBookActions } from '../audit/index.js';
import type { ActorContext } from '../auth/index.js';
import { createExport, listExports, signOffExport } from '../exchange/index.js';
import { confirmLoads } from '../plans/index.js';
import { verifyRecord } from '../qc/index.js';
import { bookHistory, createRecord, findRecord, recordTimeline, reopenRecord, saveRecord } from './index.js';
import { qcAccepted, recordStage } from './lifecycle.js';

let seq = 0;
const tx = () => `tx-life-${process.pid}-${String(++seq).padStart(6, '0')}`;

describe('recordStage (pure)', () => {
  it('goes draft → completed → accepted → exported from the status, the action kinds and the export', () => {
    expect(recordStage('draft', ['created', 'keyed'], false)).toBe('draft');
    expect(recordStage('completed', ['created', 'keyed', 'completed'], false)).toBe('completed');
    expect(recordStage('completed', ['created', 'keyed', 'completed', 'verified'], false)).toBe('accepted');
    expect(recordStage('completed', ['created', 'compared', 'arbitrated', 'completed'], false)).toBe('accepted');
    expect(recordStage('completed', ['created', 'completed', 'verified', 'reopened', 'completed'], false)).toBe('completed');
    expect(recordStage('completed', ['created', 'completed'], true)).toBe('exported');
    expect(qcAccepted('draft', ['created', 'verified'])).toBe(false);
  });
});

describeBackends('record lifecycle', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let book: ExportBook;
  let keyer: ActorContext;
  let reviewer: ActorContext;
  const version = async (id: string) => (await findRecord(ctx.store.db, ctx.actor, id))!.version;

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    book = await exportReadyBook(ctx);
    const [k, r] = await insertUsers(ctx, [
      { login: `life-k-${book.bookId.slice(0, 8)}`, role: 'keyer' },
      { login: `life-r-${book.bookId.slice(0, 8)}`, role: 'reviewer' },
    ]);
    keyer = await as(ctx, k!);
    reviewer = await as(ctx, r!);
  }, 120_000);
  afterAll(() => dispose());

  it('lets a keyer reopen a completed record, but not one QC accepted; a reviewer reopens it with a reason', async () => {
    const id = book.records['2']!;
    await verifyRecord(reviewer, { recordId: id, clientTxId: tx(), expectedVersion: await version(id) });
    const refused = await rejection(reopenRecord(keyer, { recordId: id, clientTxId: tx(), expectedVersion: await version(id), reason: 'sai tên' }));
    expect(refused).toMatchObject({ kind: 'forbidden', code: 'record.locked' });
    expect(refused.message).toContain('chỉ người kiểm tra hoặc công chức tư pháp - hộ tịch'.replace('chỉ', 'Chỉ'));
    const edit = await rejection(saveRecord(keyer, { recordId: id, clientTxId: tx(), expectedVersion: await version(id), values: { nksHoTen: 'Phạm Anh Đài' } }));
    expect(edit.code).toBe('record.locked');
    const noReason = await rejection(reopenRecord(reviewer, { recordId: id, clientTxId: tx(), expectedVersion: await version(id) }));
    expect(noReason).toMatchObject({ kind: 'invalid', code: 'record.reason_required' });
    const reopened = await reopenRecord(reviewer, { recordId: id, clientTxId: tx(), expectedVersion: await version(id), reason: 'Đối chiếu lại chữ đệm với sổ' });
    expect(reopened.status).toBe('draft');
    // once reopened, it is the keyer's again
    const fixed = await saveRecord(keyer, { recordId: id, clientTxId: tx(), expectedVersion: reopened.version, values: { nksHoTen: 'Phạm Anh Đài' } });
    expect(fixed.values.nksHoTen).toBe('Phạm Anh Đài');
  });

  it('refuses a client_tx_id reused with another content (422) and replays the same content', async () => {
    const id = book.records['2']!;
    const txId = tx();
    const v = await version(id);
    const first = await saveRecord(keyer, { recordId: id, clientTxId: txId, expectedVersion: v, values: { nksNoiSinh: 'Trạm y tế xã An Nhơn' } });
    const again = await saveRecord(keyer, { recordId: id, clientTxId: txId, expectedVersion: v, values: { nksNoiSinh: 'Trạm y tế xã An Nhơn' } });
    expect(again).toEqual(first);
    const other = await rejection(saveRecord(keyer, { recordId: id, clientTxId: txId, expectedVersion: v, values: { nksNoiSinh: 'Bệnh viện huyện' } }));
    expect(other).toMatchObject({ kind: 'unprocessable', code: 'record.client_tx_payload_differs' });
    expect(other.message).toContain('nội dung khác');
    expect((await findRecord(ctx.store.db, ctx.actor, id))!.values.nksNoiSinh).toBe('Trạm y tế xã An Nhơn');
    const pageIds = [book.pageIds[0]!];
    const createTx = tx();
    const created = await createRecord(keyer, { bookId: book.bookId, pageIds, clientTxId: createTx });
    expect((await createRecord(keyer, { bookId: book.bookId, pageIds, clientTxId: createTx })).id).toBe(created.id);
    expect((await rejection(createRecord(keyer, { bookId: book.bookId, pageIds: [book.pageIds[1]!], clientTxId: createTx }))).code).toBe('record.client_tx_payload_differs');
  });
});

describeBackends('corrections after export sign-off', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let bookId = '';
  let recordId = '';
  let keyer: ActorContext;
  let reviewer: ActorContext;

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const scanned = await scannedBook(ctx, { volume: `life-${process.pid}` });
    bookId = scanned.bookId;
    recordId = await keyCompleted(ctx, bookId, [scanned.pageIds[0]!], patchValues(CLEAN_KS_RECORD, { so: '1' }));
    await keyCompleted(ctx, bookId, [scanned.pageIds[1]!], patchValues(CLEAN_KS_RECORD, { so: '2', nksHoTen: 'Trần Thị Bé' }));
    const [k, r] = await insertUsers(ctx, [
      { login: `exp-k-${bookId.slice(0, 8)}`, role: 'keyer' },
      { login: `exp-r-${bookId.slice(0, 8)}`, role: 'reviewer' },
    ]);
    keyer = await as(ctx, k!);
    reviewer = await as(ctx, r!);
  }, 120_000);
  afterAll(() => dispose());

  it('moves the book through the line: scanning, keying, checking, exported; each move in its history', async () => {
    expect((await getBook(ctx, bookId)).status).toBe('checking');
    const exp = await createExport(ctx, bookId);
    await signOffExport(reviewer, exp.id, { note: 'Đạt' });
    expect((await getBook(ctx, bookId)).status).toBe('exported');
    const moves = (await listBookActions(ctx.store.db, bookId)).filter((a) => a.kind === 'status_changed').map((a) => (a.payload as { to: string }).to);
    expect(moves).toEqual(['scanning', 'keying', 'checking', 'keying', 'checking', 'exported']);
  }, 120_000);

  it('makes a change after sign-off a correction with a reason, marks the export stale and lists it in the next export', async () => {
    const v = (await findRecord(ctx.store.db, ctx.actor, recordId))!.version;
    const values = { nksHoTen: 'Nguyễn Văn Hai' };
    expect((await rejection(saveRecord(keyer, { recordId, clientTxId: tx(), expectedVersion: v, values }))).code).toBe('record.locked');
    expect((await rejection(saveRecord(reviewer, { recordId, clientTxId: tx(), expectedVersion: v, values }))).code).toBe('record.reason_required');
    const corrected = await saveRecord(reviewer, { recordId, clientTxId: tx(), expectedVersion: v, values, reason: 'Sổ ghi Hai, nhập nhầm', decisionRef: 'QĐ 12/QĐ-UBND' });
    expect(corrected.values.nksHoTen).toBe('Nguyễn Văn Hai');
    const [last] = await listExports(ctx, bookId);
    expect(last!.stale).toMatchObject({ records: 1, changes: [{ recordId, so: '1', kind: 'corrected', fields: ['nksHoTen'], reason: 'Sổ ghi Hai, nhập nhầm', decisionRef: 'QĐ 12/QĐ-UBND' }] });
    expect(last!.stale!.changes[0]!.by).toBeTruthy();
    expect((await getBook(ctx, bookId)).status).toBe('checking');
    const history = await listBookActions(ctx.store.db, bookId);
    expect(history.some((a) => a.entity_type === 'export' && a.kind === 'stale' && a.entity_id === last!.id)).toBe(true);

    const panel = await bookHistory(ctx, bookId);
    const correction = panel.find((h) => h.subject === 'record' && h.kind === 'corrected' && h.recordId === recordId);
    expect(correction).toMatchObject({ so: '1', reason: 'Sổ ghi Hai, nhập nhầm', decisionRef: 'QĐ 12/QĐ-UBND' });
    expect(correction!.summary).toContain('Đính chính bản ghi số 1');
    expect(correction!.by).toBeTruthy();
    expect(panel.some((h) => h.summary === 'Trạng thái sổ: Đã xuất dữ liệu → Đang kiểm tra')).toBe(true);
    const timeline = await recordTimeline(reviewer, recordId);
    expect(timeline.stage).toBe('exported');
    expect(timeline.items.at(-1)).toMatchObject({ kind: 'corrected', reason: 'Sổ ghi Hai, nhập nhầm' });

    const next = await createExport(ctx, bookId);
    const manifest = (await ctx.store.db.selectFrom('exports').select('manifest').where('id', '=', next.id).executeTakeFirstOrThrow()).manifest as { changesSinceLastExport: unknown };
    expect(manifest.changesSinceLastExport).toMatchObject({ exportId: last!.id, records: 1, changes: [{ recordId, so: '1', fields: ['nksHoTen'], reason: 'Sổ ghi Hai, nhập nhầm' }] });
    expect(next.stale).toBeNull();
  }, 120_000);

  it('once the book is confirmed loaded into the national system, the book and its registrations read "loaded" and changes stay corrections', async () => {
    const [latest] = await listExports(ctx, bookId);
    await signOffExport(reviewer, latest!.id, { note: 'Đạt lần 2' });
    expect((await getBook(ctx, bookId)).status).toBe('exported');
    await confirmLoads(ctx, { loads: [{ bookId, loadedOn: '2026-11-20', batchRef: 'LÔ-2026-11-20' }], source: 'typed' });
    expect((await getBook(ctx, bookId)).status).toBe('loaded');
    expect((await recordTimeline(reviewer, recordId)).stage).toBe('loaded');
    const v = (await findRecord(ctx.store.db, ctx.actor, recordId))!.version;
    expect((await rejection(saveRecord(keyer, { recordId, clientTxId: tx(), expectedVersion: v, values: { nksHoTen: 'Nguyễn Văn Ba' } }))).code).toBe('record.locked');
  }, 120_000);
});
