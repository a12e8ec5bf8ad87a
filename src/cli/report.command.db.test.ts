/**
 * `hotich report reminders` and `hotich report progress` in-process against a
 * whole instance of each backend, on a plan whose deadlines sit around today
 * (the CLI uses the real clock): what is late and what is due per
 * responsible organization; without HOTICH_SMTP_URL it says no e-mail is sent
 * and `--send` exits 2 with no job queued; with it, `--send` queues the
 * reminder job; a bad `--days` is refused in Vietnamese; the progress report
 * is written as xlsx with the commune's row.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { BACKENDS } from '../../test/support/backends.js';
import { insertBook, insertPlanUnits, UNITS } from '../../test/support/plan-world.js';
import { runHotich, scratchInstance, type ScratchInstance } from '../../test/support/scratch-instance.js';
import { createOrganization, systemActor, withActor } from '../auth/index.js';
import { loadConfig } from '../core/index.js';
import { addPackage, createCampaign } from '../plans/index.js';
import { openContext } from './open-context.js';

/** The Vietnam local day `offset` days from today, as yyyy-mm-dd. */
const vnDay = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const shown = (day: string) => day.split('-').reverse().join('/');

for (const backend of BACKENDS) {
  const skip = backend === 'postgresql' && inject('postgresProblem') !== '';
  (skip ? describe.skip : describe)(`hotich report [${backend}]`, () => {
    let inst: ScratchInstance;
    let campaignId = '';
    beforeAll(async () => {
      inst = await scratchInstance(backend, 'hotich-report-cli-');
      vi.stubEnv('DATABASE_URL', inst.env.DATABASE_URL);
      const opened = await openContext(loadConfig({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl }));
      const ctx = withActor(opened.ctx, systemActor('test'));
      await insertPlanUnits(ctx);
      await insertBook(ctx, { unit: UNITS.a, year: 2001, day: vnDay(-20), pages: 40, declared: 30 });
      const contractor = (await createOrganization(ctx, { name: 'Công ty Số Hóa Dòng Lệnh', kind: 'contractor' })).id;
      const commune = (await createOrganization(ctx, { name: 'UBND xã Thử A', kind: 'ubnd_xa' })).id;
      campaignId = (await createCampaign(ctx, { name: 'Kế hoạch dòng lệnh', unitId: UNITS.province })).id;
      await addPackage(ctx, campaignId, {
        unitId: UNITS.a,
        registerTypes: ['KS'],
        yearFrom: 2000,
        yearTo: 2010,
        stages: [
          { stage: 'key1', deadline: vnDay(-5), organizationId: commune, person: 'Trần Thị Bình' },
          { stage: 'scan', deadline: vnDay(3), organizationId: contractor, person: 'Nguyễn Văn An <an@sohoa.test>' },
        ],
      });
      await opened.close();
    }, 60_000);
    afterAll(async () => {
      vi.unstubAllEnvs();
      await inst.dispose();
    });

    it('lists what is late and due per organization, says no e-mail is configured, and --send exits 2 without a job', async () => {
      const r = await runHotich(inst, 'report', 'reminders', '--days', '7', '--campaign', campaignId);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Công ty Số Hóa Dòng Lệnh:');
      expect(r.out).toContain(`  - Xã Thử A — Quét/chụp: hạn ${shown(vnDay(3))} (còn 3 ngày), Nguyễn Văn An <an@sohoa.test>`);
      expect(r.out).toContain('UBND xã Thử A:');
      expect(r.out).toMatch(new RegExp(`hạn ${shown(vnDay(-5))} \\(quá hạn 5 ngày\\), Trần Thị Bình`));
      expect(r.out).toMatch(/Chưa cấu hình máy chủ thư/);
      const send = await runHotich(inst, 'report', 'reminders', '--send', '--campaign', campaignId);
      expect(send.code).toBe(2);
      const opened = await openContext(loadConfig({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl }));
      const jobs = await opened.ctx.store.db.selectFrom('jobs').select('kind').where('kind', 'like', 'plans.remind%').execute();
      await opened.close();
      expect(jobs).toEqual([]);
    });

    it('queues the reminder e-mails with --send when an SMTP server is configured; refuses a bad --days', async () => {
      vi.stubEnv('HOTICH_SMTP_URL', 'smtp://127.0.0.1:2525');
      try {
        const r = await runHotich(inst, 'report', 'reminders', '--send', '--campaign', campaignId);
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/Đã xếp hàng gửi e-mail nhắc việc \(công việc #\d+\)/);
      } finally {
        vi.unstubAllEnvs();
      }
      const opened = await openContext(loadConfig({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl }));
      const jobs = await opened.ctx.store.db.selectFrom('jobs').select(['kind', 'status']).where('kind', '=', 'plans.reminders').execute();
      await opened.close();
      expect(jobs).toEqual([{ kind: 'plans.reminders', status: 'queued' }]);
      const bad = await runHotich(inst, 'report', 'reminders', '--days', 'bảy');
      expect(bad.code).toBe(2);
      expect(bad.out).toContain('Số ngày phải là số nguyên từ 0 đến 365.');
    });

    it('writes the progress report as xlsx with the commune and its responsible organization', async () => {
      const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'hotich-progress-')), 'tien-do.xlsx');
      const r = await runHotich(inst, 'report', 'progress', '--period', 'month', '--unit', '93', '--out', out);
      expect(r.out).toContain(`Đã ghi báo cáo tiến độ vào ${out}.`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((c) => String(c ?? '')) : [])));
      expect(cells.some((c) => c.includes('Thử A'))).toBe(true);
      expect(cells.some((c) => c.includes('BÁO CÁO TIẾN ĐỘ') || c.includes('Báo cáo tiến độ'))).toBe(true);
      const wrong = await runHotich(inst, 'report', 'progress', '--out', path.join(path.dirname(out), 'tien-do.docx'));
      expect(wrong.code).toBe(2);
      expect(wrong.out).toContain('Tệp kết quả phải có đuôi .xlsx hoặc .pdf.');
    });
  });
}
