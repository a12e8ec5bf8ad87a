/**
 * Rows already in the book. A row is the registration a book already holds
 * when its số, its registration date and its registered person's name agree
 * after normalization — số without leading zeros, the date read as a
 * (partial, or lunar) date, the name folded (vn searchKey: case, diacritics,
 * tone placement, spaces, Đ/D) — whatever the bytes, line endings or
 * encoding of the file. The import skips such rows and lists them in its
 * report. PURE, but for the book's values handed in.
 */
import { readDate, type RegisterTemplate } from '../registers/index.js';
import { formatPartialDate, searchKey } from '../vn/index.js';

export function registrationKey(template: RegisterTemplate, values: Readonly<Record<string, string>>): string | undefined {
  const nameKey = template.fields.find((f) => f.role === 'fullName')?.key;
  const so = (values.so ?? '').trim().replace(/^0+(?=\d)/, '');
  const name = nameKey ? searchKey(values[nameKey] ?? '') : '';
  if (so === '' || name === '') return undefined;
  const date = readDate(values, 'ngayDangKy');
  return `${so}|${date ? formatPartialDate(date) : (values.ngayDangKy ?? '').trim()}|${name}`;
}

export function keysOf(template: RegisterTemplate, records: readonly Readonly<Record<string, string>>[]): Set<string> {
  const keys = new Set<string>();
  for (const v of records) {
    const k = registrationKey(template, v);
    if (k) keys.add(k);
  }
  return keys;
}

/** "dòng 3, 4, 7 … và 12 dòng khác" */
export function skippedNote(rows: readonly number[]): string {
  const shown = rows.slice(0, 20).join(', ');
  const more = rows.length > 20 ? ` và ${rows.length - 20} dòng khác` : '';
  return `Bỏ qua ${rows.length} dòng đã có trong sổ (cùng số, ngày đăng ký và họ tên, dù tệp khác mã hóa hay cách xuống dòng): dòng ${shown}${more}.`;
}
