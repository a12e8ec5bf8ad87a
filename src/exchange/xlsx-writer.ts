/**
 * A small streaming xlsx (SpreadsheetML) writer over yazl. Why not exceljs:
 * the MoJ template stores the line breaks of its header cells as raw CR LF
 * inside the XML; exceljs escapes or normalizes them, so its header row could
 * not match the official one byte for byte. Writing the XML ourselves also
 * keeps every cell a Text cell (inline string, style numFmtId 49 "@"), keeps
 * memory flat (rows go straight into a deflate stream: no shared-string table,
 * no workbook model), and is several times faster (bench/export.bench.ts).
 * Inline strings (t="inlineStr") are what Apache POI's streaming writer emits
 * too; Excel, LibreOffice, POI, openpyxl and exceljs read them.
 * Layout: sheet 1 is streamed (header row, then writeRow); further sheets are
 * small and given whole. The output is deterministic for the same input and
 * `created` date.
 */
import { once } from 'node:events';
import { PassThrough, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { appPropsXml, cellXml, contentTypesXml, corePropsXml, escapeXml, rootRelsXml, SHEET_TAIL, sheetHead, STYLE, stylesXml, workbookRelsXml, workbookXml, type CellStyle } from './xlsx-parts.js';
import { columnName } from './import-table.js';

export type Cell = string | undefined | null;

export interface StaticRow {
  cells: readonly Cell[];
  style?: CellStyle;
}

export interface StaticSheet {
  name: string;
  rows: readonly StaticRow[];
  widths?: readonly number[];
}

export interface XlsxWriterOptions {
  /** Name of the streamed sheet (sheet 1). */
  sheet: string;
  /** Row 1 of sheet 1. A line break is written as raw CR LF, as in the MoJ template. */
  header: readonly string[];
  widths?: readonly number[];
  /** Sheets after the streamed one, written whole. */
  extraSheets?: readonly StaticSheet[];
  title: string;
  /** Document and zip entry dates. */
  created: Date;
  /** Deflate level 0–9 (default 1: deflate is the bottleneck of big sheets; level 6 saves only about a quarter of the bytes). */
  compressionLevel?: number;
}

export interface XlsxWriter {
  /** Appends one row (undefined/null/'' cells are left out); resolves when the output can take more. */
  writeRow(cells: readonly Cell[], style?: CellStyle): Promise<void>;
  /** Rows written after the header. */
  readonly rows: number;
  end(): Promise<{ rows: number; bytes: number }>;
  /** Stops writing and destroys the output. */
  abort(error: Error): Promise<void>;
}

/**
 * Sheet XML is handed to the deflate stream in chunks of about this many
 * characters, and at most SHEET_HIGH_WATER bytes wait before writeRow waits.
 * Small on purpose: with 256 K chunks and a 1 MB buffer, deflate and the
 * output piled up tens of MB of short-lived buffers (peak RSS +90 MB at
 * 200,000 rows, bench/export.bench.ts) for no gain in speed.
 */
const FLUSH_CHARS = 32 * 1024;
const SHEET_HIGH_WATER = 64 * 1024;

class Counter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _e: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** The XML of one row: cells with a value, each an inline Text string. */
export function rowXml(r: number, cells: readonly Cell[], style: number, refs: string[], raw = false): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === undefined || v === null || v === '') continue;
    const text = raw ? escapeXml(v.replace(/\r?\n/g, '\n')).replace(/\n/g, '\r\n') : escapeXml(v);
    xml += cellXml(`${refs[i] ?? columnName(i)}${r}`, style, text);
  }
  return `${xml}</row>`;
}

function staticSheetXml(s: StaticSheet): string {
  const columns = Math.max(1, ...s.rows.map((r) => r.cells.length));
  const refs = Array.from({ length: columns }, (_, i) => columnName(i));
  const rows = s.rows.map((r, i) => rowXml(i + 1, r.cells, STYLE[r.style ?? 'text'], refs)).join('');
  return sheetHead({ columns, ...(s.widths ? { widths: s.widths } : {}) }) + rows + SHEET_TAIL;
}

export function createXlsxWriter(out: Writable, o: XlsxWriterOptions): XlsxWriter {
  const zip = new ZipFile();
  const counter = new Counter();
  const done = pipeline(zip.outputStream, counter, out);
  let failure: Error | undefined;
  /** Rejects when the output fails; never resolves. */
  const failed = new Promise<never>((_, reject) => {
    done.catch((e: Error) => {
      failure ??= e;
      reject(e);
    });
  });
  failed.catch(() => undefined);
  const extra = o.extraSheets ?? [];
  const entry = { mtime: o.created, compressionLevel: o.compressionLevel ?? 1 };
  const add = (xml: string, path: string) => zip.addBuffer(Buffer.from(xml, 'utf8'), path, entry);
  add(contentTypesXml(1 + extra.length), '[Content_Types].xml');
  add(rootRelsXml(), '_rels/.rels');
  add(corePropsXml(o.title, o.created), 'docProps/core.xml');
  add(appPropsXml(), 'docProps/app.xml');
  add(workbookXml([o.sheet, ...extra.map((s) => s.name)]), 'xl/workbook.xml');
  add(workbookRelsXml(1 + extra.length), 'xl/_rels/workbook.xml.rels');
  add(stylesXml(), 'xl/styles.xml');
  extra.forEach((s, i) => add(staticSheetXml(s), `xl/worksheets/sheet${i + 2}.xml`));
  const sheet = new PassThrough({ highWaterMark: SHEET_HIGH_WATER });
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml', entry);
  zip.end();

  const refs = o.header.map((_, i) => columnName(i));
  let buffered =
    sheetHead({ columns: o.header.length, freezeHeader: true, ...(o.widths ? { widths: o.widths } : {}) }) +
    rowXml(1, o.header, STYLE.header, refs, true).replace('<row r="1">', '<row r="1" ht="45" customHeight="1">');
  let rows = 0;

  async function flush(): Promise<void> {
    if (failure) throw failure;
    const chunk = buffered;
    buffered = '';
    if (!sheet.write(chunk)) await drained();
  }
  async function drained(): Promise<void> {
    const drain = once(sheet, 'drain');
    drain.catch(() => undefined);
    await Promise.race([drain, failed]);
  }
  return {
    get rows() {
      return rows;
    },
    async writeRow(cells, style = 'text') {
      rows++;
      buffered += rowXml(rows + 1, cells, STYLE[style], refs);
      if (buffered.length >= FLUSH_CHARS) await flush();
    },
    async end() {
      buffered += SHEET_TAIL;
      await flush();
      sheet.end();
      await done;
      return { rows, bytes: counter.bytes };
    },
    async abort(error) {
      failure ??= error;
      sheet.destroy(error);
      counter.destroy(error);
      await done.catch(() => undefined);
    },
  };
}
