/**
 * Peer review and book checks on both backends: a reviewer verifies or
 * corrects completed registrations (each corrected field is a keyer error,
 * never their own); book checks find gaps and duplicates of số, dates going
 * back, a count different from the declared one and pages without
 * registrations, and keep the reviewer's resolutions.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { as, grantUsers, insertUsers } from '../../test/support/users.js';
import { testContext } from '../../test/support/context.js';
import { fakeIncomingPage } from '../../test/support/fixtures.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { rejection } from '../../test/support/errors.js';
import { createBook, storeIngestedFile, updateBook } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { completeRecord, createRecord, listActions, saveRecord } from '../entry/index.js';
import { countKeyedFields, getBookChecks, listReviewOutcomes, resolveBookCheck, reviewQueue, verifyRecord } from './index.js';

let seq = 0;
const tx = () => `tx-qc-rv-${String(++seq).padStart(6, '0')}`;

describeBackends('peer review and book checks', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let anh = '';
  let cuc = '';
  let officer = '';
  let bookId = '';
  let pageIds: string[] = [];

  async function keyed(values: Record<string, string>, pageId: string, keyer = anh, complete = true): Promise<string> {
    const c = await as(ctx, keyer);
    const r = await createRecord(c, { bookId, pageIds: [pageId], clientTxId: tx() });
    const s = await saveRecord(c, { recordId: r.id, clientTxId: tx(), expectedVersion: r.version, values });
    if (complete) await completeRecord(c, { recordId: r.id, clientTxId: tx(), expectedVersion: s.version });
    return r.id;
  }

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const rows = await ctx.store.db
      .insertInto('users')
      .values([
        { login: 'rv-anh', role: 'keyer', password_hash: null },
        { login: 'rv-cuc', role: 'reviewer', password_hash: null },
      ])
      .returning('id')
      .execute();
    [anh, cuc] = rows.map((u) => u.id) as [string, string];
    [officer] = (await insertUsers(ctx, [{ login: 'rv-officer', role: 'officer' }])) as [string];
    await grantUsers(ctx, [anh, cuc]);
    bookId = (await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '03/2008' })).id;
    const pages = [1, 2, 3, 4].map((i) => fakeIncomingPage(i, 'review'));
    pageIds = (await storeIngestedFile(ctx, bookId, { name: 'r.pdf', sha256: 'c'.repeat(64), kind: 'pdf', original: Buffer.from('r'), pages })).pages.map((p) => p.id);
  });
  afterAll(() => dispose());

  it('verifies and corrects completed registrations; corrections are keyer errors', async () => {
    const first = await keyed({ ...CLEAN_KS_RECORD, so: '1', ngayDangKy: '02.10.2008' }, pageIds[0]!);
    const second = await keyed({ ...CLEAN_KS_RECORD, so: '2', ngayDangKy: '05.10.2008' }, pageIds[0]!);
    expect((await reviewQueue(ctx, bookId)).map((r) => r.id)).toEqual([first, second]);
    // A keyer may not review at all; an officer (who may key and review) may not review her own keying.
    expect((await rejection(verifyRecord(await as(ctx, anh), { recordId: first, clientTxId: tx(), expectedVersion: 3 }))).code).toBe('auth.forbidden');
    const other = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '04/2008' });
    const otherPage = (await storeIngestedFile(ctx, other.id, { name: 'o.pdf', sha256: 'd'.repeat(64), kind: 'pdf', original: Buffer.from('o'), pages: [fakeIncomingPage(1, 'own')] })).pages[0]!.id;
    const c = await as(ctx, officer);
    const own = await createRecord(c, { bookId: other.id, pageIds: [otherPage], clientTxId: tx() });
    const ownSaved = await saveRecord(c, { recordId: own.id, clientTxId: tx(), expectedVersion: 1, values: { ...CLEAN_KS_RECORD, ngayDangKy: '06.10.2008' } });
    await completeRecord(c, { recordId: own.id, clientTxId: tx(), expectedVersion: ownSaved.version });
    expect((await rejection(verifyRecord(c, { recordId: own.id, clientTxId: tx(), expectedVersion: 3 }))).code).toBe('qc.review_own_keying');

    await verifyRecord(await as(ctx, cuc), { recordId: first, clientTxId: tx(), expectedVersion: 3 });
    const clientTxId = tx();
    const corrected = await verifyRecord(await as(ctx, cuc), { recordId: second, clientTxId, expectedVersion: 3, values: { nksHoTen: 'Phạm Anh Đại' } });
    expect(corrected).toMatchObject({ status: 'completed', values: { nksHoTen: 'Phạm Anh Đại' } });
    await verifyRecord(await as(ctx, cuc), { recordId: second, clientTxId, expectedVersion: 3, values: { nksHoTen: 'Phạm Anh Đại' } });
    expect((await listActions(ctx.store.db, second)).map((a) => a.kind)).toEqual(['created', 'keyed', 'completed', 'corrected', 'verified']);
    expect(await reviewQueue(ctx, bookId)).toEqual([]);

    const outcomes = await listReviewOutcomes(ctx, { bookId });
    expect(outcomes.map((o) => [o.recordId, o.fieldKey, o.keyerId, o.reviewerId, o.critical])).toEqual([[second, 'nksHoTen', anh, cuc, true]]);
    const counts = await countKeyedFields(ctx, { bookId, keyerId: anh });
    const critical = counts.find((c) => c.source === 'review' && c.group === 'critical');
    expect(critical).toMatchObject({ keyerId: anh, fields: 18, records: 2 });
  });

  it('finds gaps, duplicates, dates going back, a count mismatch and empty pages, and keeps resolutions', async () => {
    await keyed({ ...CLEAN_KS_RECORD, so: '2', ngayDangKy: '01.10.2008' }, pageIds[1]!, anh, false);
    await keyed({ ...CLEAN_KS_RECORD, so: '5', ngayDangKy: '01.09.2008' }, pageIds[1]!, anh, false);
    await updateBook(ctx, bookId, { declaredEventCount: 3 });
    const checks = await getBookChecks(ctx, bookId);
    expect(checks.items.map((i) => [i.code, i.subject])).toEqual([
      // so_gap_after: book 04/2008 of the same authority and year continues at số 15 (its registration above)
      ['so_duplicate', '2008:2'],
      ['so_gap', '2008:3-4'],
      ['date_order', '2008:5'],
      ['so_gap_after', '2008:6-14'],
      ['count_mismatch', 'book'],
      ['empty_page', pageIds[2]],
      ['empty_page', pageIds[3]],
    ]);
    expect(checks.items[1]!.message).toBe('Thiếu số 3-4 năm 2008 (giữa số 2 và số 5).');
    expect(checks.open).toBe(7);
    await expect(resolveBookCheck(await as(ctx, cuc), { bookId, checkCode: 'empty_page', subject: pageIds[2]!, status: 'explained' })).rejects.toThrow('Cần ghi lý do');
    const after = await resolveBookCheck(await as(ctx, cuc), { bookId, checkCode: 'empty_page', subject: pageIds[2]!, status: 'explained', note: 'Trang để trống trong sổ gốc.' });
    expect(after.open).toBe(6);
    expect(after.items.find((i) => i.subject === pageIds[2])!.resolution).toMatchObject({ status: 'explained', note: 'Trang để trống trong sổ gốc.', by: cuc });
    expect((await rejection(resolveBookCheck(await as(ctx, cuc), { bookId, checkCode: 'so_gap', subject: '2008:7', status: 'resolved' }))).code).toBe('qc.check_not_found');
  });
});
