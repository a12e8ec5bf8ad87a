/**
 * The progress report rendered: xlsx (exceljs, one sheet) and PDF (pdf-lib +
 * the embedded Noto Serif the QC report uses, landscape A4, NFC text): the
 * national heading (issuer left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc
 * lập - Tự do - Hạnh phúc" right), place and date, title, period, the table,
 * and a signature block.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import ExcelJS from 'exceljs';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { REPORT_HEADERS, reportCells, type ReportContent } from './report-content.js';

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const dateLine = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
};

export async function reportXlsx(c: ReportContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hotich';
  const ws = wb.addWorksheet('Tiến độ');
  ws.addRow([c.issuer.toUpperCase(), '', '', '', '', '', '', '', NATION]).font = { bold: true };
  ws.addRow(['SỞ TƯ PHÁP', '', '', '', '', '', '', '', MOTTO]).font = { bold: true };
  ws.addRow(['', '', '', '', '', '', '', '', dateLine(c.today)]);
  ws.addRow([c.title]).font = { bold: true, size: 13 };
  ws.addRow([c.periodLabel]);
  ws.addRow([]);
  ws.addRow([...REPORT_HEADERS]).font = { bold: true };
  for (const r of c.rows) {
    const row = ws.addRow(reportCells(r));
    if (r.level !== 'commune') row.font = { bold: true };
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 36 : i >= 12 ? 30 : 13;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT = '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf';
const FONT_BOLD = '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf';
const PAGE: [number, number] = [841.89, 595.28];
const M = 36;
const WIDTHS = [120, 42, 42, 42, 42, 48, 48, 52, 52, 36, 44, 50, 90, 34, 0];

async function fontFile(name: string): Promise<Buffer> {
  return readFile(createRequire(import.meta.url).resolve(name));
}

function center(page: PDFPage, text: string, font: PDFFont, size: number, cx: number, y: number): void {
  const t = text.normalize('NFC');
  page.drawText(t, { x: cx - font.widthOfTextAtSize(t, size) / 2, y, size, font, color: rgb(0, 0, 0) });
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  let t = text.normalize('NFC');
  while (t.length > 1 && font.widthOfTextAtSize(t, size) > width - 3) t = `${t.slice(0, -2)}…`;
  return t;
}

export async function reportPdf(c: ReportContent): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await fontFile(FONT), { subset: true });
  const bold = await doc.embedFont(await fontFile(FONT_BOLD).catch(() => fontFile(FONT)), { subset: true });
  doc.setTitle(c.title);
  let page = doc.addPage(PAGE);
  let y = PAGE[1] - M;
  center(page, c.issuer.toUpperCase(), font, 10, M + 120, y - 10);
  center(page, 'SỞ TƯ PHÁP', bold, 10, M + 120, y - 24);
  center(page, NATION, bold, 10, PAGE[0] - M - 170, y - 10);
  center(page, MOTTO, bold, 10, PAGE[0] - M - 170, y - 24);
  center(page, `${c.issuer.replace(/^(Tỉnh|Thành phố)\s+/i, '')}, ${dateLine(c.today)}`, font, 9, PAGE[0] - M - 170, y - 42);
  center(page, c.title, bold, 13, PAGE[0] / 2, y - 70);
  center(page, c.periodLabel, font, 9, PAGE[0] / 2, y - 86);
  y -= 110;
  const widths = WIDTHS.map((w, i) => (i === WIDTHS.length - 1 ? PAGE[0] - 2 * M - WIDTHS.reduce((a, b) => a + b, 0) : w));
  const drawRow = (cells: (string | number)[], f: PDFFont, size: number) => {
    let x = M;
    cells.forEach((cell, i) => {
      const text = typeof cell === 'number' ? cell.toLocaleString('vi-VN') : cell;
      page.drawText(fit(text, f, size, widths[i]!), { x: x + 1.5, y, size, font: f, color: rgb(0, 0, 0) });
      x += widths[i]!;
    });
    page.drawLine({ start: { x: M, y: y - 3 }, end: { x: PAGE[0] - M, y: y - 3 }, thickness: 0.3, color: rgb(0.6, 0.6, 0.6) });
    y -= 14;
  };
  const header = () => drawRow([...REPORT_HEADERS], bold, 6);
  header();
  for (const r of c.rows) {
    if (y < M + 90) {
      page = doc.addPage(PAGE);
      y = PAGE[1] - M;
      header();
    }
    drawRow(reportCells(r), r.level === 'commune' ? font : bold, 7);
  }
  if (y < M + 90) {
    page = doc.addPage(PAGE);
    y = PAGE[1] - M;
  }
  const sx = PAGE[0] - M - 150;
  center(page, 'GIÁM ĐỐC', bold, 10, sx, y - 20);
  center(page, '(Ký, ghi rõ họ tên và đóng dấu)', font, 8, sx, y - 33);
  page.drawText('Nơi nhận:'.normalize('NFC'), { x: M, y: y - 20, size: 8, font: bold });
  for (const [i, l] of ['- UBND tỉnh (để báo cáo);', '- Bộ Tư pháp (để báo cáo);', '- Lưu: VT.'].entries()) page.drawText(l.normalize('NFC'), { x: M, y: y - 32 - i * 11, size: 8, font });
  return Buffer.from(await doc.save());
}
