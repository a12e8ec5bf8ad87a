/**
 * The person-index rows of one registration. PURE: the same record always
 * gives the same rows. One row per person block of the record's template
 * (registers/ `persons`, the fields with role 'fullName') whose name is
 * filled; the keys come from src/vn nameKeys, the dates from registers/
 * readDate (partial and lunar dates as the keying form reads them), spans so
 * that "1981" matches any day of 1981.
 */
import { findTemplate, readDate } from '../registers/index.js';
import { nameKeys, type PartialDate } from '../vn/index.js';

/** What indexing reads of a record (entry's RecordState has all of it). */
export interface IndexableRecord {
  bookId: string;
  registerType: string;
  templateId: string;
  values: Readonly<Record<string, string>>;
  pageIds: readonly string[];
  /** A keying pass (src/qc) is never indexed. */
  keyingOf: string | null;
}

/** True when both states give the same index rows (personRows reads only these parts): a write that changes none of them (warnings acknowledged, completion, flags) leaves the index as it is. */
export function sameIndexed(a: IndexableRecord, b: IndexableRecord): boolean {
  if (a.bookId !== b.bookId || a.registerType !== b.registerType || a.templateId !== b.templateId || a.keyingOf !== b.keyingOf) return false;
  if (a.pageIds.length !== b.pageIds.length || a.pageIds.some((p, i) => p !== b.pageIds[i])) return false;
  const keys = Object.keys(a.values);
  return keys.length === Object.keys(b.values).length && keys.every((k) => a.values[k] === b.values[k]);
}

export interface PersonRow {
  role: string;
  full_name: string;
  name_tone: string;
  name_fold: string;
  ho_key: string;
  ten_key: string;
  /** Folded words but the last ('nguyen thi thuy'), and but the first ('thi thuy hoa'). */
  head_key: string;
  tail_key: string;
  birth_year: number | null;
  birth_lo: string | null;
  birth_hi: string | null;
  event_lo: string | null;
  event_hi: string | null;
  /** The year of event_lo: the index range of a date filter. */
  event_year: number | null;
  reg_so: string;
  quyen_so: string;
  reg_date: string;
  page_id: string | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first and last ISO day a partial date may mean. */
export function dateSpan(d: PartialDate | undefined): [string, string] | [null, null] {
  if (!d) return [null, null];
  const y = pad(d.year, 4);
  if (d.month === undefined) return [`${y}-01-01`, `${y}-12-31`];
  const m = pad(d.month);
  if (d.day === undefined) return [`${y}-${m}-01`, `${y}-${m}-${pad(lastDay(d.year, d.month))}`];
  return [`${y}-${m}-${pad(d.day)}`, `${y}-${m}-${pad(d.day)}`];
}

/** The folded name without its last word, and without its first. */
export function headTail(fold: string): { head_key: string; tail_key: string } {
  const words = fold.split(' ');
  return { head_key: words.slice(0, -1).join(' '), tail_key: words.slice(1).join(' ') };
}

export function personRows(r: IndexableRecord): PersonRow[] {
  if (r.keyingOf !== null) return [];
  const template = findTemplate(r.templateId);
  if (!template) return [];
  const v = r.values;
  const [eventLo, eventHi] = dateSpan(readDate(v, 'ngayDangKy'));
  const rows: PersonRow[] = [];
  for (const f of template.fields) {
    if (f.role !== 'fullName' || !f.person) continue;
    const name = (v[f.key] ?? '').trim();
    const keys = nameKeys(name);
    if (keys.fold === '') continue;
    const birthKey = template.fields.find((b) => b.person === f.person && b.role === 'birthDate')?.key;
    const birth = birthKey ? readDate(v, birthKey) : undefined;
    const [birthLo, birthHi] = dateSpan(birth);
    rows.push({
      role: f.person,
      full_name: name.normalize('NFC'),
      name_tone: keys.tone,
      name_fold: keys.fold,
      ho_key: keys.ho,
      ten_key: keys.ten,
      ...headTail(keys.fold),
      birth_year: birth?.year ?? null,
      birth_lo: birthLo,
      birth_hi: birthHi,
      event_lo: eventLo,
      event_hi: eventHi,
      event_year: eventLo ? Number(eventLo.slice(0, 4)) : null,
      reg_so: (v.so ?? '').trim(),
      quyen_so: (v.quyenSo ?? '').trim(),
      reg_date: (v.ngayDangKy ?? '').trim(),
      page_id: r.pageIds[0] ?? null,
    });
  }
  return rows;
}
