/**
 * Sampled acceptance (nghiệm thu theo mẫu): creating a lot (its population in
 * frozen order, the plan, the seed and the reproducible sample) and reading
 * it back with its progress, findings and the decision the plan's rule gives.
 * Population: completed registrations (keying passes excluded) of the scope's
 * books, ordered by book (year, register, volume, id) then registration id;
 * read page by page and kept as ids and filled-field counts only.
 * For a unit lot the sampler escalates until every book has a sampled record.
 */
import { appendEntityAction } from '../audit/index.js';
import { actorCan, actorIdOf, forbidden, isUnitVisible, userDisplayNames, type ActorContext } from '../auth/index.js';
import { Conflict, Invalid, NotFound } from '../core/index.js';
import { DEFAULT_TARGETS, planLot, sampleComplete, type LotPlan, type Targets } from './acceptance-plan.js';
import { decideLot, summarizeChecks, type FieldCheck, type LotDecision, type LotFindings } from './acceptance.js';
import { switchingState, type SwitchingState } from './iso2859-switching.js';
import { filledCounts } from './lot-fields.js';
import { CreateLotInput, type LotScope } from './lot.schema.js';
import { findLot, insertLot, insertSamples, listBooksById, listBooksOfUnit, listChecks, listDoubleKeyed, listLots, listSamples, streamPopulation } from './lot.repo.js';
import { manifestHash, newSeed, rivestSample, SAMPLER_VERSION } from './sample-rivest.js';
import { QC_SYSTEM } from './qc-actor.js';

export type LotStatus = 'sampling' | 'accepted' | 'rejected';

export interface LotView {
  id: string;
  scope: LotScope & { books: { id: string; label: string }[]; supplier: string };
  plan: LotPlan;
  targets: Targets;
  seed: string;
  sampler: string;
  manifestHash: string;
  lotSize: number;
  status: LotStatus;
  note: string;
  createdBy: string | null;
  createdAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  progress: { sampled: number; checked: number };
  findings: LotFindings;
  /** The plan's decision once every sampled record is checked; null before. */
  proposed: LotDecision | null;
  /** Stored at decision time (findings, decision, corrections). */
  decision: Record<string, unknown> | null;
}

const bookLabel = (b: { register_type: string; year_from: number; volume_no: string; authority_text: string }) => `${b.register_type} ${b.year_from} quyển ${b.volume_no} — ${b.authority_text}`;

async function scopeBooks(ctx: ActorContext, scope: LotScope) {
  const db = ctx.store.db;
  if (scope.kind === 'unit' && !(await isUnitVisible(db, ctx.actor, scope.unitCode))) throw new NotFound('unit.not_found', `Không tìm thấy đơn vị ${scope.unitCode} trong phạm vi của bạn.`);
  const books = scope.kind === 'books' ? await listBooksById(db, ctx.actor, scope.bookIds) : await listBooksOfUnit(db, ctx.actor, scope.unitCode, scope.yearFrom, scope.yearTo);
  if (scope.kind === 'books' && books.length !== new Set(scope.bookIds).size) throw new NotFound('qc.lot_book_not_found', 'Không tìm thấy một quyển sổ trong phạm vi lô.');
  if (books.length === 0) throw new Invalid('qc.lot_no_books', 'Phạm vi lô không có quyển sổ nào.', 'scope');
  return books;
}

/** The supplier whose lots the switching rules follow: the unit, else the books' authority. */
const supplierOf = (scope: LotScope, books: { authority_unit_code: string | null; authority_text: string }[]) =>
  scope.kind === 'unit' ? `unit:${scope.unitCode}` : `unit:${books[0]!.authority_unit_code ?? books[0]!.authority_text}`;

/** The ISO switching state of a supplier from its decided ISO lots, oldest first (all of them, whoever asks: the rule needs the whole history). */
export async function supplierSwitching(ctx: ActorContext, supplier: string): Promise<SwitchingState> {
  const lots = (await listLots(ctx.store.db, QC_SYSTEM)).filter((l) => l.status !== 'sampling' && l.scope.supplier === supplier && (l.plan as { kind?: string }).kind === 'iso2859');
  lots.sort((a, b) => a.decided_at!.getTime() - b.decided_at!.getTime());
  return switchingState(
    lots.map((l) => {
      const d = (l.decision ?? {}) as { decision?: LotDecision };
      return { accepted: l.status === 'accepted', ac: (l.plan as { ac: number }).ac, nonconforming: d.decision?.isoVerdict?.nonconforming ?? 0 };
    }),
  );
}

/** One registration of a lot's population, without its values. */
interface Member {
  id: string;
  book_id: string;
  keyed_by: string | null;
  version: number;
  filled: { critical: number; other: number };
}

async function readPopulation(ctx: ActorContext, bookIds: readonly string[]): Promise<Member[]> {
  const out: Member[] = [];
  for await (const r of streamPopulation(ctx.store.db, ctx.actor, bookIds)) {
    out.push({ id: r.id, book_id: r.book_id, keyed_by: r.keyed_by, version: r.version, filled: filledCounts(r.template_version, r.values) });
  }
  return out;
}

function drawSample(seed: string, plan: LotPlan, population: Member[], everyBook: boolean): number[] {
  const books = new Set(population.map((r) => r.book_id));
  return rivestSample(seed, population.length, plan.sampleSize, (drawn) => {
    if (
      !sampleComplete(
        plan,
        drawn.map((p) => population[p - 1]!.filled),
      )
    )
      return false;
    return !everyBook || new Set(drawn.map((p) => population[p - 1]!.book_id)).size === books.size;
  });
}

function meanFilled(population: Member[]): { critical: number; other: number } {
  const sum = population.reduce((s, r) => ({ critical: s.critical + r.filled.critical, other: s.other + r.filled.other }), { critical: 0, other: 0 });
  return { critical: sum.critical / population.length, other: sum.other / population.length };
}

export async function createLot(ctx: ActorContext, input: CreateLotInput): Promise<LotView> {
  if (!actorCan(ctx.actor, 'qc.accept') && !actorCan(ctx.actor, 'qc.plan')) throw forbidden('qc.plan');
  const c = CreateLotInput.parse(input);
  const actorId = actorIdOf(ctx.actor);
  const books = await scopeBooks(ctx, c.scope);
  const population = await readPopulation(
    ctx,
    books.map((b) => b.id),
  );
  if (population.length === 0) throw new Invalid('qc.lot_empty', 'Phạm vi lô chưa có bản ghi nào đã hoàn thành để lấy mẫu.', 'scope');
  const supplier = supplierOf(c.scope, books);
  const switching = c.plan.kind === 'iso2859' && !c.plan.severity ? await supplierSwitching(ctx, supplier) : undefined;
  if (switching?.severity === 'discontinued')
    throw new Conflict('qc.lot_discontinued', 'Đơn vị này đã bị tạm dừng nghiệm thu (5 lô không đạt khi kiểm tra chặt). Cần khắc phục rồi chọn chế độ kiểm tra chặt (tightened) cho lô mới.');
  const severity = c.plan.severity ?? (switching?.severity as 'normal' | 'tightened' | 'reduced' | undefined);
  const targets = c.targets ?? DEFAULT_TARGETS;
  const plan = planLot({ ...c.plan, severity, lotSize: population.length, targets, fieldsPerRecord: meanFilled(population) });
  const seed = c.seed ?? newSeed();
  const picks = drawSample(seed, plan, population, c.scope.kind === 'unit');
  const picked = picks.map((p) => population[p - 1]!);
  const doubleKeyed = await listDoubleKeyed(
    ctx.store.db,
    picked.map((r) => r.id),
  );
  const id = await ctx.store.db.transaction().execute(async (tx) => {
    const lotId = await insertLot(tx, {
      scope: JSON.stringify({ ...c.scope, supplier, books: books.map((b) => ({ id: b.id, label: bookLabel(b) })) }),
      plan: JSON.stringify(plan),
      targets: JSON.stringify(targets),
      seed,
      sampler: SAMPLER_VERSION,
      manifest_hash: manifestHash(population.map((r) => r.id)),
      lot_size: population.length,
      note: c.note,
      created_by: actorId,
      created_at: ctx.clock(),
    });
    await insertSamples(
      tx,
      picked.map((r, i) => ({ lot_id: lotId, record_id: r.id, seq: i + 1, position: picks[i]!, keyer_id: doubleKeyed.has(r.id) ? null : r.keyed_by, record_version: r.version })),
    );
    await appendEntityAction(tx, { entityType: 'qc_lot', entityId: lotId, kind: 'created', actorId, payload: { scope: c.scope, seed, lotSize: population.length, sampleSize: picked.length } });
    return lotId;
  });
  return getLot(ctx, id);
}

export function toFieldCheck(c: { record_id: string; field_key: string; ok: boolean; critical: boolean; keyed_value: string; correct_value: string | null }): FieldCheck {
  return { recordId: c.record_id, fieldKey: c.field_key, ok: c.ok, critical: c.critical, keyedValue: c.keyed_value, correctValue: c.correct_value };
}

export async function getLotRow(ctx: ActorContext, id: string) {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findLot(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw new NotFound('qc.lot_not_found', 'Không tìm thấy lô nghiệm thu này.');
  return row;
}

export async function getLot(ctx: ActorContext, id: string): Promise<LotView> {
  const row = await getLotRow(ctx, id);
  const samples = await listSamples(ctx.store.db, id);
  const checks = (await listChecks(ctx.store.db, id)).map(toFieldCheck);
  const plan = row.plan as unknown as LotPlan;
  const targets = row.targets as unknown as Targets;
  const findings = summarizeChecks(
    samples.map((s) => s.record_id),
    checks,
    targets,
  );
  const proposed = findings.recordsChecked === findings.sampleSize ? decideLot(plan, findings) : null;
  const names = await userDisplayNames(ctx, [row.decided_by]);
  return {
    id: row.id,
    scope: row.scope as unknown as LotView['scope'],
    plan,
    targets,
    seed: row.seed,
    sampler: row.sampler,
    manifestHash: row.manifest_hash,
    lotSize: row.lot_size,
    status: row.status as LotStatus,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedByName: names.get(row.decided_by ?? '') ?? null,
    decidedAt: row.decided_at,
    progress: { sampled: samples.length, checked: findings.recordsChecked },
    findings,
    proposed,
    decision: row.decision,
  };
}

export async function listLotViews(ctx: ActorContext): Promise<{ id: string; status: string; lotSize: number; createdAt: Date; scope: unknown; planKind: string }[]> {
  return (await listLots(ctx.store.db, ctx.actor)).map((l) => ({
    id: l.id,
    status: l.status,
    lotSize: l.lot_size,
    createdAt: l.created_at,
    scope: l.scope,
    planKind: String((l.plan as { kind?: string }).kind),
  }));
}
