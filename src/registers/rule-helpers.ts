/**
 * Small helpers shared by the cross-field rules: read a field's value as a
 * partial date, describe a field for a message, build findings.
 */
import { daysBetween, parsePartialDate, type PartialDate } from '../vn/index.js';
import type { FieldDef, Finding, RecordRule, RegisterTemplate, RuleContext, Severity } from './field.js';

export function readDate(values: Readonly<Record<string, string>>, key: string): PartialDate | undefined {
  const raw = values[key];
  if (!raw) return undefined;
  const parsed = parsePartialDate(raw);
  return parsed.ok ? parsed.date : undefined;
}

export function findField(template: RegisterTemplate, key: string): FieldDef | undefined {
  return template.fields.find((f) => f.key === key);
}

export function has(ctx: RuleContext, key: string): boolean {
  return findField(ctx.template, key) !== undefined;
}

/** «Label» (person), for messages. */
export function fieldName(template: RegisterTemplate, key: string): string {
  const f = findField(template, key);
  if (!f) return `«${key}»`;
  const who = f.person ? template.persons.find((p) => p.prefix === f.person)?.label : undefined;
  return who && !f.label.includes(who) ? `«${f.label}» của ${who}` : `«${f.label}»`;
}

export function finding(path: string, severity: Severity, code: string, message: string): Finding {
  return { path, severity, code, message };
}

/** The key of the field playing `role` for person `prefix`, if the template has one. */
export function roleKey(template: RegisterTemplate, prefix: string, role: FieldDef['role']): string | undefined {
  return template.fields.find((f) => f.person === prefix && f.role === role)?.key;
}

/** Completed years at `at`: exact when both days are known, else the largest age possible. */
export function maxAgeAt(birth: PartialDate, at: PartialDate): number {
  const years = at.year - birth.year;
  if (birth.month === undefined || at.month === undefined) return years;
  if (at.month !== birth.month) return at.month > birth.month ? years : years - 1;
  if (birth.day === undefined || at.day === undefined) return years;
  return at.day >= birth.day ? years : years - 1;
}

export interface DeadlineSpec {
  /** Rule id prefix and finding code prefix: 'ks', 'kt'. */
  prefix: string;
  /** The event date field (nksNgaySinh, nktNgayChet) and how the message calls it ("ngày sinh"). */
  eventKey: string;
  eventName: string;
  days: number;
  law: string;
}

/**
 * loaiDangKy against the legal deadline: code 1 (đúng hạn) expects registration
 * within `days` of the event, code 4 (quá hạn) after. WARNINGs only: older
 * regulations had other deadlines and the register's own tick-box wins.
 */
export function deadlineRule(spec: DeadlineSpec): RecordRule {
  const { prefix, eventKey, eventName, days: limit } = spec;
  return {
    id: `${prefix}.registration_deadline`,
    description: `Loại đăng ký "đúng hạn" cần đăng ký trong ${limit} ngày kể từ ${eventName} (${spec.law}); "quá hạn" là sau thời hạn đó (chỉ cảnh báo).`,
    check({ values }) {
      const event = readDate(values, eventKey);
      const reg = readDate(values, 'ngayDangKy');
      const days = event && reg ? daysBetween(event, reg) : undefined;
      if (days === undefined) return [];
      if (values.loaiDangKy === '1' && days > limit) {
        return [finding('loaiDangKy', 'WARNING', `${prefix}.on_time_but_late`,
          `Ghi "đăng ký đúng hạn" nhưng đăng ký sau ${days} ngày kể từ ${eventName} (thời hạn ${limit} ngày theo ${spec.law}). Hãy đối chiếu với sổ.`)];
      }
      if (values.loaiDangKy === '4' && days <= limit) {
        return [finding('loaiDangKy', 'WARNING', `${prefix}.late_but_on_time`,
          `Ghi "đăng ký quá hạn" nhưng đăng ký sau ${days} ngày, còn trong thời hạn ${limit} ngày. Hãy đối chiếu với sổ.`)];
      }
      return [];
    },
  };
}
