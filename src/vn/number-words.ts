/**
 * Reading numbers 0–9999 in Vietnamese words, in the Title Case of the MoJ
 * template ("Hai Nghìn Không Trăm Linh Tám"), and reading them back.
 *
 * Writing rules chosen:
 * - 10 "Mười", 11 "Mười Một", 14 "Mười Bốn", 15 "Mười Lăm", 20 "Hai Mươi";
 * - after "Mươi": 1 is "Mốt" (21 Hai Mươi Mốt), 4 is "Tư" (24 Hai Mươi Tư),
 *   5 is "Lăm" (25 Hai Mươi Lăm);
 * - thousands always name their hundreds, even zero ("Hai Nghìn Không Trăm
 *   Mười" = 2010), and 1–9 after a hundred take "Linh" (1905 "Một Nghìn Chín
 *   Trăm Linh Năm"); a round thousand stops there (2000 "Hai Nghìn").
 * Reading back is lenient: it works on search keys (no diacritics, any case)
 * and accepts Nghìn/Ngàn, Linh/Lẻ, Tư/Bốn, Mốt/Một, Lăm/Năm, and a missing
 * "Không Trăm" ("Hai Nghìn Linh Tám").
 */

const DIGITS = ['Không', 'Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín'] as const;

function digit(n: number): string {
  return DIGITS[n] ?? '';
}

function unitAfterTens(unit: number, tens: number): string {
  if (unit === 5) return 'Lăm';
  if (tens >= 2 && unit === 1) return 'Mốt';
  if (tens >= 2 && unit === 4) return 'Tư';
  return digit(unit);
}

/** 0–99. */
function belowHundred(n: number): string {
  if (n < 10) return digit(n);
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? 'Mười' : `${digit(tens)} Mươi`;
  return unit === 0 ? head : `${head} ${unitAfterTens(unit, tens)}`;
}

/** 0–999 with the hundreds always named ("Không Trăm Linh Tám"). */
function withHundreds(n: number): string {
  const rest = n % 100;
  const hundreds = `${digit(Math.floor(n / 100))} Trăm`;
  if (rest === 0) return hundreds;
  return rest < 10 ? `${hundreds} Linh ${digit(rest)}` : `${hundreds} ${belowHundred(rest)}`;
}

/** Words for an integer 0–9999, e.g. 1985 -> "Một Nghìn Chín Trăm Tám Mươi Lăm". */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`numberInWords: ${n} ngoài 0–9999`);
  if (n < 100) return belowHundred(n);
  if (n < 1000) return withHundreds(n);
  const thousands = `${digit(Math.floor(n / 1000))} Nghìn`;
  return n % 1000 === 0 ? thousands : `${thousands} ${withHundreds(n % 1000)}`;
}

const DIGIT_KEYS: Readonly<Record<string, number>> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

function readDigit(token: string | undefined): number | undefined {
  return token === undefined ? undefined : DIGIT_KEYS[token];
}

/** Tokens for 0–99, or "linh/le + digit". Key "muoi" is both Mười and Mươi. */
function readBelowHundred(t: readonly string[]): number | undefined {
  const [first, second, third] = t;
  if (first === 'linh' || first === 'le') return t.length === 2 ? readDigit(second) : undefined;
  if (t.length === 1) return first === 'muoi' ? 10 : readDigit(first);
  if (first === 'muoi') {
    const unit = readDigit(second);
    return t.length === 2 && unit !== undefined ? 10 + unit : undefined;
  }
  const tens = readDigit(first);
  if (tens === undefined || tens < 2 || second !== 'muoi' || t.length > 3) return undefined;
  const unit = third === undefined ? 0 : readDigit(third);
  return unit === undefined ? undefined : tens * 10 + unit;
}

function readBelowThousand(t: readonly string[]): number | undefined {
  const at = t.indexOf('tram');
  if (at < 0) return t.length === 0 ? undefined : readBelowHundred(t);
  const hundreds = at === 1 ? readDigit(t[0]) : undefined;
  const rest = t.slice(at + 1);
  const tail = rest.length === 0 ? 0 : readBelowHundred(rest);
  return hundreds === undefined || tail === undefined ? undefined : hundreds * 100 + tail;
}

/** Reads number words given as search-key tokens ("hai nghin khong tram linh tam" -> 2008). */
export function readNumberWords(tokens: readonly string[]): number | undefined {
  const at = tokens.findIndex((t) => t === 'nghin' || t === 'ngan');
  if (at < 0) return readBelowThousand(tokens);
  const thousands = readBelowThousand(tokens.slice(0, at));
  const rest = tokens.slice(at + 1);
  const tail = rest.length === 0 ? 0 : readBelowThousand(rest);
  if (thousands === undefined || thousands === 0 || tail === undefined) return undefined;
  return thousands * 1000 + tail;
}
