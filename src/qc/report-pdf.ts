/**
 * The acceptance report as PDF (pdf-lib + @pdf-lib/fontkit, Noto Serif
 * embedded and subset so Vietnamese prints everywhere): A4 pages of
 * label/value rows, every error, the sampled records. Text is NFC.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ReportContent } from './report-content.js';

const FONT = '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf';
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const SIZE = 9;
const LEAD = 12.5;

let fontBytes: Promise<Buffer> | undefined;
const loadFont = () => (fontBytes ??= readFile(createRequire(import.meta.url).resolve(FONT)));

class Writer {
  page: PDFPage;
  y = 0;
  constructor(
    private doc: PDFDocument,
    private font: PDFFont,
  ) {
    this.page = this.newPage();
  }
  private newPage(): PDFPage {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    return this.page;
  }
  private wrap(text: string, width: number, size: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (this.font.widthOfTextAtSize(next, size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    return [...lines, line];
  }
  text(text: string, opts: { x?: number; width?: number; size?: number } = {}): number {
    const size = opts.size ?? SIZE;
    const x = opts.x ?? MARGIN;
    const lines = this.wrap(text.normalize('NFC'), opts.width ?? A4[0] - x - MARGIN, size);
    for (const l of lines) {
      if (this.y < MARGIN + LEAD) this.newPage();
      this.page.drawText(l, { x, y: this.y - size, size, font: this.font, color: rgb(0, 0, 0) });
      this.y -= size + 3.5;
    }
    return lines.length;
  }
  row(label: string, value: string): void {
    const left = this.wrap(label.normalize('NFC'), 150, SIZE);
    const right = this.wrap(value.normalize('NFC'), A4[0] - 2 * MARGIN - 160, SIZE);
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      if (this.y < MARGIN + LEAD) this.newPage();
      const y = this.y - SIZE;
      if (left[i]) this.page.drawText(left[i]!, { x: MARGIN, y, size: SIZE, font: this.font });
      if (right[i]) this.page.drawText(right[i]!, { x: MARGIN + 160, y, size: SIZE, font: this.font });
      this.y -= SIZE + 3.5;
    }
    this.y -= 2;
  }
  gap(h = 8): void {
    this.y -= h;
  }
}

export async function renderReportPdf(c: ReportContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await loadFont(), { subset: true });
  doc.setTitle(c.title);
  doc.setCreator('hotich');
  const w = new Writer(doc, font);
  w.text(c.title, { size: 14 });
  w.gap();
  for (const s of c.sections) {
    w.text(s.title, { size: 11 });
    for (const [label, value] of s.rows) w.row(label, value);
    w.gap();
  }
  w.text(`Các lỗi phát hiện (${c.errors.length})`, { size: 11 });
  if (c.errors.length === 0) w.text('Không có lỗi.');
  c.errors.forEach((e, i) => w.text(`${i + 1}. Bản ghi ${e.recordId} — ${e.field} (${e.group}): đã nhập "${e.keyed}", đúng là "${e.correct}"`));
  w.gap();
  w.text(`Các bản ghi trong mẫu (${c.sample.length}), theo thứ tự rút`, { size: 11 });
  for (const s of c.sample) w.text(`${s.seq}. vị trí ${s.position} — ${s.recordId} — ${s.checked}, ${s.errors} lỗi`);
  return doc.save({ useObjectStreams: false });
}
