/**
 * Look-alike letters: characters of another script that print like a
 * Vietnamese letter and slip in from copied text or a wrong keyboard layout.
 * "Ð"/"ð" (U+00D0/U+00F0, Icelandic eth) typed for "Đ"/"đ" (U+0110/U+0111)
 * is always wrong in Vietnamese; a Cyrillic or Greek letter (Cyrillic "о",
 * Greek "Ο"…) is wrong when the same value also has Latin letters (a value
 * written wholly in Cyrillic or Greek is left alone). They break search,
 * sorting and the national database's matching, so they are ERRORs with the
 * corrected text offered as a fix; marks on them survive (NFD, then NFC).
 */
import { makeIssue, type VnIssue } from './finding.js';

const ETH: Readonly<Record<string, string>> = { '\u00D0': 'Đ', '\u00F0': 'đ' };

/** Cyrillic and Greek letters and the Latin letter each prints as. */
const FOREIGN: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ү: 'Y',
  Ӏ: 'I',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  υ: 'u',
  χ: 'x',
  α: 'a',
};

const FOREIGN_RE = /[\u0370-\u03FF\u0400-\u04FF\u0500-\u052F]/u;
/** Any character that may need a look: eth, Greek, Cyrillic (composed forms never hide them). */
const SUSPECT_RE = /[\u00D0\u00F0\u0370-\u03FF\u0400-\u052F]/u;
const LATIN_RE = /[A-Za-z\u00C0-\u00CF\u00D1-\u00EF\u00F1-\u024F\u1E00-\u1EFF]/u;

export interface LookalikeFinding {
  /** The value with every look-alike replaced (NFC). */
  fixed: string;
  /** The look-alikes found, each once, described for a message: "Ð (U+00D0)". */
  found: string[];
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The value with look-alikes replaced, or undefined when it has none. */
export function findLookalikes(value: string): LookalikeFinding | undefined {
  if (!SUSPECT_RE.test(value)) return undefined;
  const decomposed = value.normalize('NFD');
  const mixed = FOREIGN_RE.test(decomposed) && LATIN_RE.test(decomposed);
  const found = new Set<string>();
  const fixed = Array.from(decomposed, (ch) => {
    const latin = ETH[ch] ?? (mixed ? FOREIGN[ch] : undefined);
    if (latin === undefined) return ch;
    found.add(`${ch} (${codePoint(ch)})`);
    return latin;
  })
    .join('')
    .normalize('NFC');
  return found.size > 0 ? { fixed, found: [...found] } : undefined;
}

/** ERROR 'text.lookalike' with the corrected value as a fix; undefined when the value is clean. */
export function lookalikeIssue(value: string): VnIssue | undefined {
  const hit = findLookalikes(value);
  if (!hit) return undefined;
  const message = `Có chữ cái giống chữ Việt nhưng thuộc bảng chữ khác: ${hit.found.join(', ')} ` + `(ví dụ "Ð" Iceland thay cho "Đ"). Cần sửa thành "${hit.fixed}".`;
  return makeIssue('text.lookalike', 'ERROR', message, { value: hit.fixed, label: `Sửa thành: ${hit.fixed}` });
}
