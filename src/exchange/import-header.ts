/**
 * The header matcher: which register template a header row belongs to and
 * which column holds which field. It is derived from the catalog (the MoJ
 * keys, the same ones `headerText` decorates), tolerant of what templates and
 * older software do to them: trailing or inner spaces, letter case, line
 * breaks and the `i=[…]` code-hint line, non-breaking spaces, a BOM. The
 * column of the error report ("Lỗi") is always ignored. Vietnamese labels are
 * not matched (they are not unique across person blocks).
 * A header row "matches" when at least 3 of its cells, and half of them, are
 * keys of one template; among templates the one with the most keys wins and,
 * at equal count, the one with the fewest columns (KS-60 over KS-70 when the
 * extra KS-70 columns are absent). An equal count for two register types
 * (only the common so, quyenSo… columns) is ambiguous and refused.
 */
import { Invalid } from '../core/index.js';
import { TEMPLATES, headerText, type FieldDef, type RegisterTemplate } from '../registers/index.js';

/** The header of the added error column in error reports; ignored on import. */
export const ERROR_COLUMN = 'Lỗi';

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/i\s*=\s*\[[^\]]*\]?/gi, ' ')
    .replace(/[\s\u00A0]+/g, '')
    .toLowerCase();
}

export interface HeaderMatch {
  template: RegisterTemplate;
  /** Column index → field of the template. */
  columns: Map<number, FieldDef>;
  /** Header cells that name no field of the template (not counting the error column). */
  unknown: { col: number; text: string }[];
  /** Fields named by more than one column. */
  duplicates: string[];
  /** Fields the template requires always, with no column in the file. */
  missingRequired: FieldDef[];
}

const keyIndex = new Map(TEMPLATES.map((t) => [t, new Map(t.fields.map((f) => [normalizeHeader(f.key), f]))]));
const ERROR_KEY = normalizeHeader(ERROR_COLUMN);

/** Whether a header cell names the error report's column (matched like every key). */
export const isErrorColumn = (text: string): boolean => normalizeHeader(text) === ERROR_KEY;

function matchTemplate(template: RegisterTemplate, header: ReadonlyMap<number, string>): HeaderMatch {
  const keys = keyIndex.get(template)!;
  const columns = new Map<number, FieldDef>();
  const unknown: HeaderMatch['unknown'] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const [col, text] of header) {
    const key = normalizeHeader(text);
    if (key === '' || key === ERROR_KEY) continue;
    const field = keys.get(key);
    if (!field) unknown.push({ col, text: text.trim() });
    else if (seen.has(field.key)) duplicates.push(field.key);
    else {
      seen.add(field.key);
      columns.set(col, field);
    }
  }
  const missingRequired = template.fields.filter((f) => f.required === 'always' && !seen.has(f.key));
  return { template, columns, unknown, duplicates, missingRequired };
}

const isMatch = (m: HeaderMatch) => m.columns.size >= 3 && m.columns.size * 2 >= m.columns.size + m.unknown.length;

/** The template a header row belongs to, or undefined when it looks like no header at all. */
export function matchHeader(header: ReadonlyMap<number, string>, candidates: readonly RegisterTemplate[] = TEMPLATES): HeaderMatch | undefined {
  const ranked = candidates
    .map((t) => matchTemplate(t, header))
    .filter(isMatch)
    .sort((a, b) => b.columns.size - a.columns.size || a.template.fields.length - b.template.fields.length);
  const [best] = ranked;
  if (!best) return undefined;
  const second = ranked.find((m) => m.columns.size === best.columns.size && m.template.registerType !== best.template.registerType);
  if (second) {
    throw new Invalid(
      'import.ambiguous_template',
      `Dòng tiêu đề khớp ngang nhau với mẫu ${best.template.id} (${best.template.title}) và ${second.template.id} (${second.template.title}); ` +
        'tệp cần có các cột riêng của loại sổ (ví dụ nksHoTen cho khai sinh, nktHoTen cho khai tử).',
      'header',
    );
  }
  return best;
}

/** The header row the catalog writes for a template (for messages: "so, quyenSo, …"). */
export function sampleKeys(template: RegisterTemplate, n = 6): string {
  return template.fields
    .slice(0, n)
    .map((f) => headerText(f).split('\n')[0]!.trim())
    .join(', ');
}
