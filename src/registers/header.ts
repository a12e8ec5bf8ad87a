/**
 * The xlsx header row ("DL Import", row 1) derived from the catalog: each
 * key with the decorations of the official template (a trailing space, a
 * line break and an `i=[codes]` hint).
 */
import { CODE_LISTS } from './code-lists.js';
import type { FieldDef, RegisterTemplate } from './field.js';

export function headerText(f: FieldDef): string {
  let text = f.key;
  if (f.header?.trailingSpace) text += ' ';
  if (f.header?.codeHint) {
    if (!f.codeList) throw new Error(`Field ${f.key} has a code hint but no code list`);
    text += `\ni=[${CODE_LISTS[f.codeList].map((o) => o.code).join(',')}]`;
  }
  return text;
}

export function headerRow(template: RegisterTemplate): string[] {
  return template.fields.map(headerText);
}
