/**
 * Classifying one row of a result file. PURE. Both sides are normalized the
 * way their catalog type says (a name: NFC, tone placement, case; a date:
 * the partial-date form; a code: the code list; an ID: digits) and compared
 * field by field. A field differs when the book has a value and the
 * population side has another one or none (the book is silent: nothing to
 * compare). The classes, most serious first:
 * - id_conflict: the population side found several people, or its ID number
 *   belongs to another registration, or appears twice in the file, or
 *   contradicts the book (the ID the book holds, or the sex and birth year
 *   the ID encodes);
 * - not_found: the person is not in the population database;
 * - differs: found, some compared fields differ (diffs);
 * - same.
 */
import { CODE_LISTS, resolveCode, type CodeListId, type FieldDef, type RegisterTemplate } from '../registers/index.js';
import { checkPersonalId, formatPartialDate, normalizeName, parsePartialDate, type Sex } from '../vn/index.js';
import { COMPARED_KEYS, columnOf, fieldOf, popKey, type PopStatus } from './popdb-columns.js';

export const POPDB_CLASSES = ['same', 'differs', 'not_found', 'id_conflict'] as const;
export type PopdbClass = (typeof POPDB_CLASSES)[number];

export const CLASS_LABELS: Record<PopdbClass, string> = {
  same: 'Trùng khớp',
  differs: 'Khác nhau',
  not_found: 'Không có trong CSDL dân cư',
  id_conflict: 'Xung đột số định danh',
};

export const CONFLICT_REASONS = {
  multiple: 'CSDL dân cư tìm thấy nhiều người khớp với việc đăng ký này',
  other_record: 'Số định danh CSDL dân cư trả về đã gắn với một việc đăng ký khác',
  duplicate_in_file: 'Cùng một số định danh được trả về cho nhiều việc đăng ký trong tệp',
  contradicts_book: 'Số định danh CSDL dân cư trả về khác số định danh ghi trong sổ',
  encoding: 'Số định danh không khớp giới tính hoặc năm sinh ghi trong sổ',
} as const;
export type ConflictReason = keyof typeof CONFLICT_REASONS;

export interface Diff {
  key: string;
  book: string;
  population: string;
}

export interface Conflict {
  reason: ConflictReason;
  message: string;
  /** other_record: the registration that holds the ID. */
  otherRecordId?: string;
  popId?: string;
}

export interface RowInput {
  template: RegisterTemplate;
  /** The record's keyed values. */
  values: Readonly<Record<string, string>>;
  status: PopStatus;
  /** The population side's values by result key (dcHoTen…). */
  pop: Readonly<Record<string, string>>;
  /** Another registration whose keyed ID is this one, if any. */
  otherHolder?: string | undefined;
  /** The same population ID is given for another row of the file. */
  duplicateInFile?: boolean;
}

export interface RowOutcome {
  class: PopdbClass;
  diffs: Diff[];
  conflict?: Conflict;
  /** The book's side of each compared key (what the row stores as book_values). */
  book: Record<string, string>;
}

const digits = (v: string) => v.replace(/\D/g, '');

/** A value as its catalog type compares: '' when empty. */
export function comparable(def: FieldDef | undefined, raw: string): string {
  const v = raw.normalize('NFC').trim();
  if (v === '' || !def) return v;
  switch (def.type) {
    case 'name':
      return normalizeName(v).toLocaleLowerCase('vi');
    case 'date': {
      const p = parsePartialDate(v);
      return p.ok ? formatPartialDate(p.date) : v;
    }
    case 'code':
      return def.codeList ? (resolveCode(def.codeList, v)?.option.code ?? v) : v;
    case 'personalId':
      return digits(v);
    case 'dateInWords':
    case 'ethnicity':
    case 'idDocNo':
    case 'nationality':
    case 'pageNo':
    case 'place':
    case 'registrationNo':
    case 'rowNo':
    case 'text':
    case 'time':
      return normalizeName(v).toLocaleLowerCase('vi');
  }
}

/** The book's side of every compared key, as keyed. */
export function bookSide(template: RegisterTemplate, values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of COMPARED_KEYS) {
    const f = fieldOf(template, columnOf(key)!);
    out[key] = f ? (values[f.key] ?? '') : '';
  }
  return out;
}

function diffsOf(template: RegisterTemplate, book: Record<string, string>, pop: Readonly<Record<string, string>>): Diff[] {
  const out: Diff[] = [];
  for (const key of COMPARED_KEYS) {
    const f = fieldOf(template, columnOf(key)!);
    const b = comparable(f, book[key] ?? '');
    const p = comparable(f, pop[popKey(key)] ?? '');
    if (b !== '' && b !== p) out.push({ key, book: book[key] ?? '', population: pop[popKey(key)] ?? '' });
  }
  return out;
}

const sexOf = (template: RegisterTemplate, v: string): Sex | undefined => {
  const f = fieldOf(template, columnOf('gioiTinh')!);
  const code = comparable(f, v);
  return code === '1' ? 'male' : code === '2' ? 'female' : undefined;
};

function encodingConflict(input: RowInput, book: Record<string, string>, popId: string): boolean {
  const birth = parsePartialDate(book.ngaySinh ?? '');
  const expect = { sex: sexOf(input.template, book.gioiTinh ?? ''), birthYear: birth.ok ? birth.date.year : undefined };
  return checkPersonalId(popId, expect).some((i) => i.code === 'personal_id.sex_mismatch' || i.code === 'personal_id.birth_year_mismatch');
}

function conflictOf(input: RowInput, book: Record<string, string>): Conflict | undefined {
  const make = (reason: ConflictReason, extra: Partial<Conflict> = {}): Conflict => ({ reason, message: CONFLICT_REASONS[reason], ...extra });
  if (input.status === 'NHIEU_KET_QUA') return make('multiple');
  const popId = digits(input.pop[popKey('soDinhDanh')] ?? '');
  if (input.status !== 'TIM_THAY' || popId === '') return undefined;
  const bookId = digits(book.soDinhDanh ?? '');
  if (bookId !== '' && bookId !== popId) return make('contradicts_book', { popId });
  if (input.otherHolder) return make('other_record', { popId, otherRecordId: input.otherHolder });
  if (input.duplicateInFile) return make('duplicate_in_file', { popId });
  if (encodingConflict(input, book, popId)) return make('encoding', { popId });
  return undefined;
}

export function classifyRow(input: RowInput): RowOutcome {
  const book = bookSide(input.template, input.values);
  if (input.status === 'KHONG_TIM_THAY') return { class: 'not_found', diffs: [], book };
  const diffs = input.status === 'TIM_THAY' ? diffsOf(input.template, book, input.pop) : [];
  const conflict = conflictOf(input, book);
  if (conflict) return { class: 'id_conflict', diffs, conflict, book };
  return { class: diffs.length > 0 ? 'differs' : 'same', diffs, book };
}

/** The code list of a compared key in a template (the sex list), for checking the population side's value. */
export function codeListOf(template: RegisterTemplate, key: string): CodeListId | undefined {
  const f = fieldOf(template, columnOf(key)!);
  return f?.type === 'code' && f.codeList && f.codeList in CODE_LISTS ? f.codeList : undefined;
}
