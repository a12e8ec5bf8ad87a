/**
 * The export gate (first pass over a book): every registration is validated
 * again with the catalog as of now. A draft or a registration with an ERROR
 * finding blocks the whole book with a Vietnamese list of what to fix;
 * WARNINGs are only counted (the report lists them). A registration without
 * pages (taken in from an earlier campaign's file, never scanned here) gets
 * no PDF: it is counted and listed in the report as export.no_pages. The pass
 * Book-level rules (src/qc book checks: numbering across the books of one
 * authority and year, dates within the book) are checked too: an ERROR
 * blocks the book; WARNINGs go into the manifest (bookChecks) for the
 * reviewer's sign-off, each with its resolution when a reviewer gave one.
 * The pass also fingerprints the book (ids and versions in export order) so the
 * writing pass can prove it exported exactly what was checked.
 */
import { createHash } from 'node:crypto';
import type { ActorContext } from '../auth/index.js';
import { Invalid } from '../core/index.js';
import { streamBookRecords } from '../entry/index.js';
import { getBookChecks, type BookCheckItem } from '../qc/index.js';
import { canonicalValues, validateTemplateRecord, type Finding, type RegisterTemplate } from '../registers/index.js';
import type { RecordRow } from '../store/index.js';

export interface GateProblem {
  stt: number;
  recordId: string;
  so: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface GateSummary {
  registrations: number;
  /** Registrations without page images: exported as rows, with no PDF. */
  withoutPages: number;
  warnings: number;
  warningsByCode: Record<string, number>;
  /** Values that go out in their canonical form instead of as keyed (registers canonicalValues). */
  replacements: number;
  /** SHA-256 of "id:version" of every registration in export order. */
  fingerprint: string;
}

const LISTED = 20;
const KEPT = 500;

export const recordWarnings = (template: RegisterTemplate, record: RecordRow, today: Date): Finding[] =>
  validateTemplateRecord(template, record.values, { today }).filter((f) => f.severity === 'WARNING');

/** The report line of a registration that has no page image, hence no PDF. */
export const NO_PAGES: Finding = {
  path: '',
  severity: 'WARNING',
  code: 'export.no_pages',
  message: 'Bản ghi chưa gắn với trang ảnh nào (dữ liệu nhập từ tệp, chưa quét sổ) nên không có tệp PDF trong gói.',
};

function problemsOf(template: RegisterTemplate, record: RecordRow, stt: number, findings: Finding[]): GateProblem[] {
  const base = { stt, recordId: record.id, so: record.values.so ?? null };
  const errors = findings.filter((f) => f.severity === 'ERROR');
  const out: GateProblem[] = [];
  if (record.status !== 'completed') {
    const rest = errors.length > 0 ? ` và còn ${errors.length} lỗi` : '';
    return [{ ...base, field: null, code: 'export.draft', message: `Bản ghi chưa hoàn thành (còn đang nhập liệu${rest}).` }];
  }
  const label = (key: string) => template.fields.find((f) => f.key === key)?.label;
  for (const f of errors) out.push({ ...base, field: f.path, code: f.code, message: label(f.path) ? `${label(f.path)} (${f.path}): ${f.message}` : f.message });
  return out;
}

export function problemLine(p: GateProblem): string {
  return `${p.so ? `Số ${p.so}` : 'Không có số'} (dòng ${p.stt}): ${p.message}`;
}

function blocked(title: string, problems: GateProblem[], total: number, records: number): Invalid {
  const more = total > LISTED ? `\n… và ${total - LISTED} lỗi khác.` : '';
  const message =
    `Chưa xuất được ${title}: ${records} bản ghi có lỗi hoặc chưa hoàn thành, cần sửa trước khi xuất:\n` +
    `${problems
      .slice(0, LISTED)
      .map((p) => `- ${problemLine(p)}`)
      .join('\n')}${more}`;
  return new Invalid('export.blocked', message, undefined, { problems, total, records });
}

export async function checkGate(ctx: ActorContext, bookId: string, title: string, template: RegisterTemplate): Promise<GateSummary> {
  const today = ctx.clock();
  const fingerprint = createHash('sha256');
  const problems: GateProblem[] = [];
  const warningsByCode: Record<string, number> = {};
  let [stt, warnings, total, blockedRecords, withoutPages, replacements] = [0, 0, 0, 0, 0, 0];
  for await (const record of streamBookRecords(ctx.store.db, ctx.actor, bookId)) {
    stt++;
    fingerprint.update(`${record.id}:${record.version}\n`);
    if (record.page_ids.length === 0) withoutPages++;
    replacements += canonicalValues(template, record.values).replacements.length;
    const findings = validateTemplateRecord(template, record.values, { today });
    const found = problemsOf(template, record, stt, findings);
    if (found.length > 0) blockedRecords++;
    total += found.length;
    problems.push(...found.slice(0, Math.max(0, KEPT - problems.length)));
    for (const f of findings.filter((x) => x.severity === 'WARNING')) {
      warnings++;
      warningsByCode[f.code] = (warningsByCode[f.code] ?? 0) + 1;
    }
  }
  if (stt === 0) throw new Invalid('export.empty', `Chưa xuất được ${title}: sổ chưa có bản ghi đăng ký nào.`);
  if (total > 0) throw blocked(title, problems, total, blockedRecords);
  return { registrations: stt, withoutPages, warnings, warningsByCode, replacements, fingerprint: fingerprint.digest('hex') };
}

export interface BookRulesSummary {
  warnings: number;
  /** WARNINGs nobody resolved or explained yet. */
  open: number;
  items: { code: string; subject: string; message: string; resolution: BookCheckItem['resolution'] }[];
}

/** The book-level checks: ERRORs refuse the export (the same 'export.blocked' list, each line linked to its record); WARNINGs are returned for the manifest. */
export async function checkBookRules(ctx: ActorContext, bookId: string, title: string): Promise<BookRulesSummary> {
  const checks = await getBookChecks(ctx, bookId);
  const errors = checks.items.filter((i) => i.severity === 'ERROR');
  if (errors.length > 0) {
    const problems: GateProblem[] = errors.map((e) => ({ stt: 0, recordId: e.recordIds[0] ?? '', so: null, field: null, code: `book.${e.code}`, message: e.message }));
    const more = errors.length > LISTED ? `\n… và ${errors.length - LISTED} lỗi khác.` : '';
    const message = `Chưa xuất được ${title}: ${errors.length} lỗi kiểm tra toàn quyển sổ cần sửa trước khi xuất:\n${problems
      .slice(0, LISTED)
      .map((p) => `- ${p.message}`)
      .join('\n')}${more}`;
    throw new Invalid('export.blocked', message, undefined, { problems: problems.slice(0, KEPT), total: errors.length, records: new Set(problems.map((p) => p.recordId)).size });
  }
  const warnings = checks.items.filter((i) => i.severity === 'WARNING');
  return {
    warnings: warnings.length,
    open: warnings.filter((w) => !w.resolution).length,
    items: warnings.map((w) => ({ code: w.code, subject: w.subject, message: w.message, resolution: w.resolution })),
  };
}
