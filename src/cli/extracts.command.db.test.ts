/**
 * `hotich calendar`, `hotich extracts log` and `hotich extracts issue` in-process against a whole
 * instance of each backend: a day set off is listed and moves a request's due
 * time; a day that is both off and working is refused; the issuance log of
 * an authority is written as xlsx; issuing writes the PDF of an accepted
 * registration as the named officer, follows her
 * scope and says why nothing was issued.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { BACKENDS } from '../../test/support/backends.js';
import { runHotich, scratchInstance, type ScratchInstance } from '../../test/support/scratch-instance.js';
import { loadConfig } from '../core/index.js';
import { calendarExceptions, dueAt, localDay, vnTime, workingDays } from '../extracts/index.js';
import { insertUsers } from '../../test/support/users.js';
import { systemActor, withActor } from '../auth/index.js';
import { rebuildWithin } from '../units/index.js';
import { openContext } from './open-context.js';
import { createHash } from 'node:crypto';
import { acceptBook } from '../../test/support/accepted-book.js';
import { keyCompleted } from '../../test/support/export-book.js';
import { fakeIncomingPage } from '../../test/support/fixtures.js';
import { pdfText } from '../../test/support/pdf-read.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { textJpeg } from '../../test/support/scans.js';
import { createBook, storeIngestedFile } from '../archive/index.js';

for (const backend of BACKENDS) {
  const skip = backend === 'postgresql' && inject('postgresProblem') !== '';
  (skip ? describe.skip : describe)(`hotich calendar, extracts log [${backend}]`, () => {
    let inst: ScratchInstance;
    beforeAll(async () => {
      inst = await scratchInstance(backend, 'hotich-extracts-cli-');
      vi.stubEnv('DATABASE_URL', inst.env.DATABASE_URL);
      const opened = await openContext(loadConfig({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl }));
      await opened.ctx.store.db
        .insertInto('admin_units')
        .values({ id: 'legacy:commune:95101', scheme: 'legacy', level: 'commune', code: '95101', name: 'Xã Lịch', kind: 'Xã', parent_id: null, source: 'test' })
        .execute();
      await opened.close();
    }, 60_000);
    afterAll(async () => {
      vi.unstubAllEnvs();
      await inst.dispose();
    });

    it("sets a day off, lists it with the year's holidays, and the due time follows it", async () => {
      expect((await runHotich(inst, 'calendar', 'set', '2026-12-07', '--off', '--name', 'Nghỉ bù theo thông báo')).out).toContain('Đã đặt ngày 2026-12-07 là ngày nghỉ.');
      const list = await runHotich(inst, 'calendar', 'list', '--year', '2026');
      expect(list.out).toContain('2026-02-17  nghỉ  Tết Âm lịch (mùng 1)');
      expect(list.out).toContain('2026-12-07  nghỉ  (đặt riêng)');
      const opened = await openContext(loadConfig({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl }));
      const exceptions = await calendarExceptions(opened.ctx.store.db);
      await opened.close();
      expect(exceptions).toEqual([{ day: '2026-12-07', kind: 'holiday' }]);
      expect(localDay(dueAt(vnTime('2026-12-04', 16), workingDays(exceptions))).day).toBe('2026-12-08');
      const both = await runHotich(inst, 'calendar', 'set', '2026-12-08', '--off', '--work');
      expect(both.code).toBe(2);
      expect(both.out).toContain('Chọn đúng một trong --off (ngày nghỉ) hoặc --work (ngày làm việc).');
    });

    it('issues as the named officer only: an unknown user or a record she cannot see is refused in Vietnamese, exit code 2', async () => {
      const opened = await openContext(loadConfig({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl }));
      await insertUsers(withActor(opened.ctx, systemActor('test')), [{ login: 'can-bo-cap', role: 'officer' }], [{ kind: 'unit', unitId: 'legacy:commune:95101' }]);
      await rebuildWithin(opened.ctx.store.db);
      await opened.close();
      const args = ['--unit', '95101', '--signer-name', 'Lê Ký', '--signer-title', 'CHỦ TỊCH'];
      const nobody = await runHotich(inst, 'extracts', 'issue', '00000000-0000-4000-8000-000000000001', '--user', 'khong-co', ...args);
      expect(nobody.code).toBe(2);
      expect(nobody.out).toContain('Không có người dùng "khong-co".');
      const unseen = await runHotich(inst, 'extracts', 'issue', '00000000-0000-4000-8000-000000000001', '--user', 'can-bo-cap', ...args);
      expect(unseen.code).toBe(2);
      expect(unseen.out).toContain('Không tìm thấy bản ghi');
    });

    it('issues a copy of an accepted registration as the named officer and writes its PDF', async () => {
      const opened = await openContext(loadConfig({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl }));
      const ctx = withActor(opened.ctx, systemActor('test'));
      const [officer] = await insertUsers(ctx, [{ login: 'can-bo-ky', role: 'officer' }], [{ kind: 'unit', unitId: 'legacy:commune:95101' }]);
      await rebuildWithin(ctx.store.db);
      const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND Xã Lịch', authorityUnitId: 'legacy:commune:95101', yearFrom: 2008, volumeNo: '01/2008' });
      const page = { ...fakeIncomingPage(1, 'cli-copy'), image: await textJpeg(620, 877, 12, 1), width: 620, height: 877 };
      const stored = await storeIngestedFile(ctx, book.id, {
        name: 'scan.pdf',
        sha256: createHash('sha256').update(book.id).digest('hex'),
        kind: 'pdf',
        original: Buffer.from(book.id),
        pages: [page],
      });
      const recordId = await keyCompleted(
        ctx,
        book.id,
        stored.pages.map((p) => p.id),
        patchValues(CLEAN_KS_RECORD, { so: '7', quyenSo: '01/2008', nksHoTen: 'Trần Thị Lịch', noiDangKy: 'UBND xã Lịch' }),
      );
      await acceptBook(ctx, book.id, officer!);
      await opened.close();
      const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'hotich-copy-')), 'ban-sao.pdf');
      const r = await runHotich(inst, 'extracts', 'issue', recordId, '--user', 'can-bo-ky', '--unit', '95101', '--signer-name', 'Lê Ký', '--signer-title', 'CHỦ TỊCH', '--out', out);
      expect(r.code).toBe(0);
      const year = localDay(new Date()).day.slice(0, 4);
      expect(r.out).toMatch(new RegExp(`Đã cấp bản sao số 1/${year}/GKS-BS\\. Trang kiểm tra: \\S+\\. Tệp PDF: `));
      const text = await pdfText(readFileSync(out));
      expect(text).toContain('Họ, chữ đệm, tên: TRẦN THỊ LỊCH');
      expect(text).toContain(`Số: 1/${year}/GKS-BS`);
      expect(text).toContain('Lê Ký');
    });

    it('writes the issuance log of an authority (by its GSO code) as xlsx', async () => {
      const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'hotich-log-')), 'so.xlsx');
      const r = await runHotich(inst, 'extracts', 'log', '--unit', '95101', '--from', '2026-01-01', '--to', '2026-12-31', '--out', out);
      expect(r.out).toContain(`Đã ghi Sổ cấp bản sao vào ${out}.`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getRow(1).values).toContain('Họ, chữ đệm, tên, giấy tờ tùy thân của người yêu cầu');
    });
  });
}
