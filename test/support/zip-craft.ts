/**
 * Hand-made zips and xlsx files for the import's bad-input tests: entries are
 * given already deflated (or as a stream of chunks deflated here) and the
 * sizes written in the headers may lie, so a zip bomb or a million empty rows
 * is built in memory from a few hundred KB, never written out at full size.
 */
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';

export interface CraftEntry {
  name: string;
  /** Deflated bytes (method 8). */
  deflated: Buffer;
  crc: number;
  /** The real uncompressed size. */
  size: number;
  /** What the headers claim (default: the real size). */
  declaredSize?: number;
}

export function entryOf(name: string, text: string | Buffer): CraftEntry {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** Deflates a stream of chunks without holding the uncompressed whole. */
export async function streamedEntry(name: string, chunks: Iterable<string | Buffer>): Promise<CraftEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const c of chunks) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8');
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await finished;
  return { name, deflated: Buffer.concat(out), crc, size };
}

export function craftZip(entries: readonly CraftEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The parts around one sheet (workbook, rels, no styles, no shared strings). */
export function xlsxFrame(sheetName = 'DL Import'): CraftEntry[] {
  return [
    entryOf('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    entryOf('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS} ${RNS}><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    entryOf(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One row of inline-string cells (null = no cell). */
export function inlineRow(rowNo: number, values: readonly (string | null)[]): string {
  const cells = values.map((v, i) => (v === null ? '' : `<c r="${colName(i)}${rowNo}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('');
  return `<row r="${rowNo}">${cells}</row>`;
}

export function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const sheetOpen = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
export const sheetClose = '</sheetData></worksheet>';
