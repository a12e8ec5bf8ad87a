/**
 * Reading the lunar dates old books write, into their parts (no calendar
 * arithmetic here, see lunar-date.ts). Forms read, with or without
 * diacritics and in any case:
 *   "mùng 5 tháng Giêng năm Ất Sửu", "ngày rằm tháng Tám năm Giáp Tý (1984)",
 *   "ngày 3 tháng 2 nhuận năm Quý Mão", "30 tháng Chạp năm Canh Ngọ 1990",
 *   "ngày 10/3 âm lịch năm 1985", "năm Ất Sửu" (a year only).
 * Month names: Giêng = 1, Chạp = 12, "Một" = 11 (the lunar usage, as
 * "Mười Một"), other months in words or digits; day "rằm" = 15.
 * A text counts as lunar only with a sign of it: "âm lịch"/"ÂL", "mùng",
 * "rằm", Giêng/Chạp/Một, "nhuận" or a Can Chi year; "ngày 3 tháng 5 năm 1984"
 * alone is not read here.
 */
import { canChiFromKeys } from './can-chi.js';
import { readNumberWords } from './number-words.js';
import { searchKey } from './search-key.js';

export interface LunarDateText {
  day?: number;
  month?: number;
  leap: boolean;
  /** A year written in digits (the lunar year, or the solar year of the date). */
  yearNumber?: number;
  /** Cycle position (0 = Giáp Tý) of a Can Chi year. */
  canChi?: number;
}

/** undefined: not a lunar date; 'unreadable': lunar by its words but not readable. */
export type LunarTextParse = LunarDateText | 'unreadable' | undefined;

const MARKERS: readonly (readonly string[])[] = [['theo', 'am', 'lich'], ['am', 'lich'], ['lich', 'am'], ['al']];

function dropMarkers(tokens: string[]): { tokens: string[]; marked: boolean } {
  let marked = false;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = MARKERS.find((seq) => seq.every((s, j) => tokens[i + j] === s));
    if (m) {
      marked = true;
      i += m.length - 1;
    } else out.push(tokens[i]!);
  }
  return { tokens: out, marked };
}

interface YearPart {
  yearNumber?: number;
  canChi?: number;
}

/** Takes the year off the end: "… [năm] [Can Chi] [yyyy]". */
function takeYear(tokens: string[]): YearPart {
  const out: YearPart = {};
  if (/^\d{4}$/.test(tokens.at(-1) ?? '')) out.yearNumber = Number(tokens.pop());
  const n = tokens.length;
  const canChi = n >= 2 ? canChiFromKeys(tokens[n - 2]!, tokens[n - 1]!) : undefined;
  if (canChi !== undefined) {
    out.canChi = canChi;
    tokens.splice(n - 2, 2);
  }
  if (tokens.at(-1) === 'nam' && (out.canChi !== undefined || out.yearNumber !== undefined)) tokens.pop();
  return out;
}

function readNumber(tokens: readonly string[]): number | undefined {
  if (tokens.length === 1 && /^\d{1,2}$/.test(tokens[0]!)) return Number(tokens[0]);
  return tokens.length > 0 ? readNumberWords(tokens) : undefined;
}

const MONTH_WORDS: Readonly<Record<string, number>> = { gieng: 1, chap: 12, mot: 11 };

function readMonth(tokens: readonly string[]): number | undefined {
  return tokens.length === 1 && MONTH_WORDS[tokens[0]!] !== undefined ? MONTH_WORDS[tokens[0]!] : readNumber(tokens);
}

function readDay(tokens: readonly string[]): number | undefined {
  return tokens.length === 1 && tokens[0] === 'ram' ? 15 : readNumber(tokens);
}

const LEAD = new Set(['ngay', 'mung', 'mong']);

/** Day and month tokens: "5 thang gieng", "10 3" (from 10/3), or nothing (a year alone). */
function dayMonth(tokens: readonly string[]): { day?: number; month?: number; leap: boolean } | 'unreadable' {
  const at = tokens.indexOf('thang');
  const leap = tokens.includes('nhuan');
  const plain = tokens.filter((t) => t !== 'nhuan');
  if (at < 0) {
    if (plain.length === 0) return { leap };
    const [d, m] = plain;
    return plain.length === 2 && /^\d{1,2}$/.test(d!) && /^\d{1,2}$/.test(m!) ? { day: Number(d), month: Number(m), leap } : 'unreadable';
  }
  const dayTokens = plain.slice(0, plain.indexOf('thang'));
  const month = readMonth(plain.slice(plain.indexOf('thang') + 1));
  if (month === undefined) return 'unreadable';
  if (dayTokens.length === 0) return { month, leap };
  const day = readDay(dayTokens);
  return day === undefined ? 'unreadable' : { day, month, leap };
}

function looksLunar(tokens: readonly string[], marked: boolean, year: YearPart): boolean {
  if (marked || year.canChi !== undefined) return true;
  const at = tokens.indexOf('thang');
  const month = at >= 0 ? tokens.slice(at + 1).filter((t) => t !== 'nhuan') : [];
  const monthWord = month.length === 1 && MONTH_WORDS[month[0]!] !== undefined;
  return monthWord || tokens.some((t) => t === 'mung' || t === 'mong' || t === 'ram' || t === 'nhuan');
}

/** The parts of a lunar date as written; undefined when the text shows no sign of being lunar. */
export function readLunarText(input: string): LunarTextParse {
  const { tokens, marked } = dropMarkers(
    searchKey(input)
      .split(' ')
      .filter((t) => t !== ''),
  );
  const year = takeYear(tokens);
  if (!looksLunar(tokens, marked, year)) return undefined;
  while (LEAD.has(tokens[0] ?? '')) tokens.shift();
  const dm = dayMonth(tokens);
  if (dm === 'unreadable') return 'unreadable';
  return { ...dm, ...year };
}
