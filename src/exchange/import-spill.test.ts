/**
 * A big sheet's rows spilled to disk (import-spill.ts) come back exactly as
 * the in-memory reader gives them — every cell, its type, raw digits, date
 * style and formula — in file order, and closing the spill removes its file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';
import { mojWorkbook } from '../../test/support/import-files.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { rowCount, tableRows, type TableRow } from './import-table.js';
import { readXlsxTable } from './import-xlsx.js';

const spillDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('hotich-import-'));

it('reads the same rows from the spill file as from memory, and leaves no file behind', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({ ...CLEAN_KS_RECORD, so: String(i + 1), nksNgaySinh: 39692 + i, ghiChu: i % 3 === 0 ? 'có "ngoặc" và\nxuống dòng' : '' }));
  const bytes = await mojWorkbook(rows);
  const inMemory = await readXlsxTable(bytes);
  const before = new Set(spillDirs());
  const spilled = await readXlsxTable(bytes, { spill: true });
  expect(spilled.table.rows).toEqual([]);
  expect(rowCount(spilled.table)).toBe(30);
  const back: TableRow[] = [];
  for await (const r of tableRows(spilled.table)) back.push(r);
  expect(back).toEqual(inMemory.table.rows);
  const mine = spillDirs().filter((d) => !before.has(d));
  expect(mine).toHaveLength(1);
  spilled.table.spill!.close();
  expect(existsSync(`${tmpdir()}/${mine[0]!}`)).toBe(false);
});
