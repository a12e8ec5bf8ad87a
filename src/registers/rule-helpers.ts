/**
 * Small helpers shared by the cross-field rules: read a field's value as a
 * partial date, describe a field for a message, build findings.
 */
import type { PartialDate } from '../vn/index.js';
import { judgeDeadline, limitOf, type DeadlineEra } from './deadlines.js';
import { readDate } from './date-value.js';
import type { FieldDef, Finding, RecordRule, RegisterTemplate, RuleContext, Severity } from './field.js';

export { readDate };

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
  /** The deadlines of each era (deadlines.ts); the one in force on the registration date applies. */
  eras: readonly DeadlineEra[];
}

const eraText = (era: DeadlineEra) => `${limitOf(era)} theo ${era.source}${era.note ? `; ${era.note}` : ''}`;

function deadlineFindings(spec: DeadlineSpec, values: Readonly<Record<string, string>>, event: PartialDate, reg: PartialDate): Finding[] {
  const { prefix, eventName } = spec;
  const code = values.loaiDangKy;
  const v = judgeDeadline(spec.eras, event, reg, values.noiDangKy);
  if (v.kind === 'unknown') return [];
  const after = `đăng ký sau ${v.days} ngày kể từ ${eventName}`;
  if (code === '1' && v.kind === 'late') {
    return [
      finding('loaiDangKy', 'WARNING', `${prefix}.on_time_but_late`, `Ghi "đăng ký đúng hạn" nhưng ${after} (thời hạn ${eraText(v.era)}, quy định áp dụng vào ngày đăng ký). Hãy đối chiếu với sổ.`),
    ];
  }
  if (code === '1' && v.kind === 'within_elsewhere') {
    return [
      finding(
        'loaiDangKy',
        'WARNING',
        `${prefix}.on_time_only_elsewhere`,
        `Ghi "đăng ký đúng hạn" nhưng ${after}: quá thời hạn ${eraText(v.era)}; chỉ đúng hạn nếu nơi đăng ký thuộc ${v.era.elsewhere} (thời hạn ${v.era.daysElsewhere} ngày). Hãy đối chiếu với sổ.`,
      ),
    ];
  }
  if (code === '4' && v.kind === 'within') {
    return [finding('loaiDangKy', 'WARNING', `${prefix}.late_but_on_time`, `Ghi "đăng ký quá hạn" nhưng ${after}, còn trong thời hạn ${eraText(v.era)}. Hãy đối chiếu với sổ.`)];
  }
  return [];
}

/**
 * loaiDangKy against the legal deadline in force on the registration date:
 * code 1 (đúng hạn) expects registration within the deadline, code 4 (quá
 * hạn) after it. WARNINGs only: the register's own tick-box wins.
 */
export function deadlineRule(spec: DeadlineSpec): RecordRule {
  const current = spec.eras.at(-1)!;
  return {
    id: `${spec.prefix}.registration_deadline`,
    description: `Loại đăng ký "đúng hạn" cần đăng ký trong thời hạn kể từ ${spec.eventName} theo quy định áp dụng vào ngày đăng ký (hiện nay ${eraText(current)}; trước đó: ${spec.eras
      .slice(0, -1)
      .map((e) => `${e.from}–${e.to}: ${e.days === undefined ? 'chưa xác nhận' : limitOf(e)}`)
      .join('; ')}); "quá hạn" là sau thời hạn đó (chỉ cảnh báo).`,
    check({ values }) {
      const event = readDate(values, spec.eventKey);
      const reg = readDate(values, 'ngayDangKy');
      return event && reg ? deadlineFindings(spec, values, event, reg) : [];
    },
  };
}
