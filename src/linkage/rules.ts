/**
 * Deterministic link rules as data (EXTRACTS-LINKAGE §2.1, the OpenCRVS
 * deduplication DSL): a rule is {id, label, kind, query} and a query an
 * and/or/not tree of matchers — fuzzy (names, AUTO:4,7 edits on the folded
 * name without Thị/Văn), strict (equal, or both equal to `value`) and
 * dateRange (± days; partial dates by their spans).
 * Fields are register-catalog keys: a person part (HoTen, NgaySinh,
 * GioiTinh, SoDinhDanh, read on each side's own prefix: nksHoTen, nktHoTen…)
 * or a record key (so, quyenSo, noiDangKy, loaiDangKy, meHoTen, chaHoTen).
 * Missing values are neutral, not fatal (unlike OpenCRVS, where one missing
 * field switches off a whole `and`): a matcher with a side missing yields
 * null; `and` is true when no child is false and one is true; `or` is true
 * when one child is true; `not` keeps null. A rule matches when it yields true.
 * parseRules rejects a bad file with a Vietnamese message naming the path of
 * the bad node ("rules[0].query.clauses[1].field").
 */
import { z } from 'zod';
import { Invalid } from '../core/index.js';
import { autoEdits, withinEdits } from './distance.js';
import type { Person } from './features.js';
import { LINK_KINDS } from './kinds.js';
import type { PartialDate } from '../vn/index.js';

type Value = { text: string } | { date: PartialDate } | null;

/** Rule field -> how to read it from a person, and the catalog key it stands for. */
export const RULE_FIELDS: Readonly<Record<string, { catalogKey: (p: { role: string }) => string; read: (p: Person) => Value; name?: boolean }>> = {
  HoTen: { catalogKey: (p) => `${p.role}HoTen`, read: (p) => (p.bare ? { text: p.bare } : null), name: true },
  NgaySinh: { catalogKey: (p) => `${p.role}NgaySinh`, read: (p) => (p.birth ? { date: p.birth } : null) },
  GioiTinh: { catalogKey: (p) => `${p.role}GioiTinh`, read: (p) => (p.sex ? { text: p.sex } : null) },
  SoDinhDanh: { catalogKey: (p) => `${p.role}SoDinhDanh`, read: (p) => (p.pid ? { text: p.pid } : null) },
  meHoTen: { catalogKey: () => 'meHoTen', read: (p) => (p.mother ? { text: p.mother } : null), name: true },
  chaHoTen: { catalogKey: () => 'chaHoTen', read: (p) => (p.father ? { text: p.father } : null), name: true },
  so: { catalogKey: () => 'so', read: (p) => (p.so ? { text: p.so } : null) },
  quyenSo: { catalogKey: () => 'quyenSo', read: (p) => (p.quyenSo ? { text: p.quyenSo } : null) },
  noiDangKy: { catalogKey: () => 'noiDangKy', read: (p) => (p.regPlace ? { text: p.regPlace } : null) },
  loaiDangKy: { catalogKey: () => 'loaiDangKy', read: (p) => (p.loaiDangKy ? { text: p.loaiDangKy } : null) },
};

const fieldId = z.string().refine((f) => f in RULE_FIELDS, { message: `trường không có trong danh mục quy tắc (${Object.keys(RULE_FIELDS).join(', ')})` });

export type Clause =
  | { type: 'and'; clauses: Clause[] }
  | { type: 'or'; clauses: Clause[] }
  | { type: 'not'; clause: Clause }
  | { type: 'fuzzy'; field: string }
  | { type: 'strict'; field: string; value?: string }
  | { type: 'dateRange'; field: string; days: number };

export const ClauseSchema: z.ZodType<Clause> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('and'), clauses: z.array(ClauseSchema).min(1, { message: 'cần ít nhất một điều kiện' }) }).strict(),
    z.object({ type: z.literal('or'), clauses: z.array(ClauseSchema).min(1, { message: 'cần ít nhất một điều kiện' }) }).strict(),
    z.object({ type: z.literal('not'), clause: ClauseSchema }).strict(),
    z.object({ type: z.literal('fuzzy'), field: fieldId }).strict(),
    z.object({ type: z.literal('strict'), field: fieldId, value: z.string().optional() }).strict(),
    z.object({ type: z.literal('dateRange'), field: fieldId, days: z.number().int().min(0).max(36600) }).strict(),
  ]),
);

export const RuleSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    kind: z.enum(LINK_KINDS as [string, ...string[]]),
    query: ClauseSchema,
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema> & { query: Clause };

export const RuleFileSchema = z.object({ rules: z.array(RuleSchema) }).strict();

function vietnameseIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'thiếu giá trị bắt buộc' : `kiểu không đúng (cần ${issue.expected})`;
    case 'invalid_union':
      return 'loại điều kiện không hợp lệ (and, or, not, fuzzy, strict, dateRange)';
    case 'invalid_value':
      return `giá trị không hợp lệ (được phép: ${issue.values.map(String).join(', ')})`;
    case 'unrecognized_keys':
      return `khóa không được phép: ${issue.keys.join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? 'cần ít nhất một điều kiện' : issue.origin === 'string' ? 'không được để trống' : `phải ≥ ${String(issue.minimum)}`;
    case 'too_big':
      return `phải ≤ ${String(issue.maximum)}`;
    case 'custom':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'not_multiple_of':
      return issue.message;
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** A rule file (parsed JSON) checked, or an Invalid naming the bad node's path in Vietnamese. */
export function parseRules(input: unknown): Rule[] {
  const r = RuleFileSchema.safeParse(input);
  if (r.success) {
    const ids = new Set<string>();
    r.data.rules.forEach((rule, i) => {
      if (ids.has(rule.id)) throw new Invalid('linkage.rules_invalid', `Tệp quy tắc liên kết không hợp lệ tại rules[${i}].id: mã quy tắc "${rule.id}" bị trùng.`, `rules[${i}].id`);
      ids.add(rule.id);
    });
    return r.data.rules as Rule[];
  }
  const issue = r.error.issues[0]!;
  const where = pathText(issue.path) || '(gốc)';
  throw new Invalid('linkage.rules_invalid', `Tệp quy tắc liên kết không hợp lệ tại ${where}: ${vietnameseIssue(issue)}.`, where, r.error.issues);
}

const span = (d: PartialDate): [number, number] => {
  const lo = Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1);
  const hi = d.day !== undefined ? lo : d.month !== undefined ? Date.UTC(d.year, d.month, 0) : Date.UTC(d.year, 11, 31);
  return [lo / 86_400_000, hi / 86_400_000];
};

function matcher(c: Extract<Clause, { field: string }>, a: Person, b: Person): boolean | null {
  const f = RULE_FIELDS[c.field]!;
  const va = f.read(a);
  const vb = f.read(b);
  if (va === null || vb === null) return null;
  if (c.type === 'dateRange') {
    if (!('date' in va) || !('date' in vb)) return null;
    const [alo, ahi] = span(va.date);
    const [blo, bhi] = span(vb.date);
    const gap = Math.max(0, Math.max(alo, blo) - Math.min(ahi, bhi));
    return gap <= c.days;
  }
  const ta = 'text' in va ? va.text : JSON.stringify(va.date);
  const tb = 'text' in vb ? vb.text : JSON.stringify(vb.date);
  if (c.type === 'strict') return c.value !== undefined ? ta === c.value && tb === c.value : ta === tb;
  if (ta === tb || ta.replace(/ /g, '') === tb.replace(/ /g, '')) return true;
  return withinEdits(ta, tb, autoEdits(ta.length < tb.length ? ta : tb));
}

/** Three-valued evaluation (true / false / null = not decidable, a side lacks the field). */
export function evaluate(c: Clause, a: Person, b: Person): boolean | null {
  switch (c.type) {
    case 'and': {
      const rs = c.clauses.map((x) => evaluate(x, a, b));
      if (rs.includes(false)) return false;
      return rs.includes(true) ? true : null;
    }
    case 'or': {
      const rs = c.clauses.map((x) => evaluate(x, a, b));
      if (rs.includes(true)) return true;
      return rs.includes(false) ? false : null;
    }
    case 'not': {
      const r = evaluate(c.clause, a, b);
      return r === null ? null : !r;
    }
    case 'fuzzy':
    case 'strict':
    case 'dateRange':
      return matcher(c, a, b);
  }
}

/** The ids of the rules of `kind` that match the pair. */
export function matchingRules(rules: readonly Rule[], kind: string, a: Person, b: Person): string[] {
  return rules.filter((r) => r.kind === kind && evaluate(r.query, a, b) === true).map((r) => r.id);
}
