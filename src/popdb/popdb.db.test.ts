/**
 * The population-DB comparison on both backends: the match-key export within
 * the exporter's scope, the import of a returned file (a bad row refuses the
 * whole file and touches nothing; every class on the fixture), and the rule
 * that a population value never reaches a record without the officer's
 * decision (the book's value confirmed, or the keying corrected with the
 * value the officer read from the book, through the record's action log).
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { listActions } from '../entry/index.js';
import { buildPopdbWorld, fillResult, ID_OF_R5, type PopdbWorld } from '../../test/support/popdb-world.js';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { comparisonProgress, correctionsXlsx, decideConflict, exportMatchKeys, getConflict, importPopdbFile, listConflicts, RESULT_KEYS, type PopdbFile } from './index.js';

const file = (files: PopdbFile[], ext: string) => files.find((f) => f.name.endsWith(ext))!.bytes;

async function recordValues(ctx: TestContext, id: string) {
  return ctx.store.db.selectFrom('records').select(['values', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function counts(ctx: TestContext) {
  const n = async (t: 'popdb_rows' | 'popdb_decisions' | 'record_actions') =>
    Number(
      (
        await ctx.store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { rows: await n('popdb_rows'), decisions: await n('popdb_decisions'), actions: await n('record_actions') };
}

describeBackends('population-DB comparison', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let w: PopdbWorld;
  let exported: Buffer;
  let answer: Record<string, Record<string, string>>;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    w = await buildPopdbWorld(ctx);
    const found = { dcTrangThai: 'Tìm thấy', dcGioiTinh: 'Nam', dcNgaySinh: '01/09/2008', dcMeHoTen: 'Nguyễn Thị Lan', dcChaHoTen: 'Phạm Văn Tú' };
    answer = {
      // Case and tone placement differ only: the same.
      [w.rec.same]: { ...found, dcHoTen: 'PHẠM ANH ĐÀI', dcSoDinhDanh: '001208001111' },
      [w.rec.differs]: { ...found, dcHoTen: 'Nguyễn Văn Bình', dcMeHoTen: 'Trần Thị Hoa' },
      [w.rec.notFound]: { dcTrangThai: 'KHONG_TIM_THAY' },
      // The ID the population side gives belongs to registration 5.
      [w.rec.conflict]: { ...found, dcHoTen: 'Đỗ Văn Nam', dcSoDinhDanh: ID_OF_R5 },
      [w.rec.holder]: { ...found, dcHoTen: 'Hoàng Văn Tâm', dcSoDinhDanh: ID_OF_R5 },
    };
  }, 120_000);
  afterAll(() => dispose());

  describe('export', () => {
    it("writes the match keys of the officer's commune only, completed registrations, with a manifest that checks", async () => {
      const { view, files } = await exportMatchKeys(w.officerCtx, '93101');
      expect(view.records).toBe(5);
      expect(view.withPersonalId).toBe(1);
      const csv = file(files, '.csv').toString('utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toContain('Mã bản ghi (recordId)');
      expect(lines[0]).toContain('Họ, chữ đệm, tên người được khai sinh (hoTen)'.split(' (')[0]!.slice(0, 3));
      expect(lines).toHaveLength(6);
      for (const id of Object.values(w.rec)) expect(csv).toContain(id);
      expect(csv).not.toContain(w.recB);
      expect(csv).not.toContain(w.draftA);
      expect(csv).toContain(',Nam,');
      const manifest = JSON.parse(file(files, 'manifest.json').toString('utf8')) as { counts: { records: number }; files: { name: string; sha256: string }[]; columns: { key: string }[] };
      expect(manifest.counts.records).toBe(5);
      expect(manifest.columns.map((c) => c.key)).toEqual(RESULT_KEYS);
      for (const f of manifest.files)
        expect(
          createHash('sha256')
            .update(files.find((x) => x.name === f.name)!.bytes)
            .digest('hex'),
        ).toBe(f.sha256);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file(files, '.xlsx') as unknown as ArrayBuffer);
      expect(wb.getWorksheet('DoiChieu')!.actualRowCount).toBe(6);
      exported = file(files, '.xlsx');
    });

    it('refuses a unit outside the exporter’s scope as if it did not exist', async () => {
      await expect(exportMatchKeys(w.officerCtx, '93102')).rejects.toMatchObject({ code: 'unit.not_found' });
    });
  });

  describe('import', () => {
    it('refuses a file with one bad row, stores nothing but the failed batch, and reports the row', async () => {
      const before = await counts(ctx);
      const bad = await fillResult(exported, { ...answer, [w.rec.differs]: { ...answer[w.rec.differs]!, dcTrangThai: 'có lẽ' } });
      const { view, errorReport } = await importPopdbFile(w.officerCtx, { fileName: 'ket-qua-loi.xlsx', bytes: bad });
      expect(view.status).toBe('failed');
      expect(view.rows).toEqual([{ row: 3, errors: [expect.stringContaining('Trạng thái "có lẽ" không hợp lệ')] }]);
      expect(await counts(ctx)).toEqual(before);
      const report = new ExcelJS.Workbook();
      await report.xlsx.load(errorReport! as unknown as ArrayBuffer);
      const sheet = report.getWorksheet('DoiChieu')!;
      const last = sheet.getRow(1).cellCount;
      expect(sheet.getRow(1).getCell(last).value).toBe('Lỗi');
      expect(String(sheet.getRow(3).getCell(last).value)).toContain('có lẽ');
      expect(sheet.getRow(2).getCell(last).value).toBeNull();
    });

    it('refuses a row naming a registration outside the importer’s scope', async () => {
      const csv = `recordId,dcTrangThai\r\n${w.recB},TIM_THAY\r\n`;
      const { view } = await importPopdbFile(w.officerCtx, { fileName: 'ngoai-pham-vi.csv', bytes: Buffer.from(csv) });
      expect(view.status).toBe('failed');
      expect(view.rows[0]!.errors[0]).toContain('trong phạm vi của bạn');
    });

    it('classifies every row: same, differs (which fields), not found, ID conflict', async () => {
      const good = await fillResult(exported, answer);
      const { view } = await importPopdbFile(w.officerCtx, { fileName: 'ket-qua.xlsx', bytes: good });
      expect(view.status).toBe('imported');
      expect(view.counts).toEqual({ same: 1, differs: 1, not_found: 1, id_conflict: 2 });
      const open = await listConflicts(w.officerCtx, { batch: view.id });
      const byRecord = new Map(open.map((c) => [c.recordId, c]));
      expect(byRecord.get(w.rec.differs)!.diffs.map((d) => d.key)).toEqual(['hoTen', 'meHoTen']);
      expect(byRecord.get(w.rec.conflict)!.conflict).toMatchObject({ reason: 'other_record', otherRecordId: w.rec.holder });
      // The same ID returned for two registrations: the one that holds it is a conflict too.
      expect(byRecord.get(w.rec.holder)!.conflict).toMatchObject({ reason: 'duplicate_in_file' });
      expect(open).toHaveLength(3);
      await expect(importPopdbFile(w.officerCtx, { fileName: 'lan-hai.xlsx', bytes: good })).rejects.toMatchObject({ code: 'popdb.already_imported' });
    });

    it('never writes a population value into a record by importing', async () => {
      const rec = await recordValues(ctx, w.rec.differs);
      expect(rec.values.nksHoTen).toBe('Nguyễn Văn Bính');
      expect(rec.values.meHoTen).toBe('Trần Thị Hoà');
    });
  });

  describe('decisions', () => {
    it('confirms the book: the record stays as keyed, the decision is audited, the correction list carries it with the page', async () => {
      const [row] = (await listConflicts(w.officerCtx)).filter((c) => c.recordId === w.rec.differs);
      const before = await recordValues(ctx, w.rec.differs);
      const decided = await decideConflict(w.officerCtx, row!.id, { decision: 'book_confirmed', note: 'Đã đối chiếu ảnh trang sổ.' });
      expect(decided.decision).toMatchObject({ decision: 'book_confirmed' });
      expect(await recordValues(ctx, w.rec.differs)).toEqual(before);
      const audit = await ctx.store.db.selectFrom('entity_actions').selectAll().where('entity_type', '=', 'popdb_row').where('entity_id', '=', row!.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_id).toBe(w.officer.id);
      await expect(decideConflict(w.officerCtx, row!.id, { decision: 'book_confirmed' })).rejects.toMatchObject({ code: 'popdb.already_decided' });
      const list = await correctionsXlsx(w.officerCtx, row!.batchId);
      expect(list.lines).toBe(2);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(list.bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Đề nghị điều chỉnh')!;
      expect(ws.getRow(1).getCell(6).value).toBe('Giá trị theo Sổ hộ tịch');
      expect(ws.getRow(2).getCell(6).value).toBe('Nguyễn Văn Bính');
      expect(ws.getRow(2).getCell(7).value).toBe('Nguyễn Văn Bình');
      expect(ws.getRow(2).getCell(12).value).toBe(w.pageA);
      expect(wb.getWorksheet('Chưa có trong CSDL dân cư')!.getRow(2).getCell(2).value).toBe(w.rec.notFound);
    });

    it('corrects a wrong keying only with the value the officer typed, through the action log', async () => {
      const [row] = (await listConflicts(w.officerCtx)).filter((c) => c.recordId === w.rec.conflict);
      const view = await getConflict(w.officerCtx, row!.id);
      await expect(
        decideConflict(w.officerCtx, row!.id, { decision: 'record_corrected', values: { noiSinh: 'x' }, reason: 'Nhập sai', expectedVersion: view.recordVersion, clientTxId: 'tx-popdb-bad-field' }),
      ).rejects.toMatchObject({
        code: 'popdb.unknown_field',
      });
      const decided = await decideConflict(w.officerCtx, row!.id, {
        decision: 'record_corrected',
        values: { hoTen: 'Đỗ Văn Năm' },
        reason: 'Nhập sai tên, đối chiếu ảnh trang sổ',
        expectedVersion: view.recordVersion,
        clientTxId: 'tx-popdb-correct-0001',
      });
      expect(decided.decision).toMatchObject({ decision: 'record_corrected', corrected: { nksHoTen: 'Đỗ Văn Năm' } });
      const rec = await recordValues(ctx, w.rec.conflict);
      expect(rec.values.nksHoTen).toBe('Đỗ Văn Năm');
      // The population side's ID stays out of the record: it was never confirmed.
      expect(rec.values.nksSoDinhDanh).toBeUndefined();
      const last = (await listActions(ctx.store.db, w.rec.conflict)).at(-1)!;
      expect(last.kind).toBe('corrected');
      expect(last.actor_id).toBe(w.officer.id);
      expect(JSON.stringify(last.payload)).toContain(row!.id);
    });

    it('refuses a decision from a role that may only read the comparison', async () => {
      const { createUser, grantScope, userActor, withActor } = await import('../auth/index.js');
      const planner = await createUser(ctx, { login: `popdb-planner-${process.pid}`, role: 'planner', password: 'mật khẩu đối chiếu 2' });
      await grantScope(ctx, planner.id, { kind: 'unit', unitId: w.unitA });
      const asPlanner = withActor(ctx, userActor(planner));
      const [open] = await listConflicts(asPlanner, { state: 'all' });
      expect(open).toBeDefined();
      await expect(decideConflict(asPlanner, open!.id, { decision: 'book_confirmed' })).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });

  describe('progress per unit', () => {
    const figures = (sent: number, returned: number, same: number, differs: number, notFound: number, idConflict: number, decided: number, open: number) => ({
      sent,
      returned,
      same,
      differs,
      notFound,
      idConflict,
      decided,
      open,
    });
    it('counts per commune what was sent, returned, each class and the decisions, for the unit viewed and those below it, within the reader’s scope', async () => {
      // Commune B's one registration is sent too (by the system), and has no result yet.
      await exportMatchKeys(ctx, '93102');
      const district = 'legacy:district:931';
      const all = await comparisonProgress(ctx, { unitId: district });
      expect(all.unit).toMatchObject({ unitId: district, name: 'Huyện Huyện Đối Chiếu', ...figures(6, 5, 1, 1, 1, 2, 2, 1) });
      expect(all.units.map((u) => u.unitId)).toEqual([w.unitA, w.unitB]);
      expect(all.units[0]).toMatchObject(figures(5, 5, 1, 1, 1, 2, 2, 1));
      expect(all.units[1]).toMatchObject(figures(1, 0, 0, 0, 0, 0, 0, 0));
      // The officer of commune A: commune B is neither counted nor listed.
      const mine = await comparisonProgress(w.officerCtx, { unitId: district });
      expect(mine.unit).toMatchObject(figures(5, 5, 1, 1, 1, 2, 2, 1));
      expect(mine.units.map((u) => u.unitId)).toEqual([w.unitA]);
      expect((await comparisonProgress(w.officerCtx, { unitId: w.unitB })).unit).toMatchObject(figures(0, 0, 0, 0, 0, 0, 0, 0));
      // No unit: the top-level units.
      expect((await comparisonProgress(ctx)).units.find((u) => u.unitId === 'legacy:province:93')).toMatchObject(figures(6, 5, 1, 1, 1, 2, 2, 1));
      await expect(comparisonProgress(ctx, { unitId: 'legacy:commune:00000' })).rejects.toMatchObject({ code: 'unit.not_found' });
    });
  });
});
