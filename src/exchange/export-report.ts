/**
 * The export report a reviewer signs off: an xlsx whose first sheet lists
 * every WARNING of the exported registrations (row, số, record, field, code,
 * message, whether the keyer had accepted it) and every value exported in
 * another form than keyed (code 'export.canonical', with the keyed and the
 * exported value), streamed like the data file, and ends with a sign-off
 * block; a second sheet sums the export up.
 */
import type { Writable } from 'node:stream';
import type { BookView } from '../archive/index.js';
import type { Finding, RegisterTemplate, Replacement } from '../registers/index.js';
import type { GateSummary } from './export-gate.js';
import { createXlsxWriter, type XlsxWriter } from './xlsx-writer.js';

export const REPORT_SHEET = 'Cảnh báo';
export const REPORT_HEADER = ['STT bản ghi', 'Số', 'Mã bản ghi', 'Trường', 'Tên trường', 'Mã cảnh báo', 'Nội dung', 'Đã xác nhận khi nhập', 'Giá trị đã nhập', 'Giá trị xuất'] as const;

export const CANONICAL_CODE = 'export.canonical';

export interface ReportWriter {
  add(stt: number, so: string | undefined, recordId: string, warning: Finding, acknowledged: boolean): Promise<void>;
  /** A value written in its canonical form instead of the keyed one. */
  replaced(stt: number, so: string | undefined, recordId: string, r: Replacement): Promise<void>;
  end(): Promise<void>;
  abort(e: Error): Promise<void>;
}

const SIGN_OFF = ['KÝ DUYỆT CỦA NGƯỜI KIỂM TRA', 'Họ và tên:', 'Chức vụ:', 'Ngày kiểm tra:', 'Ý kiến (chấp nhận các cảnh báo trên / yêu cầu sửa):', 'Chữ ký:'];

/**
 * `duplicatesLeftOut`: registrations of the book a reviewer decided are
 * duplicates of another (src/linkage); they are not exported, and the
 * summary counts the registrations the data file really holds.
 */
export function createReportWriter(out: Writable, book: BookView, template: RegisterTemplate, gate: GateSummary, created: Date, duplicatesLeftOut: number): ReportWriter {
  const summary = [
    ['Quyển sổ', book.title],
    ['Cơ quan đăng ký', book.authority],
    ['Năm', String(book.yearFrom)],
    ['Mẫu dữ liệu', template.id],
    ['Số bản ghi đăng ký xuất', String(gate.registrations - duplicatesLeftOut)],
    ['Bản ghi trùng đã quyết định, không xuất', String(duplicatesLeftOut)],
    ['Bản ghi không có ảnh trang (không có PDF)', String(gate.withoutPages)],
    ['Số cảnh báo', String(gate.warnings)],
    ['Số giá trị xuất theo dạng chuẩn (khác cách ghi khi nhập)', String(gate.replacements)],
    ['Thời điểm xuất', created.toISOString()],
    ...Object.entries(gate.warningsByCode).map(([code, n]) => [`Cảnh báo ${code}`, String(n)]),
  ];
  const w: XlsxWriter = createXlsxWriter(out, {
    sheet: REPORT_SHEET,
    header: REPORT_HEADER,
    widths: [6, 10, 38, 24, 30, 28, 80, 12, 30, 30],
    title: `Báo cáo kiểm tra — ${book.title}`,
    created,
    extraSheets: [{ name: 'Thông tin', rows: summary.map((cells) => ({ cells })), widths: [30, 60] }],
  });
  const label = (key: string) => template.fields.find((f) => f.key === key)?.label ?? '';
  let n = 0;
  return {
    async add(stt, so, recordId, f, acknowledged) {
      n++;
      await w.writeRow([String(stt), so, recordId, f.path, label(f.path), f.code, f.message, acknowledged ? 'Có' : 'Chưa']);
    },
    async replaced(stt, so, recordId, r) {
      n++;
      const message = `Xuất "${r.exported}" thay cho "${r.keyed}" (${r.reason}); bản ghi vẫn giữ cách ghi khi nhập.`;
      await w.writeRow([String(stt), so, recordId, r.key, label(r.key), CANONICAL_CODE, message, '', r.keyed, r.exported]);
    },
    async end() {
      if (n === 0) await w.writeRow(['', '', '', '', '', '', 'Không có cảnh báo nào, không có giá trị nào phải đổi sang dạng chuẩn.']);
      await w.writeRow([]);
      for (const [i, line] of SIGN_OFF.entries()) await w.writeRow([line], i === 0 ? 'heading' : 'text');
      await w.end();
    },
    abort: (e) => w.abort(e),
  };
}
