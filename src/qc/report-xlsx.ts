/** The acceptance report as xlsx (exceljs): sheets Tóm tắt (summary rows), Lỗi (every error), Mẫu (the sample in draw order). */
import ExcelJS from 'exceljs';
import type { ReportContent } from './report-content.js';

export async function renderReportXlsx(c: ReportContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hotich';
  const summary = wb.addWorksheet('Tóm tắt');
  summary.columns = [{ width: 34 }, { width: 110 }];
  summary.addRow([c.title]).font = { bold: true, size: 13 };
  for (const s of c.sections) {
    summary.addRow([]);
    summary.addRow([s.title]).font = { bold: true };
    for (const r of s.rows) summary.addRow(r);
  }
  const errors = wb.addWorksheet('Lỗi');
  errors.columns = [
    { header: 'STT', width: 6 },
    { header: 'Mã bản ghi', width: 38 },
    { header: 'Trường', width: 36 },
    { header: 'Nhóm', width: 12 },
    { header: 'Giá trị đã nhập', width: 36 },
    { header: 'Giá trị đúng', width: 36 },
  ];
  c.errors.forEach((e, i) => errors.addRow([i + 1, e.recordId, e.field, e.group, e.keyed, e.correct]));
  const sample = wb.addWorksheet('Mẫu');
  sample.columns = [
    { header: 'Thứ tự rút', width: 10 },
    { header: 'Vị trí trong lô', width: 14 },
    { header: 'Mã bản ghi', width: 38 },
    { header: 'Kiểm tra', width: 14 },
    { header: 'Số lỗi', width: 8 },
  ];
  for (const s of c.sample) sample.addRow([s.seq, s.position, s.recordId, s.checked, s.errors]);
  for (const ws of [errors, sample]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
