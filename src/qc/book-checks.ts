/**
 * Book-level checks, PURE: what no single registration shows but the book as
 * a whole does. Over the book's registrations, its metadata and its pages:
 * - so_gap: registration numbers missing inside a year's run (12, 15 → 13-14);
 * - so_duplicate: one number used twice in a year;
 * - date_order: ngayDangKy earlier than that of the previous number;
 * - count_mismatch: registrations ≠ the count declared at the book's close;
 * - empty_page: a present page no registration lies on.
 * A year is the year of the number ("15/2018") or of ngayDangKy; numbering
 * restarts each year. Each finding has a stable (code, subject) so a
 * reviewer's resolution or explanation sticks to it.
 */
import { comparePartialDates, parsePartialDate, type PartialDate } from '../vn/index.js';

export const CHECK_CODES = ['so_gap', 'so_duplicate', 'date_order', 'count_mismatch', 'empty_page'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export interface CheckRegistration {
  id: string;
  so: string | undefined;
  ngayDangKy: string | undefined;
  pageIds: readonly string[];
}

export interface CheckBook {
  declaredEventCount: number | null;
}

export interface CheckPage {
  id: string;
  seq: number;
  status: string;
}

export interface BookCheckFinding {
  code: CheckCode;
  subject: string;
  message: string;
  recordIds: string[];
  pageIds: string[];
}

interface Numbered {
  r: CheckRegistration;
  no: number;
  year: string;
  date: PartialDate | undefined;
}

const leadingNo = (so: string | undefined): number | undefined => {
  const m = /^\s*(\d{1,9})/.exec(so ?? '');
  return m ? Number(m[1]) : undefined;
};

function numbered(regs: readonly CheckRegistration[]): Numbered[] {
  const out: Numbered[] = [];
  for (const r of regs) {
    const no = leadingNo(r.so);
    if (no === undefined) continue;
    const parsed = r.ngayDangKy ? parsePartialDate(r.ngayDangKy) : undefined;
    const date = parsed?.ok ? parsed.date : undefined;
    const year = /\/\s*(\d{4})\s*$/.exec(r.so ?? '')?.[1] ?? (date ? String(date.year) : '');
    out.push({ r, no, year, date });
  }
  return out.sort((a, b) => a.year.localeCompare(b.year) || a.no - b.no);
}

const yearLabel = (year: string) => (year ? ` năm ${year}` : '');
const subjectOf = (year: string, rest: string) => (year ? `${year}:${rest}` : rest);

function numberChecks(list: readonly Numbered[]): BookCheckFinding[] {
  const out: BookCheckFinding[] = [];
  for (let i = 1; i < list.length; i += 1) {
    const prev = list[i - 1]!;
    const cur = list[i]!;
    if (prev.year !== cur.year) continue;
    const y = cur.year;
    if (cur.no === prev.no) {
      out.push({ code: 'so_duplicate', subject: subjectOf(y, String(cur.no)), message: `Số ${cur.no}${yearLabel(y)} được dùng cho nhiều việc đăng ký.`, recordIds: [prev.r.id, cur.r.id], pageIds: [] });
    } else if (cur.no > prev.no + 1) {
      const range = cur.no === prev.no + 2 ? String(prev.no + 1) : `${prev.no + 1}-${cur.no - 1}`;
      out.push({ code: 'so_gap', subject: subjectOf(y, range), message: `Thiếu số ${range}${yearLabel(y)} (giữa số ${prev.no} và số ${cur.no}).`, recordIds: [prev.r.id, cur.r.id], pageIds: [] });
    }
    if (prev.date && cur.date && cur.no !== prev.no && comparePartialDates(cur.date, prev.date) === -1) {
      out.push({
        code: 'date_order', subject: subjectOf(y, String(cur.no)), recordIds: [prev.r.id, cur.r.id], pageIds: [],
        message: `Ngày đăng ký của số ${cur.no} (${cur.r.ngayDangKy}) sớm hơn của số ${prev.no} (${prev.r.ngayDangKy}).`,
      });
    }
  }
  return mergeDuplicates(out);
}

/** Three registrations with one number give one duplicate finding listing all three. */
function mergeDuplicates(findings: BookCheckFinding[]): BookCheckFinding[] {
  const out: BookCheckFinding[] = [];
  for (const f of findings) {
    const same = out.find((o) => o.code === f.code && o.subject === f.subject);
    if (same) same.recordIds = [...new Set([...same.recordIds, ...f.recordIds])];
    else out.push(f);
  }
  return out;
}

export function bookChecks(book: CheckBook, regs: readonly CheckRegistration[], pages: readonly CheckPage[]): BookCheckFinding[] {
  const out = numberChecks(numbered(regs));
  if (book.declaredEventCount !== null && book.declaredEventCount !== regs.length) {
    out.push({
      code: 'count_mismatch', subject: 'book', recordIds: [], pageIds: [],
      message: `Sổ ghi khi khóa sổ có ${book.declaredEventCount} việc đăng ký nhưng đã nhập ${regs.length}.`,
    });
  }
  const used = new Set(regs.flatMap((r) => r.pageIds));
  for (const p of [...pages].sort((a, b) => a.seq - b.seq)) {
    if (p.status === 'present' && !used.has(p.id)) {
      out.push({ code: 'empty_page', subject: p.id, message: `Trang ${p.seq} chưa có việc đăng ký nào.`, recordIds: [], pageIds: [p.id] });
    }
  }
  return out;
}
