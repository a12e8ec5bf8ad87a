/**
 * `hotich popdb export` and `hotich popdb import` through their command
 * functions on both backends, acting as an officer (--user): the files of
 * her commune written into --out; another commune refused; a returned CSV
 * with a bad row refused with its error report written next to it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { buildPopdbWorld, type PopdbWorld } from '../../test/support/popdb-world.js';
import { runPopdbExport, runPopdbImport } from './popdb.command.js';

describeBackends('hotich popdb', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let w: PopdbWorld;
  const out = mkdtempSync(path.join(tmpdir(), 'hotich-cli-popdb-'));
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    w = await buildPopdbWorld(ctx);
  }, 120_000);
  afterAll(() => {
    dispose();
    rmSync(out, { recursive: true, force: true });
  });

  it('exports the commune of the user into --out: CSV, xlsx, manifest', async () => {
    const dir = path.join(out, 'a');
    const { view, paths } = await runPopdbExport(ctx, { unit: '93101', out: dir, user: w.officer.login });
    expect(view.records).toBe(5);
    expect(readdirSync(dir).sort()).toEqual(paths.map((p) => path.basename(p)).sort());
    expect(paths.map((p) => path.extname(p)).sort()).toEqual(['.csv', '.json', '.xlsx']);
    await expect(runPopdbExport(ctx, { unit: '93102', out: path.join(out, 'b'), user: w.officer.login })).rejects.toMatchObject({ code: 'unit.not_found' });
  });

  it('refuses a returned file with a bad row and writes its error report beside it', async () => {
    const file = path.join(out, 'ket-qua.csv');
    writeFileSync(file, `recordId,dcTrangThai,dcSoDinhDanh\r\n${w.rec.same},TIM_THAY,12345\r\n`);
    const { view, reportPath } = await runPopdbImport(ctx, file, { user: w.officer.login });
    expect(view.status).toBe('failed');
    expect(view.rows[0]!.errors[0]).toContain('không đủ 12 chữ số');
    expect(reportPath).toBe(path.join(out, 'ket-qua.loi.xlsx'));
    expect(existsSync(reportPath!)).toBe(true);
    expect(readFileSync(reportPath!).subarray(0, 2).toString()).toBe('PK');
  });
});
