/**
 * Characters no register value may hold: NUL and the other C0 controls,
 * DEL, the C1 controls (U+0080–U+009F), lone UTF-16 surrogates (a broken
 * character that cannot be stored as text) and the non-characters U+FFFE /
 * U+FFFF. Tab, line feed and carriage return are allowed only where the
 * field is multi-line. Found by position (1-based, counted in characters as
 * the user sees them) so a message can point at it.
 */
import { makeIssue, type VnIssue } from './finding.js';

export interface ForbiddenCharacter {
  /** 1-based position in the value, in code points. */
  position: number;
  /** "U+0000". */
  codePoint: string;
  /** Vietnamese description: "ký tự NUL", "nửa ký tự UTF-16 lẻ (U+D800)". */
  name: string;
}

const LINE_BREAKS = new Set([0x09, 0x0a, 0x0d]);

const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;

function describe(cp: number): string | undefined {
  if (cp === 0) return 'ký tự NUL';
  if (cp < 0x20 || cp === 0x7f) return `ký tự điều khiển ${hex(cp)}`;
  if (cp >= 0x80 && cp <= 0x9f) return `ký tự điều khiển C1 ${hex(cp)}`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `nửa ký tự UTF-16 đứng lẻ (${hex(cp)})`;
  if (cp === 0xfffe || cp === 0xffff) return `ký tự không hợp lệ ${hex(cp)}`;
  return undefined;
}

/** The first forbidden character of a value, or undefined. */
export function findForbiddenCharacter(value: string, opts: { multiline?: boolean } = {}): ForbiddenCharacter | undefined {
  let position = 0;
  // for…of walks code points: a well-formed surrogate pair is one character, a lone surrogate stays itself.
  for (const ch of value) {
    position++;
    const cp = ch.codePointAt(0)!;
    if (opts.multiline && LINE_BREAKS.has(cp)) continue;
    const name = describe(cp);
    if (name) return { position, codePoint: hex(cp), name };
  }
  return undefined;
}

/** ERROR 'text.forbidden_character' naming the character and where it is. */
export function forbiddenCharacterIssue(value: string, opts: { multiline?: boolean } = {}): VnIssue | undefined {
  const hit = findForbiddenCharacter(value, opts);
  return hit && makeIssue('text.forbidden_character', 'ERROR', `Có ${hit.name} ở vị trí ${hit.position}; hãy xóa ký tự này (thường do sao chép từ tệp khác).`);
}
