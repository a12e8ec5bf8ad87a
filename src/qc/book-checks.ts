/**
 * Book-level checks, PURE: what no single registration shows but the book as
 * a whole does. Over the book's registrations, its metadata and its pages:
 * - so_gap: registration numbers missing inside a year's run (12, 15 → 13-14);
 * - so_duplicate: one number used twice in a year;
 * - date_order: ngayDangKy earlier than that of the previous number;
 * - count_mismatch: registrations ≠ the count declared at the book's close;
 * - empty_page: a present page no registration lies on;
 * - so_gap_before / so_gap_after: numbers missing before the book's first
 *   entry of a year (after the last number of the book of the same
 *   authority, type and year that comes before it, or after 0 when none) and
 *   after its last one (before the first number of the next such book) —
 *   a second book continues the first one's numbers (NĐ 158/2005, Điều 40;
 *   TT 04/2020/TT-BTP), also for the year a book spans into;
 * - date_outside_book (ERROR): a registration date outside the book's years
 *   or before it was opened / after it was closed.
 * A year is the year of the number ("15/2018") or of ngayDangKy; numbering
 * restarts each year. ERRORs block the export (src/exchange export gate);
 * WARNINGs go into the export report, which the reviewer signs off, and may
 * be resolved or explained here. Each finding has a stable (code, subject)
 * so a reviewer's resolution or explanation sticks to it.
 */
import { comparePartialDates, parsePartialDate, type PartialDate } from '../vn/index.js';

export const CHECK_CODES = ['so_gap', 'so_duplicate', 'date_order', 'count_mismatch', 'empty_page', 'so_gap_before', 'so_gap_after', 'date_outside_book'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** ERROR blocks the export; WARNING is reported and signed off. */
export const CHECK_SEVERITY: Record<CheckCode, 'ERROR' | 'WARNING'> = {
  so_gap: 'WARNING',
  so_duplicate: 'WARNING',
  date_order: 'WARNING',
  count_mismatch: 'WARNING',
  empty_page: 'WARNING',
  so_gap_before: 'WARNING',
  so_gap_after: 'WARNING',
  date_outside_book: 'ERROR',
};

export interface CheckRegistration {
  id: string;
  so: string | undefined;
  ngayDangKy: string | undefined;
  pageIds: readonly string[];
}

export interface CheckBook {
  declaredEventCount: number | null;
  yearFrom?: number;
  yearTo?: number | null;
  /** Partial dates as written in the inventory (dd.mm.yyyy, mm.yyyy, yyyy). */
  openedOn?: string | null;
  closedOn?: string | null;
}

/** The numbers of the neighbouring books (same authority, register type, year; not copies): per year, each book's lowest and highest number. */
export interface NeighbourRange {
  year: string;
  min: number;
  max: number;
}

export interface CheckPage {
  id: string;
  seq: number;
  status: string;
}

export interface BookCheckFinding {
  code: CheckCode;
  severity: 'ERROR' | 'WARNING';
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

type Unrated = Omit<BookCheckFinding, 'severity'>;

function numberChecks(list: readonly Numbered[]): Unrated[] {
  const out: Unrated[] = [];
  for (let i = 1; i < list.length; i += 1) {
    const prev = list[i - 1]!;
    const cur = list[i]!;
    if (prev.year !== cur.year) continue;
    const y = cur.year;
    if (cur.no === prev.no) {
      out.push({
        code: 'so_duplicate',
        subject: subjectOf(y, String(cur.no)),
        message: `Số ${cur.no}${yearLabel(y)} được dùng cho nhiều việc đăng ký.`,
        recordIds: [prev.r.id, cur.r.id],
        pageIds: [],
      });
    } else if (cur.no > prev.no + 1) {
      const range = cur.no === prev.no + 2 ? String(prev.no + 1) : `${prev.no + 1}-${cur.no - 1}`;
      out.push({ code: 'so_gap', subject: subjectOf(y, range), message: `Thiếu số ${range}${yearLabel(y)} (giữa số ${prev.no} và số ${cur.no}).`, recordIds: [prev.r.id, cur.r.id], pageIds: [] });
    }
    if (prev.date && cur.date && cur.no !== prev.no && comparePartialDates(cur.date, prev.date) === -1) {
      out.push({
        code: 'date_order',
        subject: subjectOf(y, String(cur.no)),
        recordIds: [prev.r.id, cur.r.id],
        pageIds: [],
        message: `Ngày đăng ký của số ${cur.no} (${cur.r.ngayDangKy}) sớm hơn của số ${prev.no} (${prev.r.ngayDangKy}).`,
      });
    }
  }
  return mergeDuplicates(out);
}

/** Three registrations with one number give one duplicate finding listing all three. */
function mergeDuplicates(findings: Unrated[]): Unrated[] {
  const out: Unrated[] = [];
  for (const f of findings) {
    const same = out.find((o) => o.code === f.code && o.subject === f.subject);
    if (same) same.recordIds = [...new Set([...same.recordIds, ...f.recordIds])];
    else out.push(f);
  }
  return out;
}

const rangeText = (a: number, b: number) => (a === b ? String(a) : `${a}-${b}`);

/** Gaps before the first and after the last number of each year, against the neighbouring books' numbers. */
function edgeChecks(list: readonly Numbered[], neighbours: readonly NeighbourRange[]): Omit<BookCheckFinding, 'severity'>[] {
  const out: Omit<BookCheckFinding, 'severity'>[] = [];
  for (const year of [...new Set(list.map((n) => n.year))].filter((y) => y !== '')) {
    const mine = list.filter((n) => n.year === year);
    const first = mine[0]!;
    const last = mine.at(-1)!;
    const others = neighbours.filter((r) => r.year === year);
    const before = Math.max(0, ...others.filter((r) => r.max < first.no).map((r) => r.max));
    if (first.no > before + 1) {
      const range = rangeText(before + 1, first.no - 1);
      const after = before > 0 ? `sau số ${before} của quyển sổ trước` : 'từ số 1';
      out.push({
        code: 'so_gap_before',
        subject: `${year}:${range}`,
        message: `Thiếu số ${range} năm ${year} trước số đầu tiên của quyển (${first.no}; đánh số tiếp ${after}).`,
        recordIds: [first.r.id],
        pageIds: [],
      });
    }
    const nexts = others.filter((r) => r.min > last.no).map((r) => r.min);
    if (nexts.length > 0 && Math.min(...nexts) > last.no + 1) {
      const range = rangeText(last.no + 1, Math.min(...nexts) - 1);
      out.push({
        code: 'so_gap_after',
        subject: `${year}:${range}`,
        message: `Thiếu số ${range} năm ${year} sau số cuối của quyển (${last.no}; quyển sổ sau bắt đầu từ số ${Math.min(...nexts)}).`,
        recordIds: [last.r.id],
        pageIds: [],
      });
    }
  }
  return out;
}

/** Registration dates outside the book's years or its opened/closed dates. */
function dateChecks(book: CheckBook, list: readonly Numbered[], regs: readonly CheckRegistration[]): Omit<BookCheckFinding, 'severity'>[] {
  const out: Omit<BookCheckFinding, 'severity'>[] = [];
  const parse = (v: string | null | undefined) => {
    const p = v ? parsePartialDate(v) : undefined;
    return p?.ok ? p.date : undefined;
  };
  const opened = parse(book.openedOn);
  const closed = parse(book.closedOn);
  const yearTo = book.yearTo ?? book.yearFrom;
  const noOf = new Map(list.map((n) => [n.r.id, n.no]));
  for (const r of regs) {
    const date = parse(r.ngayDangKy);
    if (!date) continue;
    const which = noOf.has(r.id) ? `số ${noOf.get(r.id)}` : 'một việc đăng ký';
    let why: string | undefined;
    if (book.yearFrom !== undefined && (date.year < book.yearFrom || date.year > yearTo!)) {
      why = `ngoài năm của quyển sổ (${book.yearFrom === yearTo ? book.yearFrom : `${book.yearFrom}-${yearTo}`})`;
    } else if (opened && comparePartialDates(date, opened) === -1) {
      why = `trước ngày mở sổ (${book.openedOn})`;
    } else if (closed && comparePartialDates(date, closed) === 1) {
      why = `sau ngày khóa sổ (${book.closedOn})`;
    }
    if (why) out.push({ code: 'date_outside_book', subject: r.id, message: `Ngày đăng ký của ${which} (${r.ngayDangKy}) ${why}.`, recordIds: [r.id], pageIds: [] });
  }
  return out;
}

export function bookChecks(book: CheckBook, regs: readonly CheckRegistration[], pages: readonly CheckPage[], neighbours: readonly NeighbourRange[] = []): BookCheckFinding[] {
  const list = numbered(regs);
  const out: Omit<BookCheckFinding, 'severity'>[] = [...numberChecks(list), ...(book.yearFrom !== undefined ? edgeChecks(list, neighbours) : []), ...dateChecks(book, list, regs)];
  if (book.declaredEventCount !== null && book.declaredEventCount !== regs.length) {
    out.push({
      code: 'count_mismatch',
      subject: 'book',
      recordIds: [],
      pageIds: [],
      message: `Sổ ghi khi khóa sổ có ${book.declaredEventCount} việc đăng ký nhưng đã nhập ${regs.length}.`,
    });
  }
  const used = new Set(regs.flatMap((r) => r.pageIds));
  for (const p of [...pages].sort((a, b) => a.seq - b.seq)) {
    if (p.status === 'present' && !used.has(p.id)) {
      out.push({ code: 'empty_page', subject: p.id, message: `Trang ${p.seq} chưa có việc đăng ký nào.`, recordIds: [], pageIds: [p.id] });
    }
  }
  return out.map((f) => ({ ...f, severity: CHECK_SEVERITY[f.code] }));
}

/** Per year, the lowest and highest number of one book's registrations (for its neighbours' edge checks). */
export function numberRanges(regs: readonly CheckRegistration[]): NeighbourRange[] {
  const out = new Map<string, NeighbourRange>();
  for (const n of numbered(regs)) {
    if (!n.year) continue;
    const r = out.get(n.year);
    out.set(n.year, r ? { year: n.year, min: Math.min(r.min, n.no), max: Math.max(r.max, n.no) } : { year: n.year, min: n.no, max: n.no });
  }
  return [...out.values()];
}
