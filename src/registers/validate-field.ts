/**
 * Field-level validation, one exhaustive switch over the field types: a new
 * type fails to compile until it is handled here. Works on the cleaned value
 * of one field, with the whole record at hand for what depends on it (a
 * personal ID on the person's sex and birth year, date in words on its date).
 */
import {
  checkDateInWords,
  checkOldIdCard,
  checkPersonalId,
  comparePartialDates,
  ethnicityIssue,
  legacyEncodingIssue,
  nationalityIssue,
  parsePartialDate,
  toPartialDate,
  type VnIssue,
} from '../vn/index.js';
import { CODE_LISTS } from './code-lists.js';
import type { FieldDef, Finding, RuleContext } from './field.js';
import { readDate, roleKey } from './rule-helpers.js';

const asFinding = (path: string) => (issue: VnIssue): Finding => ({ path, ...issue });

export function validateValue(field: FieldDef, value: string, ctx: RuleContext): Finding[] {
  const encoding = legacyEncodingIssue(value);
  if (encoding) return [asFinding(field.key)(encoding)];
  return typeIssues(field, value, ctx).map(asFinding(field.key));
}

function typeIssues(field: FieldDef, value: string, ctx: RuleContext): VnIssue[] {
  switch (field.type) {
    case 'rowNo':
    case 'pageNo':
      return /^[1-9]\d{0,5}$/.test(value) ? [] : [err('number.positive', 'Phải là số nguyên dương, ví dụ 1, 2, 15.')];
    case 'registrationNo':
      return /^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u.test(value) ? [] : [err('registration_no.format', 'Số đăng ký chỉ gồm chữ số, chữ cái và các dấu / . -, ví dụ "15" hoặc "01/2018".')];
    case 'text':
    case 'place':
      return [];
    case 'name':
      return nameIssues(value);
    case 'date':
      return dateIssues(value, ctx.today);
    case 'dateInWords':
      return dateInWordsIssues(field, value, ctx);
    case 'time':
      return /^([01]?\d|2[0-3])(:|\s*giờ\s*)[0-5]?\d(\s*phút)?$/iu.test(value) ? [] : [err('time.format', 'Giờ phút không hợp lệ; ghi dạng 14:30 hoặc "14 giờ 30 phút".')];
    case 'code':
      return codeIssues(field, value);
    case 'personalId':
      return personalIdIssues(field, value, ctx);
    case 'idDocNo':
      return idDocIssues(field, value, ctx);
    case 'ethnicity':
      return optional(ethnicityIssue(value));
    case 'nationality':
      return optional(nationalityIssue(value));
  }
}

/** The oldest plausible year in a register (a parent born in the 1850s may appear in a 1900s book). */
export const MIN_YEAR = 1850;

const err = (code: string, message: string): VnIssue => ({ code, severity: 'ERROR', message });
const optional = (i: VnIssue | undefined): VnIssue[] => (i ? [i] : []);

function nameIssues(value: string): VnIssue[] {
  if (/\d/.test(value)) return [err('name.digits', 'Họ tên không được chứa chữ số.')];
  if (!/\p{L}/u.test(value)) return [err('name.no_letters', 'Họ tên phải có chữ cái.')];
  return [];
}

function dateIssues(value: string, today: Date): VnIssue[] {
  const parsed = parsePartialDate(value, { minYear: MIN_YEAR, maxYear: today.getFullYear() });
  if (!parsed.ok) return [parsed.issue];
  const future = comparePartialDates(parsed.date, toPartialDate(today)) === 1;
  return future ? [err('date.future', 'Ngày này ở tương lai, sau ngày hôm nay.')] : [];
}

function dateInWordsIssues(field: FieldDef, value: string, ctx: RuleContext): VnIssue[] {
  const date = field.wordsOf ? readDate(ctx.values, field.wordsOf) : undefined;
  return date ? optional(checkDateInWords(value, date)) : [];
}

function codeIssues(field: FieldDef, value: string): VnIssue[] {
  const options = field.codeList ? CODE_LISTS[field.codeList] : [];
  if (options.some((o) => o.code === value)) return [];
  const allowed = options.map((o) => `${o.code} (${o.label})`).join(', ');
  return [err('code.invalid', `Mã "${value}" không có trong danh mục. Các mã hợp lệ: ${allowed}.`)];
}

function personSex(prefix: string, ctx: RuleContext): 'male' | 'female' | undefined {
  const sexKey = roleKey(ctx.template, prefix, 'sex');
  const code = sexKey ? ctx.values[sexKey] : undefined;
  if (code === '1') return 'male';
  if (code === '2') return 'female';
  return ctx.template.persons.find((p) => p.prefix === prefix)?.impliedSex;
}

function personalIdIssues(field: FieldDef, value: string, ctx: RuleContext): VnIssue[] {
  const prefix = field.person;
  const sex = prefix ? personSex(prefix, ctx) : undefined;
  const birthKey = prefix ? roleKey(ctx.template, prefix, 'birthDate') : undefined;
  const birthYear = birthKey ? readDate(ctx.values, birthKey)?.year : undefined;
  return checkPersonalId(value, { ...(sex ? { sex } : {}), ...(birthYear ? { birthYear } : {}) });
}

function idDocIssues(field: FieldDef, value: string, ctx: RuleContext): VnIssue[] {
  const typeKey = field.person ? roleKey(ctx.template, field.person, 'idDocType') : undefined;
  const docType = typeKey ? ctx.values[typeKey] : undefined;
  if (docType === '1') return checkOldIdCard(value);
  if (docType === '4') return /^\d{12}$/.test(value) ? [] : [err('id_doc.cccd_format', 'Số thẻ căn cước công dân phải có đúng 12 chữ số.')];
  return [];
}
