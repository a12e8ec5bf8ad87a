/**
 * The canonical form of a record's values for the Ministry's template:
 * coded fields go out as the template wants them whatever alias was keyed —
 * a code list field as its code ("Nam", "nam giới", "01" -> "1"), ethnicity
 * as the name of its group ("Kinh (Việt)", "Việt" -> "Kinh"; "Mèo" -> "Mông"),
 * nationality as its Vietnamese country name ("VN", "Vietnam" -> "Việt Nam"),
 * a lunar date as its solar date ("mùng 5 tháng Giêng năm Ất Sửu 1985" ->
 * "25.01.1985"). Every such replacement is listed (the export report shows
 * them); the stored record keeps the book's text. An ambiguous or unknown
 * value is left as keyed (its finding blocks or warns elsewhere). PURE.
 */
import { cleanText, ETHNIC_GROUPS, ETHNICITY_OTHER, NATIONALITY_VIETNAM, resolveEthnicity, resolveNationality } from '../vn/index.js';
import { resolveCode } from './code-lists.js';
import { readDateText } from './date-value.js';
import type { FieldDef, RegisterTemplate } from './field.js';

/** Canonical ethnicity names: nothing to resolve (the common case, kept fast for big exports). */
const ETHNIC_NAMES: ReadonlySet<string> = new Set([...ETHNIC_GROUPS, ETHNICITY_OTHER].map((g) => g.name));

export interface Replacement {
  key: string;
  keyed: string;
  exported: string;
  /** Vietnamese: why ("mã của danh mục Giới tính", "ngày âm lịch đổi sang dương lịch"). */
  reason: string;
}

function canonicalOf(f: FieldDef, value: string, values: Readonly<Record<string, string>>): { value: string; reason: string } | undefined {
  switch (f.type) {
    case 'code': {
      const found = f.codeList ? resolveCode(f.codeList, value) : undefined;
      return found && !found.exact ? { value: found.option.code, reason: `mã chuẩn của danh mục (${found.option.label})` } : undefined;
    }
    case 'ethnicity': {
      if (ETHNIC_NAMES.has(value)) return undefined;
      const found = resolveEthnicity(value);
      return found.status === 'exact' || found.status === 'alias' ? { value: found.group.name, reason: 'tên dân tộc theo danh mục' } : undefined;
    }
    case 'nationality': {
      if (value === NATIONALITY_VIETNAM) return undefined;
      const found = resolveNationality(value);
      return found.status !== 'unknown' ? { value: found.name, reason: 'tên quốc gia theo danh mục' } : undefined;
    }
    case 'date': {
      const parsed = readDateText(values, f.key);
      return parsed?.ok && parsed.lunar ? { value: parsed.normalized, reason: 'ngày âm lịch đổi sang dương lịch' } : undefined;
    }
    case 'rowNo':
    case 'registrationNo':
    case 'pageNo':
    case 'text':
    case 'name':
    case 'place':
    case 'dateInWords':
    case 'time':
    case 'personalId':
    case 'idDocNo':
      return undefined;
  }
}

/** The template's values (cleaned) with coded fields in their canonical form, and the list of what changed. */
export function canonicalValues(template: RegisterTemplate, raw: Readonly<Record<string, string>>): { values: Record<string, string>; replacements: Replacement[] } {
  const values: Record<string, string> = {};
  for (const f of template.fields) {
    const v = raw[f.key];
    if (v !== undefined) values[f.key] = cleanText(v);
  }
  const out = { ...values };
  const replacements: Replacement[] = [];
  for (const f of template.fields) {
    const keyed = values[f.key];
    if (!keyed) continue;
    const c = canonicalOf(f, keyed, values);
    if (!c || c.value === keyed) continue;
    out[f.key] = c.value;
    replacements.push({ key: f.key, keyed, exported: c.value, reason: c.reason });
  }
  return { values: out, replacements };
}
