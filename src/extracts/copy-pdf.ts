/**
 * The certified copy as an A4 PDF (pdf-lib, Noto Serif regular and bold
 * embedded and subset, text extractable and NFC): the frame of every extract
 * (issuing authority left, national heading right, number, place and date),
 * the title and "(BẢN SAO)", the body lines, the source line, the signer's
 * block, and a QR code with the address of hotich's own verification page,
 * labelled as the province system's check — not the national database's.
 * A long copy (guardianship with two guardians) flows onto a second page;
 * the QR code stays at the foot of the first, the signer's block is never
 * split.
 * Deterministic: the same printed copy and URL give the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import qrcode from 'qrcode-generator';
import { addSignaturePlaceholder, signPdf, type SigningConfig } from './copy-signing.js';
import { placeAndDate, type PrintedCopy } from './printed-copy.js';

const A4: [number, number] = [595.28, 841.89];
const M = 56;
const FONTS = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
} as const;
const cache = new Map<string, Promise<Buffer>>();
const load = (f: string) => cache.get(f) ?? cache.set(f, readFile(createRequire(import.meta.url).resolve(f))).get(f)!;

export const VERIFY_NOTE = 'Mã QR dẫn tới trang kiểm tra của hệ thống số hóa sổ hộ tịch của tỉnh, không phải Cơ sở dữ liệu hộ tịch điện tử toàn quốc.';

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** The lowest line of the first page: the QR code and its note sit below it. */
const FIRST_PAGE_FLOOR = 200;

/** Words into lines no wider than `width` at `size`. */
function lineBreak(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    const next = line ? `${line} ${w}` : w;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  lines.push(line);
  return lines;
}

class Sheet {
  y = A4[1] - M;
  page: PDFPage;
  readonly first: PDFPage;
  constructor(
    readonly doc: PDFDocument,
    readonly f: Fonts,
  ) {
    this.page = this.first = doc.addPage(A4);
  }
  /** Room for `height` points on this page, else a new page (a long copy goes on; the QR stays on the first). */
  room(height: number): void {
    const floor = this.page === this.first ? FIRST_PAGE_FLOOR : M;
    if (this.y - height >= floor) return;
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - M;
  }
  center(text: string, x0: number, x1: number, size: number, bold = false): void {
    const font = bold ? this.f.bold : this.f.regular;
    const w = font.widthOfTextAtSize(text, size);
    this.page.drawText(text, { x: x0 + (x1 - x0 - w) / 2, y: this.y, size, font });
  }
  /** Centred, broken into lines when wider than the column (a long title). */
  centerLines(text: string, x0: number, x1: number, size: number, bold = false): void {
    const lines = lineBreak(text, bold ? this.f.bold : this.f.regular, size, x1 - x0);
    lines.forEach((l, i) => {
      if (i > 0) this.y -= size + 5;
      this.center(l, x0, x1, size, bold);
    });
  }
  /** Draws text wrapped to the width, the label part in bold. */
  wrapped(label: string, value: string, size = 11): void {
    for (const l of lineBreak(`${label}${value}`, this.f.regular, size, A4[0] - 2 * M)) {
      this.room(size);
      this.page.drawText(l, { x: M, y: this.y, size, font: this.f.regular });
      this.y -= size + 6;
    }
  }
}

function frame(s: Sheet, c: PrintedCopy): void {
  const mid = A4[0] / 2 - 20;
  s.center(c.issuer.province.toLocaleUpperCase('vi'), M - 20, mid, 10);
  s.center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', mid, A4[0] - M + 20, 10, true);
  s.y -= 14;
  s.center(c.issuer.authority.toLocaleUpperCase('vi'), M - 20, mid, 10, true);
  s.center('Độc lập - Tự do - Hạnh phúc', mid, A4[0] - M + 20, 10, true);
  s.y -= 22;
  s.page.drawText(`Số: ${c.number}`, { x: M, y: s.y, size: 10, font: s.f.regular });
  const pd = placeAndDate(c.place, c.issuedOn);
  s.page.drawText(pd, { x: A4[0] - M - s.f.regular.widthOfTextAtSize(pd, 10), y: s.y, size: 10, font: s.f.regular });
  s.y -= 40;
  s.centerLines(c.title, M, A4[0] - M, 15, true);
  s.y -= 18;
  s.center('(BẢN SAO)', M, A4[0] - M, 12, true);
  s.y -= 30;
}

function body(s: Sheet, c: PrintedCopy): void {
  const r = c.registration;
  s.wrapped('Số đăng ký: ', `${r.so}${r.quyenSo ? ` — Quyển số: ${r.quyenSo}` : ''}${r.ngayDangKy ? ` — Ngày đăng ký: ${r.ngayDangKy}` : ''}`);
  for (const line of c.lines) s.wrapped('', line.map((p) => `${p.label}: ${p.value}`).join('    '));
  s.y -= 8;
  s.wrapped('', c.source);
}

function signature(s: Sheet, c: PrintedCopy): void {
  s.y -= 16;
  s.room(110 + 15 * c.signer.title.split('\n').length);
  const x0 = A4[0] / 2;
  for (const t of c.signer.title.split('\n')) {
    s.center(t.toLocaleUpperCase('vi'), x0, A4[0] - M, 11, true);
    s.y -= 15;
  }
  s.center('(Đã ký, ghi rõ họ, tên, chức vụ và đóng dấu)', x0, A4[0] - M, 9);
  s.y -= 60;
  s.center(c.signer.name, x0, A4[0] - M, 11, true);
}

function qr(page: PDFPage, f: Fonts, url: string): void {
  const code = qrcode(0, 'M');
  code.addData(url, 'Byte');
  code.make();
  const n = code.getModuleCount();
  const cell = 2.4;
  const [x0, y0] = [M, M + 28];
  page.drawRectangle({ x: x0 - 4 * cell, y: y0 - 4 * cell, width: (n + 8) * cell, height: (n + 8) * cell, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (code.isDark(r, c)) page.drawRectangle({ x: x0 + c * cell, y: y0 + (n - 1 - r) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
  page.drawText(VERIFY_NOTE, { x: M, y: M + 10, size: 7, font: f.regular, maxWidth: A4[0] - 2 * M });
  page.drawText(url, { x: M, y: M, size: 7, font: f.regular });
}

/** A PAdES signature to add: the certificate and the signing time. */
export interface CopySigning {
  config: SigningConfig;
  at: Date;
}

export async function renderCopyPdf(c: PrintedCopy, verifyUrl: string, signing?: CopySigning): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const f = { regular: await doc.embedFont(await load(FONTS.regular), { subset: true }), bold: await doc.embedFont(await load(FONTS.bold), { subset: true }) };
  doc.setTitle(`${c.title} (BẢN SAO) số ${c.number}`.normalize('NFC'));
  doc.setProducer('hotich');
  doc.setCreator('hotich');
  doc.setLanguage('vi-VN');
  const s = new Sheet(doc, f);
  frame(s, c);
  body(s, c);
  signature(s, c);
  qr(s.first, f, verifyUrl);
  if (!signing) return Buffer.from(await doc.save({ useObjectStreams: false }));
  addSignaturePlaceholder(doc, { name: c.signer.name, location: c.place, reason: `${c.title} (BẢN SAO) số ${c.number}`.normalize('NFC'), at: signing.at });
  return signPdf(Buffer.from(await doc.save({ useObjectStreams: false })), signing.config, signing.at);
}
