/**
 * Sampled acceptance on both backends: a KS book of 60 completed
 * registrations keyed by one keyer; an ISO 2859-1 lot (letter E → F, n = 20,
 * 0/1) drawn reproducibly from a recorded seed; a reviewer checks every
 * field; the decision needs every sampled record checked, follows the plan's
 * rule, records who decided, corrects the errors through entry, freezes the
 * checks; reports (PDF, xlsx) and keyer accuracy read it back.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { as, grantUsers } from '../../test/support/users.js';
import { testContext } from '../../test/support/context.js';
import { fakeIncomingPage } from '../../test/support/fixtures.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { rejection } from '../../test/support/errors.js';
import { createBook, storeIngestedFile } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { completeRecord, createRecord, findRecord, saveRecord } from '../entry/index.js';
import { streamPopulation } from './lot.repo.js';
import { createLot, decideSampledLot, getLot, getSampledRecord, listKeyerAccuracy, listSample, lotReportPdf, lotReportXlsx, submitChecks } from './index.js';

const SEED = '271828182845904523536028';

describeBackends('sampled acceptance', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let bookId = '';
  let keyer = '';
  let reviewer = '';
  let planner = '';
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2008' });
    bookId = book.id;
    const [pageId] = (await storeIngestedFile(ctx, bookId, { name: 'q.pdf', sha256: 'a'.repeat(64), kind: 'pdf', original: Buffer.from('q'), pages: [fakeIncomingPage(1, 'qc')] })).pages.map(
      (p) => p.id,
    );
    const users = await ctx.store.db
      .insertInto('users')
      .values([
        { login: 'qc-keyer', role: 'keyer', password_hash: null },
        { login: 'qc-reviewer', role: 'reviewer', password_hash: null },
        { login: 'qc-planner', role: 'planner', password_hash: null },
      ])
      .returning('id')
      .execute();
    [keyer, reviewer, planner] = users.map((u) => u.id) as [string, string, string];
    await grantUsers(ctx, [keyer, reviewer, planner]);
    for (let i = 1; i <= 60; i++) {
      const r = await createRecord(await as(ctx, keyer), { bookId, pageIds: [pageId!], clientTxId: `qc-lot-test-c-${i}` });
      const saved = await saveRecord(await as(ctx, keyer), { recordId: r.id, clientTxId: `qc-lot-test-s-${i}`, expectedVersion: r.version, values: { ...CLEAN_KS_RECORD, so: String(i) } });
      await completeRecord(await as(ctx, keyer), { recordId: r.id, clientTxId: `qc-lot-test-d-${i}`, expectedVersion: saved.version });
    }
  }, 120_000);
  afterAll(() => dispose());

  let lotId = '';
  it('draws a reproducible ISO 2859-1 sample from a recorded seed', async () => {
    const lot = await createLot(await as(ctx, planner), { scope: { kind: 'books', bookIds: [bookId] }, plan: { kind: 'iso2859' }, seed: SEED });
    lotId = lot.id;
    expect(lot).toMatchObject({
      lotSize: 60,
      seed: SEED,
      status: 'sampling',
      plan: { kind: 'iso2859', codeLetter: 'E', planLetter: 'F', sampleSize: 20, ac: 0, re: 1, aql: 0.65, severity: 'normal' },
    });
    expect(lot.progress).toEqual({ sampled: 20, checked: 0 });
    expect(lot.proposed).toBeNull();
    const again = await createLot(await as(ctx, planner), { scope: { kind: 'books', bookIds: [bookId] }, plan: { kind: 'iso2859' }, seed: SEED });
    expect((await listSample(ctx, again.id)).map((s) => s.recordId)).toEqual((await listSample(ctx, lotId)).map((s) => s.recordId));
    expect(again.manifestHash).toBe(lot.manifestHash);
  });

  it('reads the population page by page in one exact order (every page size gives the same list)', async () => {
    const read = async (size: number) => {
      const ids: string[] = [];
      for await (const r of streamPopulation(ctx.store.db, ctx.actor, [bookId], size)) ids.push(r.id);
      return ids;
    };
    const whole = await read(1000);
    expect(whole).toHaveLength(60);
    expect(new Set(whole).size).toBe(60);
    expect(await read(7)).toEqual(whole);
    expect(await read(60)).toEqual(whole);
  });

  it('refuses bad input with Vietnamese errors', async () => {
    await expect(createLot(await as(ctx, planner), { scope: { kind: 'books', bookIds: [] }, plan: { kind: 'iso2859' } })).rejects.toThrow(/ít nhất một quyển/);
    await expect(createLot(await as(ctx, planner), { scope: { kind: 'books', bookIds: [bookId] }, plan: { kind: 'iso2859', aql: 0.7 } })).rejects.toThrow(/AQL phải là/);
    expect((await rejection(createLot(await as(ctx, planner), { scope: { kind: 'unit', unitCode: 'X', yearFrom: 2000, yearTo: 2001 }, plan: { kind: 'confidence' } }))).code).toBe('unit.not_found');
    expect((await rejection(createLot(await as(ctx, planner), { scope: { kind: 'books', bookIds: ['00000000-0000-4000-8000-000000000000'] }, plan: { kind: 'confidence' } }))).code).toBe(
      'qc.lot_book_not_found',
    );
  });

  it('shows every field of a sampled registration and records checks (wrong fields with their correct value)', async () => {
    const sample = await listSample(ctx, lotId);
    const first = await getSampledRecord(ctx, lotId, sample[0]!.recordId);
    expect(first.fields.find((f) => f.key === 'nksHoTen')).toMatchObject({ critical: true, value: 'Phạm Anh Đài', check: null });
    expect(first.fields.find((f) => f.key === 'nksNoiSinh')?.critical).toBe(false);
    expect((await rejection(submitChecks(await as(ctx, reviewer), lotId, { recordId: first.recordId, wrong: { khongCo: 'x' } }))).code).toBe('qc.check_unknown_field');
    expect((await rejection(submitChecks(await as(ctx, reviewer), lotId, { recordId: first.recordId, wrong: { nksHoTen: 'Phạm Anh Đài' } }))).code).toBe('qc.check_same_value');
    const checked = await submitChecks(await as(ctx, reviewer), lotId, { recordId: first.recordId, wrong: { nksHoTen: 'Phạm Anh Đài Trang', nksNoiSinh: 'Bệnh viện Hạnh Phúc' } });
    expect(
      checked.fields
        .filter((f) => f.check?.ok === false)
        .map((f) => f.key)
        .sort(),
    ).toEqual(['nksHoTen', 'nksNoiSinh']);
    expect(checked.fields.every((f) => f.check !== null)).toBe(true);
  });

  it('decides only when every sampled record is checked, by Ac/Re, and records who decided', async () => {
    expect((await rejection(decideSampledLot(await as(ctx, planner), lotId, {}))).code).toBe('qc.lot_not_checked');
    for (const s of (await listSample(ctx, lotId)).slice(1)) await submitChecks(await as(ctx, reviewer), lotId, { recordId: s.recordId });
    const lot = await getLot(ctx, lotId);
    expect(lot.findings.critical).toMatchObject({ errors: 1 });
    expect(lot.findings.nonconformingRecords.errors).toBe(1);
    expect(lot.proposed).toMatchObject({ verdict: 'reject', decidedBy: 'ac_re', isoVerdict: { verdict: 'reject', ac: 0, re: 1, nonconforming: 1 }, confidenceVerdict: { verdict: 'reject' } });
    expect((await rejection(decideSampledLot(await as(ctx, planner), lotId, { verdict: 'accept' }))).code).toBe('qc.lot_verdict_changed');
    const decided = await decideSampledLot(await as(ctx, planner), lotId, { verdict: 'reject', note: 'Trả lô' });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: planner, decidedByName: 'qc-planner', note: 'Trả lô' });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    const corrections = (decided.decision as { corrections: { recordId: string; outcome: string; fields: string[] }[] }).corrections;
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({ outcome: 'corrected', fields: expect.arrayContaining(['nksHoTen', 'nksNoiSinh']) });
    const row = await findRecord(ctx.store.db, ctx.actor, corrections[0]!.recordId);
    expect(row?.values.nksHoTen).toBe('Phạm Anh Đài Trang');
  });

  it('freezes a decided lot', async () => {
    const [s] = await listSample(ctx, lotId);
    expect((await rejection(submitChecks(await as(ctx, reviewer), lotId, { recordId: s!.recordId }))).code).toBe('qc.lot_decided');
    expect((await rejection(decideSampledLot(await as(ctx, planner), lotId, {}))).code).toBe('qc.lot_decided');
    await expect(ctx.store.db.deleteFrom('qc_sample_checks').where('lot_id', '=', lotId).execute()).rejects.toThrow(/nghiệm thu/);
  });

  it('writes the acceptance report as PDF (embedded Vietnamese font) and xlsx', async () => {
    const pdf = Buffer.from(await lotReportPdf(ctx, lotId));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await lotReportXlsx(ctx, lotId)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tóm tắt', 'Lỗi', 'Mẫu']);
    const summary = wb.getWorksheet('Tóm tắt')!.getSheetValues().flat().map(String).join('\n');
    expect(summary).toContain(SEED);
    expect(summary).toContain('KHÔNG ĐẠT');
    expect(wb.getWorksheet('Lỗi')!.rowCount).toBe(3);
    expect(wb.getWorksheet('Mẫu')!.rowCount).toBe(21);
  });

  it('charges the sample errors to the keyer (keyer accuracy), not as a ranking', async () => {
    const all = await listKeyerAccuracy(ctx);
    const mine = all.find((k) => k.keyerId === keyer);
    expect(mine?.bySource.sampling).toMatchObject({ records: 20, critical: { errors: 1 }, other: { errors: 1 } });
    expect(mine?.status.mode).toBe('double');
    expect(await listKeyerAccuracy(ctx, { onlyKeyer: reviewer })).toEqual([]);
    expect(await listKeyerAccuracy(ctx, { onlyKeyer: keyer })).toEqual([mine]);
  });
});
