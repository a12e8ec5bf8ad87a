/**
 * A tiny, independent xlsx reader for tests: parses the zip central directory
 * with node:zlib and the sheet XML with regular expressions. It shares no code
 * with the libraries that write our files, so it can check them.
 * Cells come back as their text (shared strings joined across rich-text runs)
 * with the cell's style index, so tests can check the Text (@) number format.
 */
import { inflateRawSync } from 'node:zlib';

export function unzipEntries(buf: Buffer): Map<string, Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    out.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const decode = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()]!;
  });

function textOf(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => decode(m[1] ?? '')).join('');
}

export interface RawCell {
  ref: string;
  text: string;
  style: number;
  type: string;
}

export interface RawWorkbook {
  sheetNames: string[];
  rows(sheet: string): RawCell[][];
  /** numFmt id (or format code) of a style index. */
  numFmtOf(style: number): string;
}

export function readXlsx(buf: Buffer): RawWorkbook {
  const files = unzipEntries(buf);
  // XML 1.0 §2.11: a literal CR LF (or lone CR) in the document reads as LF. The MoJ
  // template stores its header line breaks as raw CR LF; Excel and openpyxl show LF.
  const str = (name: string) => (files.get(name)?.toString('utf8') ?? '').replace(/\r\n?/g, '\n');
  const shared = [...str('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!));
  const sheets = [...str('xl/workbook.xml').matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].map((m) => ({ name: decode(m[1]!), rid: m[2]! }));
  const rels = new Map([...str('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*Id="([^"]*)"[^>]*Target="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const xfs = [...(str('xl/styles.xml').match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf\b([^>]*)/g)].map((m) => m[1]!.match(/numFmtId="(\d+)"/)?.[1] ?? '0');
  return {
    sheetNames: sheets.map((s) => s.name),
    numFmtOf: (style) => xfs[style] ?? '0',
    rows(sheet) {
      const s = sheets.find((x) => x.name === sheet);
      if (!s) throw new Error(`no sheet ${sheet}`);
      const target = rels.get(s.rid)!.replace(/^\/?(xl\/)?/, 'xl/');
      return [...str(target).matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
        [...row[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
          const attrs = c[1]!;
          const type = attrs.match(/\bt="(\w+)"/)?.[1] ?? 'n';
          const body = c[2] ?? '';
          const v = body.match(/<v>([\s\S]*?)<\/v>/)?.[1];
          const text = type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? textOf(body) : decode(v ?? '');
          return { ref: attrs.match(/\br="([A-Z]+\d+)"/)?.[1] ?? '', text, style: Number(attrs.match(/\bs="(\d+)"/)?.[1] ?? 0), type };
        }),
      );
    },
  };
}
