/**
 * validateRecord: every finding about one record, in template column order.
 * Values are cleaned (NFC, whitespace) before checking; the caller keeps the
 * book's own text. Code fields keyed as an alias ("Nam" for 1) are WARNINGs
 * and the cross-field rules read their code. Unknown keys are reported, never dropped.
 */
import { cleanText } from '../vn/index.js';
import type { Condition, FieldDef, Finding, RegisterTemplate, RuleContext, Severity } from './field.js';
import { COMMON_RULES } from './rules-common.js';
import { resolveCode } from './code-lists.js';
import { validateValue } from './validate-field.js';
import { fieldName } from './rule-helpers.js';

export interface ValidateOptions {
  /** The day that counts as today (dates after it are errors). Default: now. */
  today?: Date;
}

export function cleanValues(values: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined) continue;
    const text = cleanText(String(v));
    if (text !== '') out[k] = text;
  }
  return out;
}

const holds = (c: Condition, values: Readonly<Record<string, string>>): boolean => c.in.includes(values[c.field] ?? '');

/** Whether `field` must be filled, given the values as rules read them (ruleValues). */
export function isRequired(field: Pick<FieldDef, 'required'>, values: Readonly<Record<string, string>>): boolean {
  const r = field.required;
  if (r === 'always') return true;
  if (r === 'optional') return false;
  return 'when' in r ? holds(r.when, values) : !holds(r.unless, values);
}

/** Whether `field` must stay empty, given the values as rules read them (ruleValues). */
export function mustBeEmpty(field: Pick<FieldDef, 'emptyWhen'>, values: Readonly<Record<string, string>>): boolean {
  return field.emptyWhen !== undefined && holds(field.emptyWhen, values);
}

export interface FieldRequirement {
  required: boolean;
  mustBeEmpty: boolean;
}

/**
 * For every field of the template: must it be filled, must it stay empty,
 * for these values: the very conditions the validator applies (the keying
 * form shows them as the keyer types; a field that must stay empty is never
 * also required).
 */
export function fieldRequirements(template: RegisterTemplate, values: Readonly<Record<string, unknown>>): Record<string, FieldRequirement> {
  const ruled = ruleValues(template, values);
  const out: Record<string, FieldRequirement> = {};
  for (const f of template.fields) {
    const empty = mustBeEmpty(f, ruled);
    out[f.key] = { required: !empty && isRequired(f, ruled), mustBeEmpty: empty };
  }
  return out;
}

function presenceFindings(field: FieldDef, ctx: RuleContext, keyed: Readonly<Record<string, string>>): Finding[] {
  const value = keyed[field.key];
  const name = fieldName(ctx.template, field.key);
  if (value === undefined) {
    return isRequired(field, ctx.values) ? [{ path: field.key, severity: 'ERROR', code: 'field.required', message: `Chưa nhập ${name} (bắt buộc).` }] : [];
  }
  if (field.emptyWhen && mustBeEmpty(field, ctx.values)) {
    const cond = fieldName(ctx.template, field.emptyWhen.field);
    return [{ path: field.key, severity: 'ERROR', code: 'field.must_be_empty', message: `${name} phải để trống theo ${cond} đã chọn.` }];
  }
  return validateValue(field, value, ctx);
}

/** The values as rules read them: a code field keyed as an alias ("Nam") holds its code ("1"). */
function withCodes(template: RegisterTemplate, keyed: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...keyed };
  for (const f of template.fields) {
    const v = keyed[f.key];
    const found = f.type === 'code' && f.codeList && v !== undefined ? resolveCode(f.codeList, v) : undefined;
    if (found) out[f.key] = found.option.code;
  }
  return out;
}

/** The values as every rule reads them: cleaned (NFC, whitespace, empty dropped), code aliases as their codes. */
export function ruleValues(template: RegisterTemplate, values: Readonly<Record<string, unknown>>): Record<string, string> {
  return withCodes(template, cleanValues(values));
}

/** Columns whose leading zeros matter: given as a JS number, a zero may already be lost. */
const TEXT_ONLY = new Set(['personalId', 'idDocNo', 'registrationNo']);

function numbersForText(template: RegisterTemplate, raw: Readonly<Record<string, unknown>>): Finding[] {
  return template.fields
    .filter((f) => TEXT_ONLY.has(f.type) && typeof raw[f.key] === 'number')
    .map((f) => ({ path: f.key, severity: 'WARNING', code: 'value.not_text', message: `${fieldName(template, f.key)} được nhập dạng số; hãy nhập dạng văn bản để không mất số 0 ở đầu.` }));
}

function unknownKeys(template: RegisterTemplate, values: Readonly<Record<string, string>>): Finding[] {
  const known = new Set(template.fields.map((f) => f.key));
  return Object.keys(values)
    .filter((k) => !known.has(k))
    .map((k) => ({ path: k, severity: 'WARNING', code: 'field.unknown', message: `Cột "${k}" không có trong mẫu ${template.id}; giá trị được giữ nguyên nhưng không xuất.` }));
}

const SEVERITY_ORDER: Record<Severity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

export function validateTemplateRecord(template: RegisterTemplate, values: Readonly<Record<string, unknown>>, opts: ValidateOptions = {}): Finding[] {
  const keyed = cleanValues(values);
  const ctx: RuleContext = { template, values: withCodes(template, keyed), today: opts.today ?? new Date() };
  const findings = [
    ...template.fields.flatMap((f) => presenceFindings(f, ctx, keyed)),
    ...[...COMMON_RULES, ...template.rules].flatMap((r) => r.check(ctx)),
    ...numbersForText(template, values),
    ...unknownKeys(template, ctx.values),
  ];
  const order = new Map(template.fields.map((f, i) => [f.key, i]));
  return findings.sort((a, b) => (order.get(a.path) ?? 1e9) - (order.get(b.path) ?? 1e9) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
