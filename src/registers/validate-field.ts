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
  forbiddenCharacterIssue,
  legacyEncodingIssue,
  lookalikeIssue,
  nationalityIssue,
  toPartialDate,
  type VnIssue,
} from '../vn/index.js';
import { CODE_LISTS, resolveCode } from './code-lists.js';
import { readDateText } from './date-value.js';
import type { FieldDef, Finding, RuleContext } from './field.js';
import { readDate, roleKey } from './rule-helpers.js';

const asFinding =
  (path: string) =>
  (issue: VnIssue): Finding => ({ path, ...issue });

/** Character-level problems, checked before the type: forbidden characters, a legacy font, look-alike letters. */
function textIssue(value: string): VnIssue | undefined {
  return forbiddenCharacterIssue(value) ?? legacyEncodingIssue(value) ?? lookalikeIssue(value);
}

/** `value` is the field's text as keyed (cleaned); code fields read their alias from it, rules see the code. */
export function validateValue(field: FieldDef, value: string, ctx: RuleContext): Finding[] {
  const text = textIssue(value);
  if (text) return [asFinding(field.key)(text)];
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
      return dateIssues(field, ctx);
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

const err = (code: string, message: string): VnIssue => ({ code, severity: 'ERROR', message });
const optional = (i: VnIssue | undefined): VnIssue[] => (i ? [i] : []);

function nameIssues(value: string): VnIssue[] {
  if (/\d/.test(value)) return [err('name.digits', 'Họ tên không được chứa chữ số.')];
  if (!/\p{L}/u.test(value)) return [err('name.no_letters', 'Họ tên phải có chữ cái.')];
  return [];
}

/** A date as keyed: the register's forms, or a lunar date (INFO naming the solar day; the text stays as keyed). */
function dateIssues(field: FieldDef, ctx: RuleContext): VnIssue[] {
  const parsed = readDateText(ctx.values, field.key, { maxYear: ctx.today.getFullYear() });
  if (!parsed) return [];
  if (!parsed.ok) return [parsed.issue];
  const future = comparePartialDates(parsed.date, toPartialDate(ctx.today)) === 1;
  if (future) return [err('date.future', 'Ngày này ở tương lai, sau ngày hôm nay.')];
  return parsed.lunar ? [parsed.lunar.issue] : [];
}

function dateInWordsIssues(field: FieldDef, value: string, ctx: RuleContext): VnIssue[] {
  const date = field.wordsOf ? readDate(ctx.values, field.wordsOf) : undefined;
  return date ? optional(checkDateInWords(value, date)) : [];
}

function codeIssues(field: FieldDef, value: string): VnIssue[] {
  const options = field.codeList ? CODE_LISTS[field.codeList] : [];
  const found = field.codeList ? resolveCode(field.codeList, value) : undefined;
  if (found?.exact) return [];
  if (found) {
    const { code, label } = found.option;
    return [
      {
        code: 'code.alias',
        severity: 'WARNING',
        message: `"${value}" được hiểu là mã ${code} (${label}); khi xuất sẽ ghi mã ${code}.`,
        fix: { value: code, label: `Dùng mã chuẩn: ${code} – ${label}` },
      },
    ];
  }
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
