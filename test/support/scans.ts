/**
 * Test inputs for ingest, generated on the fly (no binary fixtures in the
 * repository): register-like pages drawn with SVG through sharp, PDFs from
 * pdf-lib, and hand-written bytes for what no library will produce (a PDF
 * with no pages, an encrypted PDF, a PNG header claiming 30000×30000, a
 * decompression bomb, a HEVC-coded HEIC).
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

export const A4_150 = { width: 1240, height: 1754 } as const;

/** A page with `lines` lines of register-like text (0 = blank), optionally a mark. */
export function textPageSvg(o: { width: number; height: number; lines: number; seed?: number; marker?: 'top' }): Buffer {
  const size = Math.max(10, Math.round(o.width / 44));
  const text = Array.from({ length: o.lines }, (_, i) => {
    const y = Math.round(o.height * 0.1) + i * size * 1.8;
    const words = `${(o.seed ?? 0) + i}. Nguyễn Văn An sinh ngày 12.03.1987 tại xã Yên Lạc`;
    return `<text x="${size * 2}" y="${y}" font-family="DejaVu Sans" font-size="${size}">${words}</text>`;
  }).join('');
  const mark = o.marker === 'top' ? `<rect x="0" y="0" width="${o.width}" height="${Math.round(o.height / 8)}" fill="#ff0000"/>` : '';
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}">` + `<rect width="100%" height="100%" fill="#ffffff"/>${mark}${text}</svg>`);
}

export const textJpeg = (width: number, height: number, lines = 20, seed = 0): Promise<Buffer> => sharp(textPageSvg({ width, height, lines, seed })).jpeg({ quality: 90 }).toBuffer();

/** A phone-photo-like page: text over grainy paper (noise keeps the JPEG at a realistic size). */
export const grainyJpeg = (width: number, height: number, lines = 60): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 215, sigma: 18 } } })
    .composite([{ input: textPageSvg({ width, height, lines }), blend: 'multiply' }])
    .jpeg({ quality: 92 })
    .toBuffer();

export const textPng = (width: number, height: number, lines = 20): Promise<Buffer> => sharp(textPageSvg({ width, height, lines })).png().toBuffer();

/** A phone photo stored sideways with EXIF orientation 6; upright it is portrait with a red band on top. */
export async function sidewaysPhoto(): Promise<Buffer> {
  const upright = await sharp(textPageSvg({ width: 600, height: 800, lines: 10, marker: 'top' }))
    .png()
    .toBuffer();
  return sharp(upright).rotate(270).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
}

export async function threePageTiff(): Promise<Buffer> {
  const pages = await Promise.all(
    [0, 1, 2].map((i) =>
      sharp(textPageSvg({ ...A4_150, lines: 5 + i * 10, seed: i * 100 }))
        .png()
        .toBuffer(),
    ),
  );
  return sharp(pages, { join: { animated: true } })
    .tiff({ compression: 'lzw' })
    .toBuffer();
}

/** A4 PDF pages; `pages[i]` is the label drawn on page i, and the same label gives the same page. */
export async function textPdf(labels: string[], size: [number, number] = [595.28, 841.89]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const label of labels) {
    const page = doc.addPage(size);
    const shift = (label.length * 37) % 300;
    page.drawText(label, { x: 60, y: size[1] - 100, size: 36, font });
    page.drawRectangle({ x: 60 + shift, y: 200 + shift, width: 180, height: 120, color: rgb(0, 0, 0) });
    for (let i = 0; i < 12; i++) page.drawText(`${label} dong ${i}`, { x: 60, y: 600 - i * 28, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

/** A classic PDF built from object bodies, with a correct xref table. */
export function handWrittenPdf(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const pdfWithoutPages = (): Buffer => handWrittenPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);

/** Standard security handler (RC4, R2) whose /U matches no password, not even the empty one. */
export const encryptedPdf = (): Buffer =>
  handWrittenPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${'4f'.repeat(32)}> /U <${'55'.repeat(32)}> /P -44 >>`,
    ],
    '/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ',
  );

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A 1-bit greyscale PNG of width×height; `rows` = how many rows of zeros to really compress (all = a bomb). */
export function bilevelPng(width: number, height: number, rows = height): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const scanlines = Buffer.alloc(rows * (1 + Math.ceil(width / 8)));
  const idat = deflateSync(scanlines, { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** An ISO-BMFF box; with `version` it is a full box (version byte, zero flags). */
function box(type: string, body: Buffer[], version?: number): Buffer {
  const payload = Buffer.concat([...(version === undefined ? [] : [Buffer.from([version, 0, 0, 0])]), ...body]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, payload]);
}

const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n: number): Buffer => Buffer.from([n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

/** A structurally valid HEIC whose single image is HEVC ('hvc1'), 64×64; its coded data is junk. */
export function hevcHeic(): Buffer {
  const ftyp = box('ftyp', [Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1')]);
  const hvcC = box('hvcC', [Buffer.from([1, 1, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90, 0xf0, 0, 0xfc, 0xfd, 0xf8, 0xf8, 0, 0, 0x0f, 0])]);
  const ispe = box('ispe', [u32(64), u32(64)], 0);
  const ipma = box('ipma', [u32(1), u16(1), Buffer.from([2, 0x81, 0x02])], 0);
  const infe = box('infe', [u16(1), u16(0), Buffer.from('hvc1\0', 'latin1')], 2);
  const coded = Buffer.from([0, 0, 0, 8, 0x26, 0x01, 0xaf, 0x00, 0x11, 0x22, 0x33, 0x44]);
  const meta = (offset: number) =>
    box(
      'meta',
      [
        box('hdlr', [u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(12), Buffer.from([0])], 0),
        box('pitm', [u16(1)], 0),
        box('iloc', [Buffer.from([0x44, 0x00]), u16(1), u16(1), u16(0), u16(1), u32(offset), u32(coded.length)], 0),
        box('iinf', [u16(1), infe], 0),
        box('iprp', [box('ipco', [hvcC, ispe]), ipma]),
      ],
      0,
    );
  const offset = ftyp.length + meta(0).length + 8;
  return Buffer.concat([ftyp, meta(offset), box('mdat', [coded])]);
}
