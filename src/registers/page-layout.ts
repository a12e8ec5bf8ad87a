/**
 * The ruled table of a printed register page, per register type: its
 * columns (printed heading, relative width) and, in each cell, the fields
 * in the order they are written, one field a line (a long value wraps on).
 * Only a cell's first field goes without a label; every other field starts
 * with its label ("Giới tính: Nữ"), so a cell's text can be cut back into
 * fields (splitCell). The demo draws its printed pages from this and the OCR
 * (src/ocr) reads them back with it: one source of truth for both.
 * Code fields are written as their label ("Nữ"); dates in words in brackets.
 */
import { codeLabel, type CodeListId } from './code-lists.js';
import { compactKey } from '../vn/index.js';

export interface PageItem {
  field: string;
  /** Written before the value, "Label: value"; absent only for a cell's first item. */
  label?: string;
  /** Code fields: written as the option's label. */
  codeList?: CodeListId;
  /** Written inside brackets: "(Ngày Mười Bảy …)". */
  bracketed?: boolean;
}

export interface PageColumnLayout {
  title: string;
  /** Relative width; the page shares the table width among the columns. */
  width: number;
  items: readonly PageItem[];
}

const item = (field: string, label?: string, extra: Partial<PageItem> = {}): PageItem => ({ field, ...(label ? { label } : {}), ...extra });
const column = (title: string, width: number, ...items: PageItem[]): PageColumnLayout => ({ title, width, items });

const head = [column('Số', 55, item('so')), column('Ngày, tháng, năm đăng ký', 125, item('ngayDangKy'))];

const person = (p: string): PageItem[] => [
  item(`${p}HoTen`),
  item(`${p}NgaySinh`, 'Năm sinh'),
  item(`${p}DanToc`, 'Dân tộc'),
  item(`${p}QuocTich`, 'Quốc tịch'),
  item(`${p}NoiCuTru`, 'Cư trú'),
  item(`${p}SoGiayToTuyThan`, 'CMND số'),
];

const signature = column('Ghi chú, người ký, người thực hiện', 240, item('ghiChu'), item('chucVuNguoiKy', 'Chức vụ'), item('nguoiKy', 'Người ký'), item('nguoiThucHien', 'Cán bộ'));

const KS: PageColumnLayout[] = [
  ...head,
  column('Họ và tên người được khai sinh', 230, item('nksHoTen'), item('nksGioiTinh', 'Giới tính', { codeList: 'gioiTinh' })),
  column('Ngày, tháng, năm sinh', 240, item('nksNgaySinh'), item('nksNgaySinhBangChu', undefined, { bracketed: true })),
  column('Nơi sinh', 220, item('nksNoiSinh'), item('nksNoiSinhDVHC', 'Thuộc')),
  column('Dân tộc, quốc tịch, quê quán', 220, item('nksDanToc'), item('nksQuocTich', 'Quốc tịch'), item('nksQueQuan', 'Quê quán')),
  column('Họ tên, năm sinh, dân tộc, quốc tịch, nơi cư trú của mẹ', 270, ...person('me')),
  column('Họ tên, năm sinh, dân tộc, quốc tịch, nơi cư trú của cha', 270, ...person('cha')),
  column('Người đi khai sinh', 200, item('nycHoTen'), item('nycQuanHe', 'Quan hệ'), item('nycSoGiayToTuyThan', 'CMND số')),
  signature,
];

const KT: PageColumnLayout[] = [
  ...head,
  column('Họ và tên người chết', 200, item('nktHoTen'), item('nktGioiTinh', 'Giới tính', { codeList: 'gioiTinh' })),
  column('Ngày sinh, dân tộc, quốc tịch', 190, item('nktNgaySinh'), item('nktDanToc', 'Dân tộc'), item('nktQuocTich', 'Quốc tịch')),
  column(
    'Nơi cư trú cuối cùng, giấy tờ tùy thân',
    240,
    item('nktNoiCuTru'),
    item('nktSoGiayToTuyThan', 'CMND số'),
    item('nktNgayCapGiayToTuyThan', 'Cấp ngày'),
    item('nktNoiCapGiayToTuyThan', 'Nơi cấp'),
  ),
  column('Giờ, ngày, tháng, năm chết', 250, item('nktNgayChet'), item('nktGioPhutChet', 'Lúc'), item('nktNgayChetGhiBangChu', undefined, { bracketed: true })),
  column('Nơi chết', 210, item('nktNoiChet')),
  column('Nguyên nhân chết', 150, item('nktNguyenNhanChet')),
  column('Giấy báo tử', 200, item('gbtSo'), item('gbtNgay', 'Ngày'), item('gbtCoQuanCap', 'Nơi cấp')),
  column('Người đi khai tử', 180, item('nycHoTen'), item('nycQuanHe', 'Quan hệ')),
  signature,
];

const spouse = (p: string): PageColumnLayout[] => [
  column(
    `Họ và tên, ngày sinh, dân tộc, quốc tịch của ${p === 'chong' ? 'chồng' : 'vợ'}`,
    300,
    item(`${p}HoTen`),
    item(`${p}NgaySinh`, 'Năm sinh'),
    item(`${p}DanToc`, 'Dân tộc'),
    item(`${p}QuocTich`, 'Quốc tịch'),
  ),
  column(
    `Nơi cư trú, giấy tờ tùy thân của ${p === 'chong' ? 'chồng' : 'vợ'}`,
    300,
    item(`${p}NoiCuTru`),
    item(`${p}SoGiayToTuyThan`, 'CMND số'),
    item(`${p}NgayCapGiayToTuyThan`, 'Cấp ngày'),
    item(`${p}NoiCapGiayToTuyThan`, 'Nơi cấp'),
  ),
];

const KH: PageColumnLayout[] = [...head, ...spouse('chong'), ...spouse('vo'), signature];

/** The printed-page layouts the catalog knows; other register types have none (yet): their pages are keyed by hand. */
export const PAGE_LAYOUTS: Readonly<Partial<Record<string, readonly PageColumnLayout[]>>> = { KS, KT, KH };

export function pageLayoutOf(registerType: string): readonly PageColumnLayout[] | undefined {
  return PAGE_LAYOUTS[registerType];
}

/** The text written for one item, or undefined when the record leaves it empty. */
export function itemText(it: PageItem, values: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = values[it.field];
  if (raw === undefined || raw === '') return undefined;
  const shown = it.codeList ? (codeLabel(it.codeList, raw) ?? raw) : raw;
  const body = it.bracketed ? `(${shown})` : shown;
  return it.label ? `${it.label}: ${body}` : body;
}

/** The lines of one cell for a record, one item a line (before wrapping). */
export function cellLines(col: PageColumnLayout, values: Readonly<Record<string, string | undefined>>): string[] {
  return col.items.map((it) => itemText(it, values)).filter((l): l is string => l !== undefined);
}

/** One field cut out of a cell's words: its text and the words [from, to) it was read from. */
export interface CellPart {
  field: string;
  text: string;
  from: number;
  to: number;
}

/** Does the label start at word i? Forgives case, diacritics, a colon and spacing (OCR drops marks): "Gioi tinh :" is "Giới tính:". Returns the words it takes. */
function labelAt(words: readonly string[], keys: readonly string[], i: number, label: readonly string[]): number {
  let k = i;
  for (const token of label) {
    while (k < keys.length && keys[k] === '') k++;
    if (keys[k] !== token) return 0;
    k++;
  }
  // The colon makes it a label: "Cư trú:" is one, the given name "Sinh" is not.
  if (/[:;]$/.test(words[k - 1] ?? '')) return k - i;
  return /^[:;]/.test(words[k] ?? '') ? k - i + (words[k] === ':' || words[k] === ';' ? 1 : 0) : 0;
}

const tidy = (words: readonly string[]): string =>
  words
    .join(' ')
    .replace(/^[\s:;,.]+|[\s;,:]+$/g, '')
    .normalize('NFC');

/**
 * Cuts a cell's words (its lines read in order) back into fields: each
 * labelled item begins where its label is found (in layout order, after the
 * previous one); the words before the first label are the first item; a
 * bracketed item is the words from "(" to ")". Items not found are absent.
 */
export function splitCell(col: PageColumnLayout, words: readonly string[]): CellPart[] {
  const keys = words.map((w) => compactKey(w));
  const marks: { it: PageItem; labelStart: number; valueStart: number }[] = [];
  let from = 0;
  for (const it of col.items) {
    if (!it.label) continue;
    const tokens = it.label.split(' ').map((t) => compactKey(t));
    for (let i = from; i < words.length; i++) {
      const n = labelAt(words, keys, i, tokens);
      if (n > 0) {
        marks.push({ it, labelStart: i, valueStart: i + n });
        from = i + n;
        break;
      }
    }
  }
  const parts: CellPart[] = [];
  const push = (field: string, a: number, b: number) => {
    const text = tidy(words.slice(a, b));
    if (text !== '') parts.push({ field, text, from: a, to: b });
  };
  const bracket = col.items.find((it) => it.bracketed);
  const open = bracket ? words.findIndex((w) => /^[({[]/.test(w)) : -1;
  const cut = (x: number, y: number) => (open >= x && open < y ? open : y);
  if (bracket && open >= 0) {
    const closeAt = words.findIndex((w, i) => i >= open && /[)}\]]$/.test(w));
    const close = closeAt >= 0 ? closeAt + 1 : (marks.find((m) => m.labelStart > open)?.labelStart ?? words.length);
    const inner = words.slice(open, close).map((w, k, all) => {
      const head = k === 0 ? w.slice(1) : w;
      return k === all.length - 1 && /[)}\]]$/.test(head) ? head.slice(0, -1) : head;
    });
    const text = tidy(inner);
    if (text !== '') parts.push({ field: bracket.field, text, from: open, to: close });
  }
  const first = col.items[0];
  if (first && !first.label && !first.bracketed) push(first.field, 0, cut(0, marks[0]?.labelStart ?? words.length));
  marks.forEach((mk, i) => push(mk.it.field, mk.valueStart, cut(mk.valueStart, marks[i + 1]?.labelStart ?? words.length)));
  return parts;
}
