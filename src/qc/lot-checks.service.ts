/**
 * The reviewer's side of a lot: the sampled registrations, one sampled
 * registration with every field to check, and the checks of one registration
 * (all template fields at once: the listed ones wrong with their correct
 * value, every other one correct). Re-checking replaces the registration's
 * checks while the lot is sampling; a decided lot refuses (Conflict).
 */
import { actorIdOf, assertPermission, logRead, type ActorContext } from '../auth/index.js';
import { Conflict, Invalid, NotFound } from '../core/index.js';
import { cleanText } from '../vn/index.js';
import { checkableFields, type CheckableField } from './lot-fields.js';
import { SubmitChecksInput } from './lot.schema.js';
import { listChecks, listSamples, replaceChecks } from './lot.repo.js';
import { getLotRow } from './lot.service.js';

export interface SampleItem {
  seq: number;
  recordId: string;
  bookId: string;
  templateId: string;
  position: number;
  checked: boolean;
  errors: number;
}

export interface SampledRecord {
  lotId: string;
  seq: number;
  total: number;
  recordId: string;
  bookId: string;
  templateId: string;
  pageIds: string[];
  version: number;
  fields: (CheckableField & { value: string; check: { ok: boolean; correctValue: string | null } | null })[];
  prev: string | null;
  next: string | null;
}

export async function listSample(ctx: ActorContext, lotId: string): Promise<SampleItem[]> {
  await getLotRow(ctx, lotId);
  const checks = await listChecks(ctx.store.db, lotId);
  return (await listSamples(ctx.store.db, lotId)).map((s) => {
    const mine = checks.filter((c) => c.record_id === s.record_id);
    return { seq: s.seq, recordId: s.record_id, bookId: s.book_id, templateId: s.template_version, position: s.position, checked: mine.length > 0, errors: mine.filter((c) => !c.ok).length };
  });
}

export async function getSampledRecord(ctx: ActorContext, lotId: string, recordId: string): Promise<SampledRecord> {
  await getLotRow(ctx, lotId);
  await logRead(ctx, { action: 'qc.sample', entityType: 'record', entityId: recordId });
  const samples = await listSamples(ctx.store.db, lotId);
  const i = samples.findIndex((s) => s.record_id === recordId);
  const s = samples[i];
  if (!s) throw new NotFound('qc.sample_not_found', 'Bản ghi này không nằm trong mẫu của lô.');
  const checks = new Map((await listChecks(ctx.store.db, lotId)).filter((c) => c.record_id === recordId).map((c) => [c.field_key, c]));
  const fields = checkableFields(s.template_version).map((f) => {
    const c = checks.get(f.key);
    return { ...f, value: s.values[f.key] ?? '', check: c ? { ok: c.ok, correctValue: c.correct_value } : null };
  });
  return {
    lotId,
    seq: s.seq,
    total: samples.length,
    recordId,
    bookId: s.book_id,
    templateId: s.template_version,
    pageIds: s.page_ids,
    version: s.version,
    fields,
    prev: samples[i - 1]?.record_id ?? null,
    next: samples[i + 1]?.record_id ?? null,
  };
}

export async function submitChecks(ctx: ActorContext, lotId: string, input: SubmitChecksInput): Promise<SampledRecord> {
  assertPermission(ctx.actor, 'records.review');
  const c = SubmitChecksInput.parse(input);
  const actorId = actorIdOf(ctx.actor);
  const lot = await getLotRow(ctx, lotId);
  if (lot.status !== 'sampling') throw new Conflict('qc.lot_decided', 'Lô đã có quyết định nghiệm thu: không sửa được kết quả kiểm tra.');
  const sample = (await listSamples(ctx.store.db, lotId)).find((s) => s.record_id === c.recordId);
  if (!sample) throw new NotFound('qc.sample_not_found', 'Bản ghi này không nằm trong mẫu của lô.');
  const fields = checkableFields(sample.template_version);
  const known = new Set(fields.map((f) => f.key));
  const wrong = Object.fromEntries(Object.entries(c.wrong).map(([k, v]) => [k, cleanText(v)]));
  for (const [key, value] of Object.entries(wrong)) {
    if (!known.has(key)) throw new Invalid('qc.check_unknown_field', `Trường "${key}" không có trong mẫu sổ của bản ghi.`, `wrong.${key}`);
    if (value === cleanText(sample.values[key] ?? ''))
      throw new Invalid('qc.check_same_value', `Trường "${fields.find((f) => f.key === key)!.label}": giá trị đúng trùng với giá trị đã nhập — nếu giá trị đúng thì đánh dấu là đúng.`, `wrong.${key}`);
  }
  const at = ctx.clock();
  const rows = fields.map((f) => ({
    lot_id: lotId,
    record_id: c.recordId,
    field_key: f.key,
    ok: !(f.key in wrong),
    keyed_value: sample.values[f.key] ?? '',
    correct_value: f.key in wrong ? wrong[f.key]! : null,
    critical: f.critical,
    checked_by: actorId,
    checked_at: at,
  }));
  await ctx.store.db.transaction().execute((tx) => replaceChecks(tx, lotId, c.recordId, rows));
  return getSampledRecord(ctx, lotId, c.recordId);
}
