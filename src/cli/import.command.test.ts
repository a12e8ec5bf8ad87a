/**
 * `hotich import` in-process on an embedded database in a temporary folder:
 * a file with a row error imports nothing, exits 2 and leaves the error
 * report next to the file; the corrected file imports (books created from
 * the file), printing its progress on stderr; the same file again is refused
 * with where it went. The folder starts as a copy of the migrated database
 * with the built-in units (test/support/pglite-template.ts, built once and
 * cached), as `hotich migrate` and the first import would leave it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { mojWorkbook } from '../../test/support/import-files.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { pgliteTemplateBlob } from '../../test/support/pglite-template.js';
import { readXlsx } from '../../test/support/xlsx-raw.js';
import { openStore } from '../store/index.js';
import { run } from './main.js';

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-import-cli-'));
  vi.stubEnv('DATABASE_URL', '');
  const store = await openStore({ pgliteDir: path.join(dir, 'data', 'pglite'), pgliteSnapshot: await pgliteTemplateBlob({ units: true }) });
  await store.close();
}, 300_000); // the first run after a source change builds the template
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function hotich(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const lines: string[] = [];
  const errs: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => errs.push(String(chunk)) > 0);
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  process.exitCode = undefined;
  await run([...args, '--data', path.join(dir, 'data')]);
  vi.restoreAllMocks();
  return { code: Number(process.exitCode ?? 0), out: lines.join('\n'), err: errs.join('') };
}

it('imports all or nothing, writes the error report, refuses the same file twice', async () => {
  const file = path.join(dir, 'ks-2008.xlsx');
  writeFileSync(file, await mojWorkbook([CLEAN_KS_RECORD, { ...CLEAN_KS_RECORD, so: '16', nksNgaySinh: '31.02.2008' }]));
  const failed = await hotich('import', file);
  expect(failed.code).toBe(2);
  expect(failed.out).toMatch(/Chưa nhập tệp "ks-2008.xlsx": 1\/2 dòng có lỗi/);
  expect(failed.out).toMatch(/dòng 3: \[nksNgaySinh\]/);
  const report = path.join(dir, 'ks-2008.loi.xlsx');
  expect(existsSync(report)).toBe(true);
  expect(readXlsx(readFileSync(report)).rows('DL Import')[2]!.at(-1)!.text).toMatch(/^Lỗi \[nksNgaySinh\]/);

  writeFileSync(file, await mojWorkbook([CLEAN_KS_RECORD, { ...CLEAN_KS_RECORD, so: '16', nksNgaySinh: '28.02.2008' }]));
  const done = await hotich('import', file);
  expect(done.out).toMatch(/^Đã nhập 2 bản ghi từ tệp "ks-2008.xlsx" \(mẫu KS-70\) vào 1 quyển sổ/);
  expect(done.code).toBe(0);
  expect(done.err).toContain('Nhập: đang kiểm tra — đã đọc 2, đã kiểm tra 2, đã ghi 0 / 2 dòng');
  expect(done.err).toContain('Nhập: xong — đã đọc 2, đã kiểm tra 2, đã ghi 2 / 2 dòng');

  const again = await hotich('import', file);
  expect(again.code).toBe(2);
  expect(again.out).toMatch(/^Lỗi: Tệp này đã được nhập vào quyển Sổ đăng ký khai sinh 02\/2018/);
}, 120_000);
