/**
 * The keying aids (pure): what the form OFFERS for a field, never what it
 * saves. A suggestion is shown under the focused field (and as the empty
 * field's placeholder) and becomes the value only when the keyer presses
 * Enter (↓/↑ choose among several); Tab leaves the field as typed. Sources,
 * best first:
 * 1. derived in the record: the date in words from its date, the requester's
 *    relation and identity papers when the requester is a person of the
 *    record, the next số, the page being viewed, a date shorthand (1203,
 *    120385) expanded with the registration date's year;
 * 2. learned from the book (aids-learn.ts): a field that usually repeats
 *    another field of the record;
 * 3. the same part of another person of the record (ethnicity, nationality,
 *    residence);
 * 4. carry-over: the previous record's value, and the book's frequent
 *    values, for fields that repeat down the book (authority, signer, date…);
 * 5. catalogs: the field's default, the 54 ethnic groups, the countries,
 *    places found in the units catalog.
 * Names also complete word by word (family name, middle name…) from the
 * book's names; a word accepted leaves the cursor in the field.
 * Candidates narrow to what is typed (case and diacritics ignored; a date by
 * its digits). The focus order skips fields the book does not use
 * (reachable with Ctrl+J or a click).
 */
import { readDate, type FieldDef, type PersonBlock } from '../../registers/index.js';
import { dateInWords, ETHNIC_GROUPS, listNationalities, searchKey } from '../../vn/index.js';
import { dateDigits, expandDateShorthand } from './aids-dates.js';
import { firstWord, type BookLearning } from './aids-learn.js';
import type { FormField, Values } from './keying.api.js';

export interface Suggestion {
  value: string;
  /** Where it comes from, in Vietnamese ("bản ghi trước", "giống Cha"…). */
  source: string;
  /** A name's word: accepting it keeps the cursor in the field. */
  word?: boolean;
}

export interface AidContext {
  fields: readonly FormField[];
  byKey: ReadonlyMap<string, FormField>;
  defs: ReadonlyMap<string, FieldDef>;
  groupOf: ReadonlyMap<string, string>;
  persons: readonly PersonBlock[];
  previous: Values | undefined;
  learning: BookLearning;
  /** The page shown in the viewer (trang số). */
  pageSeq: number | undefined;
  /** Places from the units catalog for what is typed in the focused field. */
  places: readonly string[];
  /** The book's registering authority as the archive records it ("UBND xã …"), offered before the book has records. */
  authority: string | undefined;
}

const MAX = 5;
const SHORTHAND = 'ngày viết tắt';
/** Parts that one person of a record usually shares with another. */
const SHARED_PARTS = ['DanToc', 'QuocTich', 'LoaiCuTru', 'NoiCuTru', 'QueQuan'];
const RARE_GROUPS = new Set(['ghiChuTuyenBo', 'nuocNgoai']);
const RARE_KEYS = /Str$|QuocTichKhac|SoDinhDanh|GiayToKhac|HuyTuyenBo/;
const NO_CARRY_TYPES = new Set(['name', 'idDocNo', 'personalId', 'date', 'dateInWords', 'registrationNo']);

const ETHNIC_NAMES = ETHNIC_GROUPS.map((g) => g.name);
/** Titles a signer of a commune register carries (Chức vụ người ký). */
const SIGNER_TITLES = ['Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Công chức Tư pháp - Hộ tịch', 'Chủ tịch UBND xã', 'Phó Chủ tịch UBND xã'];
/**
 * The commonest Vietnamese family names and middle names (public surname
 * statistics), the last source of a name's first and second word, for a
 * book without earlier records.
 */
const COMMON_NAME_WORDS: readonly (readonly string[])[] = [
  ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'],
  ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Công', 'Đình', 'Hồng', 'Kim', 'Thu'],
];
const AUTHORITY_HEAD = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu;
const AUTHORITY_KEYS = new Set(['noiDangKy', 'noiCap']);
let nationNames: string[] | undefined;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function personPart(def: FieldDef | undefined): { prefix: string; part: string } | undefined {
  if (!def?.person || !def.key.startsWith(def.person)) return undefined;
  return { prefix: def.person, part: def.key.slice(def.person.length) };
}

/** The person of the record whose name the requester (or any person block) carries, if any. */
function samePerson(ctx: AidContext, prefix: string, values: Values): PersonBlock | undefined {
  const name = values[`${prefix}HoTen`]?.trim();
  if (!name) return undefined;
  return ctx.persons.find((p) => p.prefix !== prefix && values[`${p.prefix}HoTen`]?.trim() === name);
}

function derived(ctx: AidContext, f: FormField, values: Values, typed: string): Suggestion[] {
  const def = ctx.defs.get(f.key);
  const out: Suggestion[] = [];
  if (def?.wordsOf) {
    const d = readDate(values, def.wordsOf);
    if (d) out.push({ value: dateInWords(d), source: 'chữ theo ngày đã nhập' });
  }
  const pp = personPart(def);
  if (pp && pp.part !== 'HoTen') {
    const same = samePerson(ctx, pp.prefix, values);
    const theirs = same && values[same.prefix + pp.part];
    if (theirs) out.push({ value: theirs, source: `giống ${same.label}` });
  }
  const relationOf = /QuanHe$/.test(f.key) ? ctx.persons.find((p) => f.key.startsWith(p.prefix)) : undefined;
  if (relationOf) {
    const same = samePerson(ctx, relationOf.prefix, values);
    if (same) out.push({ value: capitalize(same.label), source: 'theo họ tên người yêu cầu' });
  }
  if (f.key === 'so' && /^\d+$/.test(ctx.previous?.so ?? '')) out.push({ value: String(Number(ctx.previous!.so) + 1), source: 'số tiếp theo' });
  if (f.type === 'pageNo' && ctx.pageSeq !== undefined) out.push({ value: String(ctx.pageSeq), source: 'trang đang xem' });
  if (f.type === 'time') {
    const m = /^(\d{1,2})(\d{2})$/.exec(typed.trim());
    if (m && Number(m[1]) < 24 && Number(m[2]) < 60) out.push({ value: `${Number(m[1])} giờ ${m[2]} phút`, source: SHORTHAND }, { value: `${Number(m[1])}:${m[2]}`, source: SHORTHAND });
  }
  if (f.widget === 'date') {
    const own = f.key === 'ngayDangKy';
    const anchor = own ? ctx.previous && readDate(ctx.previous, 'ngayDangKy') : (readDate(values, 'ngayDangKy') ?? (ctx.previous && readDate(ctx.previous, 'ngayDangKy')));
    const full = expandDateShorthand(typed.trim(), anchor, !own);
    if (full) out.push({ value: full, source: SHORTHAND });
  }
  return out;
}

function related(ctx: AidContext, f: FormField, values: Values): Suggestion[] {
  const out: Suggestion[] = [];
  for (const r of ctx.learning.equal.get(f.key) ?? []) {
    const v = values[r.source];
    if (v) out.push({ value: v, source: `giống «${ctx.byKey.get(r.source)?.label ?? r.source}»` });
  }
  const pp = personPart(ctx.defs.get(f.key));
  // The requester (người đi khai / yêu cầu) is most often a person of the record.
  if (pp?.prefix === 'nyc' && pp.part === 'HoTen')
    for (const p of ctx.persons) {
      const v = p.prefix !== 'nyc' ? values[`${p.prefix}HoTen`] : undefined;
      if (v) out.push({ value: v, source: `giống ${p.label}` });
    }
  if (pp && SHARED_PARTS.includes(pp.part))
    for (const p of ctx.persons) {
      const v = p.prefix !== pp.prefix ? values[p.prefix + pp.part] : undefined;
      if (v) out.push({ value: v, source: `giống ${p.label}` });
    }
  return out;
}

function carried(ctx: AidContext, f: FormField): Suggestion[] {
  const { learning } = ctx;
  const repeats = f.copyForward || learning.repeats.has(f.key) || (learning.size < 3 && !NO_CARRY_TYPES.has(f.type));
  if (!repeats) return [];
  const prev = ctx.previous?.[f.key];
  const book = AUTHORITY_KEYS.has(f.key) && ctx.authority ? [{ value: ctx.authority, source: 'cơ quan của sổ' }] : [];
  return [...(prev ? [{ value: prev, source: 'bản ghi trước' }] : []), ...(learning.frequent.get(f.key) ?? []).slice(0, 8).map((value) => ({ value, source: 'trong sổ' })), ...book];
}

function catalog(ctx: AidContext, f: FormField): Suggestion[] {
  const list = (values: readonly string[]) => values.map((value) => ({ value, source: 'danh mục' }));
  const out = f.defaultValue ? list([f.defaultValue]) : [];
  if (f.type === 'ethnicity') out.push(...list(ETHNIC_NAMES));
  if (f.type === 'nationality') out.push(...list((nationNames ??= listNationalities().map((n) => n.name))));
  if (f.type === 'place') out.push(...list(ctx.places));
  if (f.key === 'chucVuNguoiKy') out.push(...list(SIGNER_TITLES));
  return out;
}

/**
 * Place phrases of the book's unit, from its authority ("UBND xã La Bằng,
 * huyện Đại Từ, tỉnh Bắc Thái"): the authority's own leading parts ("UBND xã
 * La Bằng"), the place itself, its tails ("huyện Đại Từ, tỉnh Bắc Thái") and
 * heads ("xã La Bằng").
 */
function unitPhrases(ctx: AidContext, values: Values): string[] {
  const authority = values.noiDangKy || values.noiCap || ctx.previous?.noiDangKy || ctx.authority || '';
  const parts = authority.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts[0] === '') return [];
  const place = [parts[0]!.replace(AUTHORITY_HEAD, ''), ...parts.slice(1)];
  const join = (xs: string[]) => xs.join(', ');
  const out = [join(place)];
  for (let i = 1; i < place.length; i++) out.push(join(place.slice(i)));
  for (let i = place.length - 1; i >= 1; i--) out.push(join(place.slice(0, i)));
  for (let i = 1; i < parts.length; i++) out.push(join(parts.slice(0, i)));
  return out;
}

/** A place being typed completed with a phrase of the book's unit, from the last word typed ("Trạm y tế x" → "Trạm y tế xã La Bằng"). */
function placeTails(ctx: AidContext, f: FormField, values: Values, typed: string): Suggestion[] {
  if ((f.type !== 'place' && f.type !== 'text') || typed.trim() === '') return [];
  const phrases = unitPhrases(ctx, values);
  const out: Suggestion[] = [];
  for (let b = 0; b < typed.length; b++) {
    if (b > 0 && !/[\s,]/.test(typed[b - 1]!)) continue;
    const tail = searchKey(typed.slice(b));
    if (tail === '') continue;
    for (const p of phrases) if (searchKey(p).startsWith(tail) && p.length > typed.length - b) out.push({ value: typed.slice(0, b) + p, source: 'địa danh của sổ' });
    if (out.length) break;
  }
  return out;
}

function matches(f: FormField, candidate: string, typed: string): boolean {
  if (candidate === typed || candidate.trim() === '') return false;
  if (typed.trim() === '') return true;
  if (f.widget === 'date') return dateDigits(candidate).startsWith(dateDigits(typed));
  return searchKey(candidate).startsWith(searchKey(typed)) && candidate.length > typed.trim().length;
}

/** Completions of the name's current word: family names the record's other names start with, then the book's words at that position. */
function nameWords(ctx: AidContext, f: FormField, values: Values, typed: string): Suggestion[] {
  const cut = typed.lastIndexOf(' ') + 1;
  const head = typed.slice(0, cut);
  const current = typed.slice(cut);
  const position = head.trim() === '' ? 0 : head.trim().split(/\s+/).length;
  const words: { word: string; source: string }[] = [];
  if (position === 0)
    for (const r of ctx.learning.firstWord.get(f.key) ?? []) {
      const w = firstWord(values[r.source] ?? '');
      if (w) words.push({ word: w, source: `họ như «${ctx.byKey.get(r.source)?.label ?? r.source}»` });
    }
  const ranked = (table: Map<number, Map<string, number>> | undefined) =>
    [...(table?.get(position) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]).map(([word]) => ({ word, source: 'tên trong sổ' }));
  words.push(...ranked(ctx.learning.fieldWords.get(f.key)), ...ranked(ctx.learning.words), ...(COMMON_NAME_WORDS[position] ?? []).map((word) => ({ word, source: 'họ, tên đệm thường gặp' })));
  const key = searchKey(current);
  const seen = new Set<string>();
  return words
    .filter((w) => w.word.length > current.length && searchKey(w.word).startsWith(key) && !seen.has(w.word) && seen.add(w.word))
    .map((w) => ({ value: `${head}${w.word} `, source: w.source, word: true }));
}

/** What the form offers for field `key` given the values so far (what is typed in it narrows the list). */
export function suggestionsFor(ctx: AidContext, key: string, values: Values): Suggestion[] {
  const f = ctx.byKey.get(key);
  if (!f) return [];
  const typed = values[key] ?? '';
  if (f.widget === 'select' && typed !== '') return [];
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const all = [...derived(ctx, f, values, typed), ...related(ctx, f, values), ...carried(ctx, f), ...catalog(ctx, f), ...placeTails(ctx, f, values, typed)];
  for (const s of all) {
    if (out.length >= MAX) break;
    if (seen.has(s.value) || (s.source !== SHORTHAND && !matches(f, s.value, typed))) continue;
    if (f.widget === 'select' && !f.options?.some((o) => o.code === s.value)) continue;
    seen.add(s.value);
    out.push(s);
  }
  if (f.type === 'name')
    for (const s of nameWords(ctx, f, values, typed)) {
      if (out.length >= MAX) break;
      if (!seen.has(s.value)) out.push(s);
      seen.add(s.value);
    }
  return out;
}

/** Tab passes over this field: empty, not required, and unused by the book (or must stay empty); before the book has 3 records, the catalog's rarely used blocks. */
export function skippedInTabOrder(ctx: AidContext, key: string, values: Values, requirement: { required: boolean; mustBeEmpty: boolean } | undefined): boolean {
  if ((values[key] ?? '') !== '') return false;
  if (requirement?.mustBeEmpty) return true;
  if (requirement?.required) return false;
  if (ctx.learning.size >= 3) return !ctx.learning.used.has(key);
  return RARE_GROUPS.has(ctx.groupOf.get(key) ?? '') || RARE_KEYS.test(key);
}
