/**
 * One registration as a row of the MoJ "DL Import" sheet, derived from the
 * catalog: column order of the template, STT = the row's place in the file
 * (1..n), dates written dd.mm.yyyy / mm.yyyy / yyyy (a lunar date as its
 * solar day), coded fields in the template's canonical form whatever alias
 * was keyed (registers canonicalValues: codes, ethnicity and country names;
 * each replacement returned for the report), personal names in the casing
 * the province chose, everything else as keyed (NFC, whitespace cleaned) —
 * numbers and IDs stay text, leading zeros kept. PURE.
 * Also the "Ghi chu" sheet: the code lists the template's columns use.
 */
import type { NameCase } from '../core/index.js';
import { canonicalValues, CODE_LISTS, type CodeListId, type FieldDef, type RegisterTemplate, type Replacement } from '../registers/index.js';
import { cleanText, parsePartialDate, titleCaseName, upperCaseName } from '../vn/index.js';
import type { StaticSheet } from './xlsx-writer.js';

export const DATA_SHEET = 'DL Import';
export const NOTES_SHEET = 'Ghi chu';

function casedName(v: string, nameCase: NameCase): string {
  switch (nameCase) {
    case 'title':
      return titleCaseName(v);
    case 'upper':
      return upperCaseName(v);
    case 'keep':
      return v;
  }
}

function date(v: string): string {
  const parsed = parsePartialDate(v);
  return parsed.ok ? parsed.normalized : v;
}

export function exportCell(f: FieldDef, raw: string | undefined, stt: number, nameCase: NameCase): string {
  return cleanCell(f, cleanText(raw ?? ''), stt, nameCase);
}

/** exportCell of a value already cleaned (NFC, whitespace). */
function cleanCell(f: FieldDef, v: string, stt: number, nameCase: NameCase): string {
  if (f.type === 'rowNo') return String(stt);
  if (v === '') return '';
  switch (f.type) {
    case 'date':
      return date(v);
    case 'name':
      return casedName(v, nameCase);
    case 'registrationNo':
    case 'pageNo':
    case 'text':
    case 'place':
    case 'dateInWords':
    case 'time':
    case 'code':
    case 'personalId':
    case 'idDocNo':
    case 'ethnicity':
    case 'nationality':
      return v;
  }
}

export interface ExportedRow {
  cells: string[];
  /** Values written in another form than keyed (alias -> canonical, lunar -> solar). */
  replacements: Replacement[];
}

/** The cells of one registration in template column order, and what was replaced; `stt` counts from 1. */
export function exportRecordRow(template: RegisterTemplate, values: Readonly<Record<string, string>>, stt: number, nameCase: NameCase): ExportedRow {
  const canonical = canonicalValues(template, values);
  return { cells: template.fields.map((f) => cleanCell(f, canonical.values[f.key] ?? '', stt, nameCase)), replacements: canonical.replacements };
}

/** The cells of one registration in template column order; `stt` counts from 1. */
export function exportRow(template: RegisterTemplate, values: Readonly<Record<string, string>>, stt: number, nameCase: NameCase): string[] {
  return exportRecordRow(template, values, stt, nameCase).cells;
}

/** "Ghi chu": for each code list the template uses, a heading (the columns using it), then code | label rows. */
export function notesSheet(template: RegisterTemplate): StaticSheet {
  const byList = new Map<CodeListId, FieldDef[]>();
  for (const f of template.fields) if (f.codeList) byList.set(f.codeList, [...(byList.get(f.codeList) ?? []), f]);
  const rows: StaticSheet['rows'][number][] = [];
  for (const [list, fields] of byList) {
    if (rows.length > 0) rows.push({ cells: [] });
    rows.push({ cells: [fields.map((f) => f.key).join(', '), fields[0]!.label], style: 'heading' });
    for (const o of CODE_LISTS[list]) rows.push({ cells: [o.code, o.label] });
  }
  return { name: NOTES_SHEET, rows, widths: [30, 80] };
}
