/**
 * What a certified copy shows, as plain data (PURE): the frame (issuing
 * authority, national heading, number, place and date), the title, the body
 * lines of the layout filled from the record's values in canonical form
 * (codes as their labels, dates in figures, dates in words where the form
 * asks; a line of optional parts left empty is dropped), the source line and the signer. The PDF draws exactly this, the
 * verification page shows exactly this, and it is stored with the copy.
 * Text is NFC.
 */
import { canonicalValues, codeLabel, readDate, type RegisterTemplate } from '../registers/index.js';
import { dateInWords, type PartialDate } from '../vn/index.js';
import type { CopyLayout, LinePart } from './copy-layouts.js';

export interface PrintedPart {
  label: string;
  value: string;
}

export interface PrintedCopy {
  issuer: { province: string; authority: string };
  number: string;
  place: string;
  /** ISO day of issue. */
  issuedOn: string;
  title: string;
  /** The registration in the book: số, quyển, date. */
  registration: { so: string; quyenSo: string; ngayDangKy: string };
  lines: PrintedPart[][];
  source: string;
  signer: { title: string; name: string };
}

export interface CopyMeta {
  issuer: { province: string; authority: string };
  number: string;
  place: string;
  issuedOn: string;
  book: { volumeNo: string };
  pageNo: string;
  signer: { title: string; name: string };
}

const nfc = (s: string) => s.normalize('NFC');
const pad2 = (n: number | undefined) => String(n ?? 1).padStart(2, '0');

export function dateFigures(d: PartialDate): string {
  if (d.precision === 'year') return String(d.year);
  if (d.precision === 'month') return `${pad2(d.month)}/${d.year}`;
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

function formatPart(part: LinePart, template: RegisterTemplate, values: Record<string, string>): string {
  const raw = values[part.key] ?? '';
  if (!raw) return '';
  switch (part.format ?? 'text') {
    case 'text':
      return raw;
    case 'upper':
      return raw.toLocaleUpperCase('vi');
    case 'code': {
      const list = template.fields.find((f) => f.key === part.key)?.codeList;
      return (list && codeLabel(list, raw)) || raw;
    }
    case 'date':
    case 'year':
    case 'dateAndWords': {
      const d = readDate(values, part.key);
      if (!d) return raw;
      if (part.format === 'year') return String(d.year);
      return part.format === 'date' ? dateFigures(d) : `${dateFigures(d)} (ghi bằng chữ: ${dateInWords(d)})`;
    }
  }
  return raw;
}

export function printedCopy(layout: CopyLayout, template: RegisterTemplate, raw: Readonly<Record<string, string>>, meta: CopyMeta): PrintedCopy {
  const { values } = canonicalValues(template, raw);
  const lines = layout.body
    .map((line) => line.map((p) => ({ part: p, label: nfc(p.label), value: nfc(formatPart(p, template, values)) })))
    .filter((line) => !line.every((x) => x.part.optional && x.value === ''))
    .map((line) => line.map(({ label, value }) => ({ label, value })));
  const ngay = readDate(values, 'ngayDangKy');
  const quyen = values.quyenSo || meta.book.volumeNo;
  const where = [quyen ? `Quyển số ${quyen}` : '', meta.pageNo ? `trang ${meta.pageNo}` : ''].filter(Boolean).join(', ');
  return {
    issuer: { province: nfc(meta.issuer.province), authority: nfc(meta.issuer.authority) },
    number: meta.number,
    place: nfc(meta.place),
    issuedOn: meta.issuedOn,
    title: layout.title,
    registration: { so: values.so ?? '', quyenSo: quyen ?? '', ngayDangKy: ngay ? dateFigures(ngay) : (values.ngayDangKy ?? '') },
    lines,
    source: nfc(`Sao từ ${layout.sourceBook}${where ? ` (${where})` : ''}`),
    signer: { title: nfc(meta.signer.title), name: nfc(meta.signer.name) },
  };
}

/** "…, ngày 04 tháng 12 năm 2026" for the place-and-date line. */
export function placeAndDate(place: string, isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}
