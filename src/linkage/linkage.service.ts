/**
 * Linkage against the database: runs (full for a unit or the province, or
 * incremental over the records completed since), candidates in the
 * reviewer's scope, and decisions.
 * - A full run loads the registrations of the unit, trains the parameters on
 *   them (EM, u from random pairs), scores the blocked pairs and writes the
 *   candidates; the parameters are kept on the run (link_runs.params).
 * - An incremental run takes the records of link_dirty, their blocks through
 *   search's person_index (same given name and birth year, same họ+đệm, same
 *   folded name), and scores only pairs touching them, with the parameters of
 *   the last full run (trained on the loaded records when there is none).
 * - A pair with any decision is never proposed again.
 * - Deciding: duplicate_of (kind duplicate or reregistration; keepId is the
 *   record kept, the other is not exported again), linked (same person,
 *   other kinds), not_same (any kind). Append-only: link_decisions and an
 *   entity_actions row (link_pair), in one transaction with the scope check.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/index.js';
import { actorIdOf, assertPermission, contextOfUser, isUnitVisible, seesEverything, type ActorContext } from '../auth/index.js';
import { appendEntityAction } from '../audit/index.js';
import { Conflict, enqueueJob, Invalid, NotFound, parseWith, type AppContext, type JobInfo } from '../core/index.js';
import { DEFAULT_RULES } from './default-rules.js';
import type { KindModel } from './kinds.js';
import { featureTable, linkPersons, type Candidate } from './link.js';
import { candidatesInScope, decidedPairs, loadRecords, loadRecordsById, neighbourIds, upsertCandidates, type StoredRecord } from './linkage.repo.js';
import type { Params } from './train.js';

export interface LinkageJob {
  unitId: string | null;
  mode: 'full' | 'incremental';
  actorId: string | null;
}

export interface RunReport {
  runId: string;
  records: number;
  persons: number;
  pairs: number;
  candidates: number;
  written: number;
}

type ParamSet = Partial<Record<KindModel['kind'], Params>>;

const serialize = (p: ParamSet) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, { ...v, tf: Object.fromEntries(Object.entries(v.tf).map(([c, m]) => [c, Object.fromEntries(m)])) }]));
const deserialize = (raw: Record<string, unknown>): ParamSet =>
  Object.fromEntries(
    Object.entries(raw).map(([k, v]) => {
      const p = v as Omit<Params, 'tf'> & { tf: Record<string, Record<string, number>> };
      return [k, { ...p, tf: Object.fromEntries(Object.entries(p.tf).map(([c, m]) => [c, new Map(Object.entries(m))])) }];
    }),
  );

/** Marks completed registrations for the next incremental run (entry calls it in the completing transaction). */
export async function markForLinkage(db: Kysely<Database> | Transaction<Database>, recordIds: string | readonly string[]): Promise<void> {
  const ids = typeof recordIds === 'string' ? [recordIds] : recordIds;
  if (ids.length === 0) return;
  await db
    .insertInto('link_dirty')
    .values(ids.map((record_id) => ({ record_id })))
    .onConflict((oc) => oc.column('record_id').doNothing())
    .execute();
}

const StartInput = z.object({ unitId: z.string().min(1).nullable().default(null), mode: z.enum(['full', 'incremental']).default('full') }, { message: 'Yêu cầu chạy liên kết không hợp lệ.' });

/** Queues a run; the unit must be in the actor's scope, the province needs a grant on everything. */
export async function startLinkage(ctx: ActorContext, body: unknown): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'records.review');
  const input = parseWith(StartInput, body ?? {}, 'linkage.invalid');
  if (input.unitId === null ? !(await seesEverything(ctx.store.db, ctx.actor)) : !(await isUnitVisible(ctx.store.db, ctx.actor, input.unitId)))
    throw new NotFound('unit.not_found', 'Không tìm thấy đơn vị này trong phạm vi của bạn.');
  const jobId = await enqueueJob<{ 'linkage.run': LinkageJob }, 'linkage.run'>(ctx, 'linkage.run', { unitId: input.unitId, mode: input.mode, actorId: actorIdOf(ctx.actor) });
  return { jobId };
}

async function loadAll(ctx: AppContext, unitId: string | null, job?: JobInfo): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for (let after: string | undefined; ;) {
    const batch = await loadRecords(ctx.store.db, unitId, after);
    if (batch.length === 0) return out;
    out.push(...batch);
    after = batch.at(-1)!.id;
    job?.progress({ step: 'đọc bản ghi', records: out.length });
  }
}

async function lastParams(ctx: AppContext): Promise<ParamSet | undefined> {
  const row = await ctx.store.db.selectFrom('link_runs').select('params').where('mode', '=', 'full').where('finished_at', 'is not', null).orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
  return row ? deserialize(row.params) : undefined;
}

/** The job: one run, full or incremental. */
export async function runLinkageJob(app: AppContext, payload: LinkageJob, job?: JobInfo): Promise<RunReport> {
  const ctx = await contextOfUser(app, payload.actorId, 'job:linkage');
  const db = ctx.store.db;
  const run = await db.insertInto('link_runs').values({ unit_id: payload.unitId, mode: payload.mode, started_by: payload.actorId }).returning('id').executeTakeFirstOrThrow();
  let records: StoredRecord[];
  let focus: Set<string> | undefined;
  let params: ParamSet | undefined;
  let dirty: string[] = [];
  if (payload.mode === 'full') records = await loadAll(ctx, payload.unitId, job);
  else {
    dirty = (await db.selectFrom('link_dirty').select('record_id').orderBy('marked_at').limit(2000).execute()).map((r) => r.record_id);
    focus = new Set(dirty);
    records = await loadRecordsById(db, [...new Set([...dirty, ...(await neighbourIds(db, dirty))])]);
    params = await lastParams(ctx);
  }
  job?.progress({ step: 'so sánh', records: records.length });
  const result = linkPersons(featureTable(records), { rules: DEFAULT_RULES, ...(params ? { params } : {}), ...(focus ? { focus } : {}) });
  const decided = await decidedPairs(db, focus ? [...focus] : undefined);
  const fresh = result.candidates.filter((c) => !decided.has(`${c.a}|${c.b}`));
  const books = new Map(records.map((r) => [r.id, r.bookId]));
  job?.progress({ step: 'ghi kết quả', candidates: fresh.length });
  const pairs = Object.values(result.stats).reduce((s, st) => s + (st?.pairs ?? 0), 0);
  const written = await db.transaction().execute(async (tx) => {
    const n = await upsertCandidates(tx, run.id, fresh, books);
    if (dirty.length > 0) await tx.deleteFrom('link_dirty').where('record_id', 'in', dirty).execute();
    const stats = { records: records.length, persons: result.persons, pairs, candidates: fresh.length, written: n };
    await tx
      .updateTable('link_runs')
      .set({ params: JSON.stringify(payload.mode === 'full' ? serialize(result.params) : {}), stats: JSON.stringify(stats), finished_at: ctx.clock() })
      .where('id', '=', run.id)
      .execute();
    return n;
  });
  return { runId: run.id, records: records.length, persons: result.persons, pairs, candidates: fresh.length, written };
}

export interface CandidateView {
  id: string;
  kind: string;
  recordA: string;
  recordB: string;
  roleA: string;
  roleB: string;
  bookA: string;
  bookB: string;
  probability: number;
  weight: number;
  explanation: Candidate['explanation'];
  /** The Vietnamese labels of the deterministic rules that matched (explanation.rules holds their ids). */
  ruleLabels: string[];
  status: string;
  decision: { decision: string; keepId: string | null; reason: string; decidedAt: string } | null;
}

const ruleLabel = (id: string) => DEFAULT_RULES.find((r) => r.id === id)?.label ?? id;

const ListQuery = z.object({ status: z.enum(['open', 'decided']).optional(), kind: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

export async function listCandidates(ctx: ActorContext, query: unknown): Promise<CandidateView[]> {
  assertPermission(ctx.actor, 'records.review');
  const q = parseWith(ListQuery, query ?? {}, 'linkage.invalid');
  let sel = candidatesInScope(ctx.store.db, ctx.actor).selectAll('link_candidates');
  if (q.status) sel = sel.where('link_candidates.status', '=', q.status);
  if (q.kind) sel = sel.where('link_candidates.kind', '=', q.kind);
  const rows = await sel.orderBy('link_candidates.weight', 'desc').orderBy('link_candidates.id').limit(q.limit).execute();
  const decisions = rows.length
    ? await ctx.store.db
        .selectFrom('link_decisions')
        .selectAll()
        .where(
          'candidate_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('decided_at', 'desc')
        .execute()
    : [];
  return rows.map((r) => {
    const d = decisions.find((x) => x.candidate_id === r.id);
    return {
      id: r.id,
      kind: r.kind,
      recordA: r.record_a,
      recordB: r.record_b,
      roleA: r.role_a,
      roleB: r.role_b,
      bookA: r.book_a,
      bookB: r.book_b,
      probability: r.probability,
      weight: r.weight,
      explanation: r.explanation as unknown as Candidate['explanation'],
      ruleLabels: ((r.explanation as unknown as Candidate['explanation']).rules ?? []).map(ruleLabel),
      status: r.status,
      decision: d ? { decision: d.decision, keepId: d.keep_id, reason: d.reason, decidedAt: d.decided_at.toISOString() } : null,
    };
  });
}

export async function getCandidate(ctx: ActorContext, id: string): Promise<CandidateView> {
  assertPermission(ctx.actor, 'records.review');
  if (!z.uuid().safeParse(id).success) throw new NotFound('linkage.not_found', 'Không tìm thấy cặp bản ghi này.');
  const all = await listCandidatesById(ctx, id);
  if (!all) throw new NotFound('linkage.not_found', 'Không tìm thấy cặp bản ghi này.');
  return all;
}

async function listCandidatesById(ctx: ActorContext, id: string): Promise<CandidateView | undefined> {
  const row = await candidatesInScope(ctx.store.db, ctx.actor).select('link_candidates.status').where('link_candidates.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await listCandidates(ctx, { status: row.status, limit: 500 })).find((c) => c.id === id);
}

const DecideInput = z.object(
  {
    decision: z.enum(['duplicate_of', 'linked', 'not_same'], { message: 'Quyết định phải là: trùng (duplicate_of), liên kết (linked) hoặc không phải cùng một người (not_same).' }),
    keepId: z.uuid({ message: 'Cần chỉ rõ bản ghi được giữ lại (keepId).' }).optional(),
    reason: z.string().max(2000).default(''),
  },
  { message: 'Quyết định không hợp lệ.' },
);

export async function decideCandidate(ctx: ActorContext, id: string, body: unknown): Promise<CandidateView> {
  assertPermission(ctx.actor, 'records.review');
  const input = parseWith(DecideInput, body, 'linkage.invalid');
  if (!z.uuid().safeParse(id).success) throw new NotFound('linkage.not_found', 'Không tìm thấy cặp bản ghi này.');
  await ctx.store.db.transaction().execute(async (tx) => {
    const c = await candidatesInScope(tx, ctx.actor).selectAll('link_candidates').where('link_candidates.id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw new NotFound('linkage.not_found', 'Không tìm thấy cặp bản ghi này.');
    const dupKind = c.kind === 'duplicate' || c.kind === 'reregistration';
    if (input.decision === 'duplicate_of' && !dupKind) throw new Invalid('linkage.invalid', 'Chỉ cặp trùng hoặc đăng ký lại mới đánh dấu là trùng được; cặp này hãy chọn "liên kết".', 'decision');
    if (input.decision === 'linked' && dupKind) throw new Invalid('linkage.invalid', 'Cặp trùng hãy chọn "trùng" (giữ lại một bản ghi) hoặc "không phải cùng một người".', 'decision');
    if (input.decision === 'duplicate_of' && (!input.keepId || ![c.record_a, c.record_b].includes(input.keepId)))
      throw new Invalid('linkage.invalid', 'Cần chọn bản ghi được giữ lại (keepId), là một trong hai bản ghi của cặp.', 'keepId');
    const last = await tx.selectFrom('link_decisions').select('decision').where('candidate_id', '=', id).orderBy('decided_at', 'desc').limit(1).executeTakeFirst();
    if (last && last.decision === input.decision && !input.reason) throw new Conflict('linkage.already_decided', 'Cặp này đã được quyết định như vậy.');
    const keepId = input.decision === 'duplicate_of' ? input.keepId! : null;
    await tx
      .insertInto('link_decisions')
      .values({ candidate_id: id, kind: c.kind, record_a: c.record_a, record_b: c.record_b, decision: input.decision, keep_id: keepId, reason: input.reason, decided_by: actorIdOf(ctx.actor) })
      .execute();
    await tx.updateTable('link_candidates').set({ status: 'decided', updated_at: ctx.clock() }).where('id', '=', id).execute();
    await appendEntityAction(tx, {
      entityType: 'link_pair',
      entityId: id,
      kind: `link.${input.decision}`,
      actorId: actorIdOf(ctx.actor),
      bookId: c.book_a,
      reason: input.reason,
      payload: { kind: c.kind, recordA: c.record_a, recordB: c.record_b, keepId, bookB: c.book_b },
    });
  });
  return getCandidate(ctx, id);
}

/** The records of a book decided to be a duplicate of another and not kept: not exported again. With the decision, for the export report. */
export async function droppedDuplicates(db: Kysely<Database> | Transaction<Database>, bookId: string): Promise<Map<string, { keepId: string; decidedAt: Date }>> {
  const out = new Map<string, { keepId: string; decidedAt: Date }>();
  const ofBook = db.selectFrom('records').select('records.id').where('records.book_id', '=', bookId);
  const rows = await db
    .selectFrom('link_decisions as d')
    .select(['d.candidate_id', 'd.record_a', 'd.record_b', 'd.decision', 'd.keep_id', 'd.decided_at'])
    .where((eb) => eb.or([eb('d.record_a', 'in', ofBook), eb('d.record_b', 'in', ofBook)]))
    .orderBy('d.decided_at', 'asc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.candidate_id, r);
  for (const r of latest.values()) {
    if (r.decision !== 'duplicate_of' || !r.keep_id) continue;
    const dropped = r.keep_id === r.record_a ? r.record_b : r.record_a;
    out.set(dropped, { keepId: r.keep_id, decidedAt: r.decided_at });
  }
  return out;
}
