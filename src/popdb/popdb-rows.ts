/**
 * Checking the rows of a result file before anything is stored: each names
 * a registration of a birth or death book in the importer's scope, once; a
 * known status; and, where given, population values the catalog can read
 * (a 12-digit ID, a date, a sex of the code list). A row with an error
 * refuses the whole file. PURE apart from the records handed in.
 */
import { resolveCode } from '../registers/index.js';
import { compactKey, parsePartialDate } from '../vn/index.js';
import { popKey, POP_STATUSES, STATUS_KEY, isPopdbRegister, type PopStatus } from './popdb-columns.js';
import { codeListOf } from './popdb-compare.js';
import { getTemplate } from '../registers/index.js';
import type { ResultRow } from './popdb-read.js';
import type { ImportRecordRow } from './popdb.repo.js';

export interface CheckedRow {
  rowNo: number;
  recordId: string;
  status: PopStatus;
  /** The population side's values and note, by result key, trimmed NFC text. */
  pop: Record<string, string>;
  record: ImportRecordRow;
}

export interface RowErrors {
  row: number;
  errors: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS_HELP = 'ghi Tìm thấy (TIM_THAY), Không tìm thấy (KHONG_TIM_THAY) hoặc Nhiều kết quả (NHIEU_KET_QUA)';

export function readStatus(text: string): PopStatus | undefined {
  const key = compactKey(text);
  if (key === '') return undefined;
  return (Object.keys(POP_STATUSES) as PopStatus[]).find((s) => compactKey(s) === key || compactKey(POP_STATUSES[s]) === key);
}

export const recordIdOf = (row: ResultRow): string => (row.cells.get('recordId')?.text ?? '').trim().toLowerCase();

function checkRecord(row: ResultRow, records: ReadonlyMap<string, ImportRecordRow>, seen: Map<string, number>, errors: string[]): ImportRecordRow | undefined {
  const id = recordIdOf(row);
  if (id === '') return void errors.push('Thiếu mã bản ghi (recordId).');
  const rec = UUID.test(id) ? records.get(id) : undefined;
  if (!rec) return void errors.push(`Không tìm thấy việc đăng ký có mã "${id}" trong phạm vi của bạn.`);
  const first = seen.get(id);
  if (first !== undefined) return void errors.push(`Mã bản ghi "${id}" đã có ở dòng ${first}: mỗi việc đăng ký chỉ một dòng.`);
  seen.set(id, row.rowNo);
  if (rec.keying_of !== null || !isPopdbRegister(rec.register_type)) return void errors.push(`Bản ghi "${id}" không phải việc đăng ký khai sinh hoặc khai tử.`);
  return rec;
}

function checkPopValues(row: ResultRow, rec: ImportRecordRow, errors: string[]): Record<string, string> {
  const pop: Record<string, string> = {};
  for (const [key, cell] of row.cells) if (key.startsWith('dc') && key !== STATUS_KEY) pop[key] = cell.text.normalize('NFC').trim();
  const id = pop[popKey('soDinhDanh')] ?? '';
  if (id !== '' && !/^\d{12}$/.test(id)) {
    const lost = row.cells.get(popKey('soDinhDanh'))?.numeric && /^\d{1,11}$/.test(id);
    errors.push(`Số định danh "${id}" không đủ 12 chữ số${lost ? ' (ô kiểu số đã làm mất số 0 ở đầu: hãy định dạng cột là văn bản)' : ''}.`);
  }
  const date = pop[popKey('ngaySinh')] ?? '';
  if (date !== '' && !parsePartialDate(date).ok) errors.push(`Ngày sinh theo CSDL dân cư "${date}" không đọc được (ghi dd.mm.yyyy, mm.yyyy hoặc yyyy).`);
  const sex = pop[popKey('gioiTinh')] ?? '';
  const list = codeListOf(getTemplate(rec.template_version), 'gioiTinh');
  if (sex !== '' && list && !resolveCode(list, sex)) errors.push(`Giới tính theo CSDL dân cư "${sex}" không có trong danh mục (Nam, Nữ, Không xác định).`);
  return pop;
}

/** The checked rows, or the errors of each row that has some. */
export function checkRows(rows: readonly ResultRow[], records: ReadonlyMap<string, ImportRecordRow>, onRow?: (n: number) => void): { ok: CheckedRow[]; bad: RowErrors[] } {
  const ok: CheckedRow[] = [];
  const bad: RowErrors[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const errors: string[] = [];
    const rec = checkRecord(row, records, seen, errors);
    const statusText = row.cells.get(STATUS_KEY)?.text ?? '';
    const status = readStatus(statusText);
    if (!status) errors.push(statusText.trim() === '' ? `Thiếu trạng thái trong CSDL dân cư: ${STATUS_HELP}.` : `Trạng thái "${statusText.trim()}" không hợp lệ: ${STATUS_HELP}.`);
    const pop = rec ? checkPopValues(row, rec, errors) : {};
    if (errors.length > 0) bad.push({ row: row.rowNo, errors });
    else ok.push({ rowNo: row.rowNo, recordId: rec!.id, status: status!, pop, record: rec! });
    onRow?.(i + 1);
  });
  return { ok, bad };
}
