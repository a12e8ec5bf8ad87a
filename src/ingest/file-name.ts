/**
 * Cleans an uploaded file's name for display. The result is only ever shown
 * and stored as text, never used as a path: NFC, no control or bidi-override
 * characters, no directory part, at most 255 characters.
 */

export const UNNAMED_FILE = 'tệp không tên';
const MAX_NAME_LENGTH = 255;
/** C0/C1 controls, DEL, and the bidi overrides/isolates that can disguise an extension. */
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function cleanFileName(raw: string): string {
  const visible = raw.normalize('NFC').replace(INVISIBLE, '');
  const last = visible.split(/[/\\]/).pop() ?? '';
  const base = last.trim();
  if (base === '' || base === '.' || base === '..') return UNNAMED_FILE;
  return Array.from(base).slice(0, MAX_NAME_LENGTH).join('');
}
