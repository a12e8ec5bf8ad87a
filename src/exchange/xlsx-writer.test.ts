/**
 * The streaming xlsx writer read back by an independent reader
 * (test/support/xlsx-raw.ts, not exceljs): the KS header row equals the
 * official template's, raw bytes included (CR LF inside the cell text), every
 * cell is a Text string cell, values keep leading zeros, "Ghi chu" holds the
 * code lists; the output is deterministic. A sheet of thousands of rows
 * (hundreds of flushed chunks) reads back whole in exceljs and in the raw
 * reader; a stalled output stops the producer (backpressure, flat memory).
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { readXlsx, unzipEntries } from '../../test/support/xlsx-raw.js';
import { CODE_LISTS, getTemplate, headerRow } from '../registers/index.js';
import { exportRow, notesSheet } from './export-row.js';
import { columnName } from './import-table.js';
import { createXlsxWriter, type Cell } from './xlsx-writer.js';

const TEMPLATE = ['data', 'moj-templates', 'khai-sinh-template-70col.xlsx'];
const KS = getTemplate('KS');

class Sink extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _e: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

async function workbook(rows: readonly (readonly Cell[])[]): Promise<Buffer> {
  const sink = new Sink();
  const w = createXlsxWriter(sink, { sheet: 'DL Import', header: headerRow(KS), extraSheets: [notesSheet(KS)], title: 't', created: new Date('2026-01-02T03:04:05Z') });
  for (const r of rows) await w.writeRow(r);
  expect((await w.end()).rows).toBe(rows.length);
  return sink.buffer;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const runsText = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1]!)).join('');

/** Row 1 of sheet1.xml as the raw text between the tags: no XML line-end normalization (CR LF stays CR LF). */
function rawHeader(xlsx: Buffer): string[] {
  const files = unzipEntries(xlsx);
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]!));
  const row = /<row\b[^>]*\br="1"[^>]*>([\s\S]*?)<\/row>/.exec(files.get('xl/worksheets/sheet1.xml')!.toString('utf8'))![1]!;
  return [...row.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
    const body = c[2] ?? '';
    return /\bt="s"/.test(c[1]!) ? shared[Number(/<v>(\d+)<\/v>/.exec(body)![1])]! : runsText(body);
  });
}

describe('xlsx writer', () => {
  it.runIf(hasShared(...TEMPLATE))('writes the KS header row exactly as the official template, CR LF included', async () => {
    const official = readFileSync(sharedPath(...TEMPLATE));
    const ours = await workbook([]);
    const want = rawHeader(official);
    expect(want.some((h) => h.includes('\r\n'))).toBe(true);
    expect(Buffer.from(rawHeader(ours).join('\0')).equals(Buffer.from(want.join('\0')))).toBe(true);
    expect(
      readXlsx(ours)
        .rows('DL Import')[0]!
        .map((c) => c.text),
    ).toEqual(
      readXlsx(official)
        .rows('DL Import')[0]!
        .map((c) => c.text),
    );
  });

  it('types every cell as Text and keeps the values as written', async () => {
    const values = { so: '007', nksHoTen: 'NGUYỄN thị lan', nksNgaySinh: '1/9/2008', meSoDinhDanhCaNhan: '001234567890', ghiChu: 'A & B <c> "d"' };
    const buf = await workbook([exportRow(KS, values, 1, 'title'), exportRow(KS, { so: '008' }, 2, 'upper')]);
    const wb = readXlsx(buf);
    expect(wb.sheetNames).toEqual(['DL Import', 'Ghi chu']);
    const rows = wb.rows('DL Import');
    expect(rows).toHaveLength(3);
    const cell = (r: number, key: string) => rows[r]!.find((c) => c.ref === `${columnName(KS.fields.findIndex((f) => f.key === key))}${r + 1}`)?.text;
    expect([cell(1, 'STT'), cell(1, 'so'), cell(1, 'nksHoTen'), cell(1, 'nksNgaySinh'), cell(1, 'meSoDinhDanhCaNhan'), cell(1, 'ghiChu')]).toEqual([
      '1',
      '007',
      'Nguyễn Thị Lan',
      '01.09.2008',
      '001234567890',
      'A & B <c> "d"',
    ]);
    expect(cell(2, 'STT')).toBe('2');
    for (const row of rows)
      for (const c of row) {
        expect(c.type).toBe('inlineStr');
        expect(wb.numFmtOf(c.style)).toBe('49');
      }
  });

  it('lists the code lists in "Ghi chu"', async () => {
    const rows = readXlsx(await workbook([]))
      .rows('Ghi chu')
      .map((r) => r.map((c) => c.text));
    expect(rows).toContainEqual(['loaiDangKy', 'Loại đăng ký']);
    for (const o of CODE_LISTS.loaiDangKyKhaiSinh) expect(rows).toContainEqual([o.code, o.label]);
    for (const o of CODE_LISTS.loaiGiayToTuyThan) expect(rows).toContainEqual([o.code, o.label]);
  });

  it('is deterministic and drops characters XML forbids', async () => {
    const a = await workbook([['1', 'x\u0001y']]);
    expect(a.equals(await workbook([['1', 'x\u0001y']]))).toBe(true);
    expect(
      readXlsx(a)
        .rows('DL Import')[1]!
        .map((c) => c.text),
    ).toEqual(['1', 'xy']);
  });

  it('streams thousands of rows in many chunks that exceljs and the raw reader read back whole', async () => {
    const n = 4_000;
    const row = (i: number) =>
      exportRow(KS, { so: String(i).padStart(4, '0'), nksHoTen: `Nguyễn Văn Thứ ${i}`, nksNgaySinh: `${(i % 28) + 1}/9/2008`, ghiChu: i % 7 === 0 ? 'A & B' : '' }, i, 'title');
    const buf = await workbook(Array.from({ length: n }, (_, i) => row(i + 1)));
    const raw = readXlsx(buf).rows('DL Import');
    expect(raw).toHaveLength(n + 1);
    const so = KS.fields.findIndex((f) => f.key === 'so');
    const name = KS.fields.findIndex((f) => f.key === 'nksHoTen');
    for (const i of [1, 777, 2_345, n]) {
      const cells = raw[i]!;
      expect(cells.find((c) => c.ref === `${columnName(so)}${i + 1}`)?.text).toBe(String(i).padStart(4, '0'));
      expect(cells.find((c) => c.ref === `${columnName(name)}${i + 1}`)?.text).toBe(`Nguyễn Văn Thứ ${i}`);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('DL Import')!;
    expect(ws.rowCount).toBe(n + 1);
    expect(ws.getRow(n + 1).getCell(so + 1).value).toBe(String(n).padStart(4, '0'));
    expect(ws.getRow(778).getCell(name + 1).value).toBe('Nguyễn Văn Thứ 777');
    expect(ws.getRow(778).getCell(so + 1).numFmt).toBe('@');
  });

  it('stops the producer while the output does not take more, and finishes once it does', async () => {
    const held: (() => void)[] = [];
    let stalled = true;
    const sink = new Sink();
    const write = sink._write.bind(sink);
    sink._write = (chunk, e, done) => write(chunk, e, () => (stalled ? held.push(done) : done()));
    const w = createXlsxWriter(sink, { sheet: 'DL Import', header: headerRow(KS), title: 't', created: new Date(0) });
    const row = (i: number) => exportRow(KS, { so: String(i), nksHoTen: `Trần Thị Hoa ${i}`, ghiChu: `${i} `.repeat(40) }, i, 'title');
    const tick = () => new Promise<false>((resolve) => setTimeout(() => resolve(false), 100));
    let accepted = 0;
    let pending: Promise<void> | undefined;
    while (accepted < 50_000) {
      const p = w.writeRow(row(accepted + 1));
      if (!(await Promise.race([p.then(() => true), tick()]))) {
        pending = p;
        break;
      }
      accepted++;
    }
    expect(pending).toBeDefined();
    expect(accepted).toBeLessThan(10_000); // about 1 KB of XML a row: a few MB at most wait, not the sheet
    stalled = false;
    for (const done of held.splice(0)) done();
    await pending;
    for (let i = accepted + 2; i <= accepted + 10; i++) await w.writeRow(row(i));
    expect((await w.end()).rows).toBe(accepted + 10);
    expect(readXlsx(sink.buffer).rows('DL Import')).toHaveLength(accepted + 11);
  });
});
