/**
 * What the values of a save may hold, checked before anything is written:
 * only the fields of the record's template (record.unknown_field), each
 * within the length limit of its type (record.value_too_long), and no
 * character that is not text (record.invalid_character: NUL, other C0/C1
 * controls, lone UTF-16 surrogates, U+FFFE/U+FFFF; tab and line breaks only
 * in multi-line fields). Each refusal is a 400 naming the field (and the
 * position of a bad character). PURE.
 * Limits, in characters: names, ethnicity, nationality 200; places 500;
 * free text (notes, annotations) 2,000; dates (a lunar date is written in
 * words), dates in words 200; codes, numbers, IDs, times 50.
 */
import { Invalid } from '../core/index.js';
import { TEMPLATES, type FieldType, type RegisterTemplate } from '../registers/index.js';
import { findForbiddenCharacter } from '../vn/index.js';

export const VALUE_LIMITS: Readonly<Record<FieldType, number>> = {
  rowNo: 50,
  registrationNo: 50,
  pageNo: 50,
  code: 50,
  personalId: 50,
  idDocNo: 50,
  time: 50,
  name: 200,
  ethnicity: 200,
  nationality: 200,
  date: 200,
  dateInWords: 200,
  place: 500,
  text: 2000,
};

/** Field types whose values may span several lines. */
const MULTILINE: ReadonlySet<FieldType> = new Set(['text']);

/** Unknown keys are named up to this many in the error details. */
const NAMED = 20;

function unknownFields(template: Pick<RegisterTemplate, 'id'>, known: ReadonlySet<string>, keys: readonly string[], where: string): Invalid | undefined {
  const unknown: string[] = [];
  let count = 0;
  for (const k of keys) {
    if (known.has(k)) continue;
    count++;
    if (unknown.length < NAMED) unknown.push(k);
  }
  if (count === 0) return undefined;
  const shown = JSON.stringify(unknown[0]!.slice(0, 100));
  const more = count > 1 ? ` (và ${count - 1} cột khác)` : '';
  return new Invalid('record.unknown_field', `Cột ${shown}${more} không có trong ${where}; chỉ nhận các cột của mẫu sổ.`, `values.${unknown[0]}`, {
    field: unknown[0],
    fields: unknown,
    count,
    template: template.id,
  });
}

const ANY_TEMPLATE: ReadonlySet<string> = new Set(TEMPLATES.flatMap((t) => t.fields.map((f) => f.key)));
const MOST_FIELDS = Math.max(...TEMPLATES.map((t) => t.fields.length));

/**
 * Before the input is parsed at all: more keys than any template has fields
 * cannot all be fields, and the keys no template knows are refused at once
 * (so a request with 200,000 made-up keys costs a pass over its keys, not
 * the parsing of every value).
 */
export function precheckValueKeys(values: unknown): void {
  if (typeof values !== 'object' || values === null) return;
  const keys = Object.keys(values);
  if (keys.length <= MOST_FIELDS) return;
  const unknown = unknownFields({ id: '' }, ANY_TEMPLATE, keys, 'mẫu sổ nào');
  if (unknown) throw unknown;
}

/** Throws Invalid when the values break the rules above; null (clear the field) is always allowed. */
export function checkRecordValues(template: RegisterTemplate, values: Readonly<Record<string, string | null>>): void {
  const unknown = unknownFields(template, new Set(template.fields.map((f) => f.key)), Object.keys(values), `mẫu ${template.id} của sổ này`);
  if (unknown) throw unknown;
  for (const f of template.fields) {
    const v = values[f.key];
    if (v === undefined || v === null) continue;
    const limit = VALUE_LIMITS[f.type];
    const length = [...v].length;
    if (length > limit) {
      throw new Invalid('record.value_too_long', `«${f.label}» (${f.key}) dài ${length} ký tự, quá giới hạn ${limit} ký tự.`, `values.${f.key}`, { field: f.key, length, limit });
    }
    const bad = findForbiddenCharacter(v, { multiline: MULTILINE.has(f.type) });
    if (bad) {
      throw new Invalid('record.invalid_character', `«${f.label}» (${f.key}) có ${bad.name} ở vị trí ${bad.position}; hãy xóa ký tự này.`, `values.${f.key}`, { field: f.key, ...bad });
    }
  }
}
