/**
 * Names of exported files. A book's files share one base name made from the
 * configured pattern (HOTICH_EXPORT_NAME_PATTERN, default
 * `{commune}_{type}_{year}_{volume}`, DOMAIN.md §3.3: the MoJ rule is not
 * published); each registration PDF is `<base>_<số>.pdf`, the số of its row
 * in the xlsx — `<base>_stt<n>.pdf` when the row has no số, and
 * `<base>_<số>_stt<n>.pdf` for a số already used in the book.
 */
import { Invalid, parseExportNamePattern } from '../core/index.js';
import type { BookView } from '../archive/index.js';

const safe = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';

/** The pattern checked, as an Invalid (Vietnamese) when it is not usable. */
export function checkNamePattern(pattern: string): string {
  try {
    return parseExportNamePattern(pattern);
  } catch (e) {
    throw new Invalid('export.name_pattern', (e as Error).message, 'namePattern');
  }
}

/** Commune code of the book's authority (scheme:level:code ids), 'xxxxx' when not resolved to a commune. */
function communeCode(book: BookView): string {
  const unit = book.authorityUnit?.id.split(':');
  return unit?.[1] === 'commune' ? unit[2]! : 'xxxxx';
}

export function exportBaseName(book: BookView, pattern: string): string {
  const values: Record<string, string> = {
    commune: communeCode(book),
    type: book.registerType,
    year: String(book.yearFrom),
    volume: safe(book.volumeNo || '0'),
  };
  return checkNamePattern(pattern).replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');
}

/** Gives each registration of a book, in row order, its unique PDF name. */
export function pdfNamer(base: string): (so: string | undefined, stt: number) => string {
  const used = new Set<string>();
  return (so, stt) => {
    const number = so?.trim() ? safe(so) : undefined;
    const key = number?.toLocaleLowerCase('vi');
    const name = number === undefined ? `${base}_stt${stt}.pdf` : used.has(key!) ? `${base}_${number}_stt${stt}.pdf` : `${base}_${number}.pdf`;
    if (key !== undefined) used.add(key);
    return name;
  };
}
