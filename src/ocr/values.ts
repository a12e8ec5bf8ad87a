/**
 * What the machine read, made into register values the way typed input is:
 * dates through the same partial-date reader (registers/vn), dates in words
 * checked against their date, codes, ethnicity and nationality resolved to the
 * catalog's values, places resolved through units/ (the caller passes the
 * resolver; a resolved place is written as the unit list writes its units,
 * place-value.ts), names and text NFC-cleaned. Then the OCR confusions typical of
 * Vietnamese make a value UNCERTAIN, never confident: a word that is not a
 * Vietnamese syllable (a dropped or shifted mark, ö/ï/å), a low-confidence
 * word holding ơ/o, ư/u, đ/d or a tone mark, a letter in a number read as a
 * digit (l/I→1, O→0), a date that does not parse or disagrees with its words.
 */
import { getTemplate, resolveCode, type FieldDef, type FieldType } from '../registers/index.js';
import { cleanText, dateInWords, isVietnameseSyllable, parseDateWords, parsePartialDate, resolveEthnicity, resolveNationality, formatPartialDate } from '../vn/index.js';
import { levenshtein } from './cer.js';
import { joinTokens, placeTokens, spellNames, type PlaceCheck } from './place-value.js';
import type { ReadField } from './read-page.js';

export type { PlaceCheck, PlaceMatch } from './place-value.js';

export const FIELD_KINDS = ['name', 'date', 'place', 'number', 'code', 'text'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const KIND_LABELS: Record<FieldKind, string> = { name: 'Họ tên', date: 'Ngày tháng', place: 'Địa danh', number: 'Số', code: 'Mục chọn', text: 'Chữ khác' };

const KIND_OF: Record<FieldType, FieldKind> = {
  rowNo: 'number',
  registrationNo: 'number',
  pageNo: 'number',
  personalId: 'number',
  idDocNo: 'number',
  text: 'text',
  name: 'name',
  place: 'place',
  date: 'date',
  dateInWords: 'date',
  time: 'date',
  code: 'code',
  ethnicity: 'code',
  nationality: 'code',
};

export const kindOfType = (t: FieldType): FieldKind => KIND_OF[t];

/** Reasons a value is uncertain (stable codes; the web shows UNCERTAIN_LABELS). */
export const UNCERTAIN_LABELS = {
  not_vietnamese: 'có chữ không phải âm tiết tiếng Việt (dấu rơi hoặc lệch?)',
  diacritics: 'dấu/chữ dễ nhầm (ơ/o, ư/u, đ/d, dấu thanh) đọc không chắc',
  digit_letter: 'chữ và số dễ nhầm (1/l, 0/O)',
  not_a_number: 'có ký tự không phải số',
  date_invalid: 'ngày không đọc được',
  words_disagree: 'ngày bằng chữ không khớp ngày bằng số',
  code_unknown: 'không khớp mục nào của danh mục',
  place_unresolved: 'không tìm thấy địa danh trong danh mục đơn vị hành chính',
} as const;
export type UncertainReason = keyof typeof UNCERTAIN_LABELS;

export interface OcrValue {
  field: string;
  kind: FieldKind;
  /** As read, NFC. */
  text: string;
  /** The register value (normalized like typed input). */
  value: string;
  confidence: number;
  uncertain: UncertainReason[];
}

const DIGIT_FIXES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', i: '1', S: '5', B: '8' };
const CONFUSABLE = /[ơoưuđdàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
const SURE_WORD = 0.9;
/** The letters Vietnamese is written with (NFC, lower case); ñ, ö, å… are OCR inventions. */
const VIET_LETTERS = new Set([...'abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ']);
const vietnameseLetters = (token: string): boolean => [...token.normalize('NFC').toLowerCase()].every((c) => VIET_LETTERS.has(c));

function digits(text: string, uncertain: UncertainReason[], allowed: RegExp): string {
  let fixed = '';
  for (const ch of text.replace(/\s+/g, '')) {
    if (allowed.test(ch)) fixed += ch;
    else if (DIGIT_FIXES[ch]) {
      fixed += DIGIT_FIXES[ch];
      if (!uncertain.includes('digit_letter')) uncertain.push('digit_letter');
    } else {
      fixed += ch;
      if (!uncertain.includes('not_a_number')) uncertain.push('not_a_number');
    }
  }
  return fixed;
}

/** Checks of one word: a syllable Vietnamese has, and no confusable letter read without enough confidence. */
function tokenChecks(token: string, confidence: number, uncertain: UncertainReason[]): void {
  if (!/^\p{L}+$/u.test(token)) return;
  const abbreviation = token.length > 1 && token === token.toUpperCase() && /^[A-ZĐ]+$/u.test(token);
  if (!abbreviation && (!vietnameseLetters(token) || !isVietnameseSyllable(token)) && !uncertain.includes('not_vietnamese')) uncertain.push('not_vietnamese');
  if (confidence < SURE_WORD && CONFUSABLE.test(token) && !uncertain.includes('diacritics')) uncertain.push('diacritics');
}

/** Word-level checks of a name, place or text: syllables and confusable letters read without enough confidence. */
function wordChecks(read: ReadField, uncertain: UncertainReason[]): void {
  for (const w of read.words) for (const token of w.text.split(/[\s,.;:()/-]+/).filter(Boolean)) tokenChecks(token, w.confidence, uncertain);
}

/**
 * A place: resolved through units/ (the caller's check), its unit names written as the unit list writes
 * them (place-value.ts); those words are as sure as the resolution, the other words keep the word checks.
 */
function placeValue(read: ReadField, text: string, uncertain: UncertainReason[], place: PlaceCheck | undefined): { value: string; confidence: number } {
  const asRead = { value: text, confidence: read.confidence };
  const match = place?.(text);
  if (match && match.status !== 'resolved') uncertain.push('place_unresolved');
  const tokens = placeTokens(text);
  const sure = read.words.flatMap((w) => placeTokens(w.text).map(() => w.confidence));
  if (match?.status !== 'resolved' || sure.length !== tokens.length) {
    wordChecks(read, uncertain);
    return asRead;
  }
  spellNames(tokens, match.names ?? []);
  let confidence = tokens.some((t) => t.covered) ? (match.confidence ?? read.confidence) : 1;
  tokens.forEach((t, i) => {
    if (t.covered) return;
    tokenChecks(t.text, sure[i]!, uncertain);
    confidence = Math.min(confidence, sure[i]!);
  });
  return { value: joinTokens(text, tokens), confidence };
}

function normalizeOne(def: FieldDef, read: ReadField, all: Readonly<Record<string, ReadField>>, place?: PlaceCheck): OcrValue {
  const kind = kindOfType(def.type);
  const uncertain: UncertainReason[] = [];
  const text = cleanText(read.text);
  let value = text;
  let confidence = read.confidence;
  switch (def.type) {
    case 'registrationNo':
    case 'pageNo':
    case 'rowNo':
    case 'personalId':
    case 'idDocNo':
      value = digits(text, uncertain, def.type === 'registrationNo' ? /[0-9/]/ : /[0-9]/);
      break;
    case 'date': {
      const cleaned = digits(text.replace(/,/g, '.'), uncertain, /[0-9./-]/);
      const parsed = parsePartialDate(cleaned);
      if (parsed.ok) value = parsed.normalized;
      else {
        value = cleaned;
        uncertain.push('date_invalid');
      }
      break;
    }
    case 'dateInWords': {
      const words = parseDateWords(text);
      const of = def.wordsOf ? all[def.wordsOf] : undefined;
      const ofDate = of ? parsePartialDate(of.text.replace(/,/g, '.')) : undefined;
      // The words spell a date the figures give: written as vn's dateInWords spells that date when the
      // reading is that spelling with a few letters misread (a mark, a bracket), else uncertain.
      const spelled = ofDate?.ok ? dateInWords(ofDate.date) : undefined;
      if (spelled && of && of.confidence >= SURE_WORD && levenshtein(spelled, text) <= Math.max(2, Math.floor(spelled.length * 0.06))) {
        value = spelled;
        confidence = Math.max(confidence, of.confidence);
      } else {
        wordChecks(read, uncertain);
        if (!words || !ofDate?.ok || formatPartialDate(words) !== ofDate.normalized) uncertain.push('words_disagree');
      }
      break;
    }
    case 'time':
      wordChecks(read, uncertain);
      break;
    case 'code': {
      const hit = def.codeList ? resolveCode(def.codeList, text) : undefined;
      if (hit) value = hit.option.code;
      else uncertain.push('code_unknown');
      break;
    }
    case 'ethnicity': {
      const hit = resolveEthnicity(text);
      if (hit.status === 'exact' || hit.status === 'alias') value = hit.group.name;
      else uncertain.push('code_unknown');
      break;
    }
    case 'nationality': {
      const hit = resolveNationality(text);
      if (hit.status === 'exact' || hit.status === 'alias') value = hit.name;
      else uncertain.push('code_unknown');
      break;
    }
    case 'place':
      ({ value, confidence } = placeValue(read, text, uncertain, place));
      break;
    case 'name':
    case 'text':
      wordChecks(read, uncertain);
      break;
  }
  return { field: def.key, kind, text, value, confidence: Math.round(confidence * 1000) / 1000, uncertain };
}

/** Every field of one row read from the page, normalized; fields the catalog does not know are dropped. */
export function normalizeRow(registerType: string, fields: Readonly<Record<string, ReadField>>, place?: PlaceCheck): OcrValue[] {
  const defs = new Map(getTemplate(registerType).fields.map((f) => [f.key, f]));
  return Object.entries(fields).flatMap(([key, read]) => {
    const def = defs.get(key);
    return def ? [normalizeOne(def, read, fields, place)] : [];
  });
}
