/**
 * Campaigns and work packages: create, change by decision (version + reason,
 * each change an entity_actions row with who and why), remove, read within
 * scope. A package's estimates default to the inventory (fields from the
 * catalog's field count); its stages name deadline, organization, person and
 * unit price. Planning needs plans.manage; reading plans.read.
 */
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, isUnitVisible, type ActorContext } from '../auth/index.js';
import { Conflict, Invalid, NotFound } from '../core/index.js';
import { transact } from '../store/index.js';
import { CampaignInput, ChangeInput, PackageInput, parsePlanInput } from './plan.schema.js';
import * as repo from './plan.repo.js';
import { rebuildPackage } from './package-rollup.js';
import { campaignView, estimatesFrom, packageView, type CampaignView, type PackageView } from './plan-views.js';

const campaignNotFound = (id: string) => new NotFound('campaign.not_found', `Không tìm thấy kế hoạch ${id} trong phạm vi của bạn.`);
const packageNotFound = (id: string) => new NotFound('work_package.not_found', `Không tìm thấy gói việc ${id} trong phạm vi của bạn.`);
const stale = () => new Conflict('plan.stale', 'Kế hoạch đã được người khác sửa; hãy tải lại trước khi điều chỉnh.');

export async function createCampaign(ctx: ActorContext, input: CampaignInput): Promise<CampaignView> {
  assertPermission(ctx.actor, 'plans.manage');
  const c = parsePlanInput(CampaignInput, input);
  return transact(ctx.store.db, async (tx) => {
    if (c.unitId && !(await isUnitVisible(tx, ctx.actor, c.unitId))) throw new NotFound('unit.not_found', `Không tìm thấy đơn vị ${c.unitId} trong phạm vi của bạn.`);
    const row = await tx
      .insertInto('plan_campaigns')
      .values({
        name: c.name,
        doc_ref: c.docRef,
        issued_on: c.issuedOn ?? null,
        scope_text: c.scopeText,
        unit_id: c.unitId ?? null,
        created_by: actorIdOf(ctx.actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEntityAction(tx, { entityType: 'campaign', entityId: row.id, kind: 'created', actorId: actorIdOf(ctx.actor), reason: c.reason, payload: { name: c.name, docRef: c.docRef } });
    return campaignView(row);
  });
}

export async function updateCampaign(ctx: ActorContext, id: string, input: CampaignInput & { version: number }): Promise<CampaignView> {
  assertPermission(ctx.actor, 'plans.manage');
  return transact(ctx.store.db, async (tx) => {
    if (!(await repo.findCampaign(tx, ctx.actor, id))) throw campaignNotFound(id);
    const change = parsePlanInput(ChangeInput, input);
    const c = parsePlanInput(CampaignInput, input);
    const row = await tx
      .updateTable('plan_campaigns')
      .set({
        name: c.name,
        doc_ref: c.docRef,
        issued_on: c.issuedOn ?? null,
        scope_text: c.scopeText,
        unit_id: c.unitId ?? null,
        version: change.version + 1,
        updated_at: ctx.clock(),
      })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw stale();
    await appendEntityAction(tx, {
      entityType: 'campaign',
      entityId: id,
      kind: 'changed',
      actorId: actorIdOf(ctx.actor),
      reason: change.reason,
      payload: { ...c, reason: undefined, version: row.version },
    });
    return campaignView(row);
  });
}

export async function listCampaigns(ctx: ActorContext): Promise<CampaignView[]> {
  assertPermission(ctx.actor, 'plans.read');
  return (await repo.listCampaignRows(ctx.store.db, ctx.actor)).map(campaignView);
}

export async function getCampaign(ctx: ActorContext, id: string): Promise<CampaignView & { packages: PackageView[] }> {
  assertPermission(ctx.actor, 'plans.read');
  const row = await repo.findCampaign(ctx.store.db, ctx.actor, id);
  if (!row) throw campaignNotFound(id);
  return { ...campaignView(row), packages: await listPackages(ctx, id) };
}

export async function listPackages(ctx: ActorContext, campaignId?: string): Promise<PackageView[]> {
  assertPermission(ctx.actor, 'plans.read');
  const rows = await repo.listPackageRows(ctx.store.db, ctx.actor, campaignId);
  const stages = await repo.listStageRows(
    ctx.store.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => packageView(r, stages));
}

export async function getPackage(ctx: ActorContext, id: string): Promise<PackageView> {
  assertPermission(ctx.actor, 'plans.read');
  const row = await repo.findPackage(ctx.store.db, ctx.actor, id);
  if (!row) throw packageNotFound(id);
  return packageView(row, await repo.listStageRows(ctx.store.db, [id]));
}

/** Checks a package's unit (in scope) and organizations, and fills the estimates. */
async function preparePackage(ctx: ActorContext, tx: Parameters<typeof repo.inventoryOf>[0], p: ReturnType<typeof PackageInput.parse>) {
  if (!(await isUnitVisible(tx, ctx.actor, p.unitId))) throw new NotFound('unit.not_found', `Không tìm thấy đơn vị ${p.unitId} trong phạm vi của bạn.`);
  const orgIds = p.stages.map((s) => s.organizationId).filter((x): x is string => !!x);
  const known = await repo.organizationsExist(tx, orgIds);
  const unknown = orgIds.find((o) => !known.has(o));
  if (unknown) throw new Invalid('organization.not_found', `Không có đơn vị chịu trách nhiệm ${unknown}.`, 'stages');
  if (new Set(p.stages.map((s) => s.stage)).size !== p.stages.length) throw new Invalid('plan.stage_twice', 'Mỗi công đoạn chỉ khai một lần trong một gói việc.', 'stages');
  const estimates = estimatesFrom(p.estimates, await repo.inventoryOf(tx, p), p.registerTypes);
  const stages = p.stages.map((s) => ({ stage: s.stage, deadline: s.deadline ?? null, organization_id: s.organizationId ?? null, person: s.person, unit_price: s.unitPrice ?? null }));
  return { estimates, stages };
}

const packageColumns = (p: ReturnType<typeof PackageInput.parse>, e: ReturnType<typeof estimatesFrom>) => ({
  unit_id: p.unitId,
  register_types: JSON.stringify(p.registerTypes),
  year_from: p.yearFrom,
  year_to: p.yearTo,
  est_books: e.books,
  est_pages: e.pages,
  est_registrations: e.registrations,
  est_fields: e.fields,
  note: p.note,
});

export async function addPackage(ctx: ActorContext, campaignId: string, input: PackageInput): Promise<PackageView> {
  assertPermission(ctx.actor, 'plans.manage');
  return transact(ctx.store.db, async (tx) => {
    if (!(await repo.findCampaign(tx, ctx.actor, campaignId))) throw campaignNotFound(campaignId);
    const p = parsePlanInput(PackageInput, input);
    const { estimates, stages } = await preparePackage(ctx, tx, p);
    const row = await tx
      .insertInto('plan_packages')
      .values({ campaign_id: campaignId, ...packageColumns(p, estimates) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.replaceStages(tx, row.id, stages);
    await rebuildPackage(tx, row.id);
    await appendEntityAction(tx, {
      entityType: 'work_package',
      entityId: row.id,
      kind: 'created',
      actorId: actorIdOf(ctx.actor),
      reason: p.reason,
      payload: { campaignId, ...packageColumns(p, estimates), stages },
    });
    return packageView(row, await repo.listStageRows(tx, [row.id]));
  });
}

export async function updatePackage(ctx: ActorContext, id: string, input: PackageInput & { version: number }): Promise<PackageView> {
  assertPermission(ctx.actor, 'plans.manage');
  return transact(ctx.store.db, async (tx) => {
    if (!(await repo.findPackage(tx, ctx.actor, id))) throw packageNotFound(id);
    const change = parsePlanInput(ChangeInput, input);
    const p = parsePlanInput(PackageInput, input);
    const { estimates, stages } = await preparePackage(ctx, tx, p);
    const row = await tx
      .updateTable('plan_packages')
      .set({ ...packageColumns(p, estimates), version: change.version + 1, updated_at: ctx.clock() })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw stale();
    await repo.replaceStages(tx, id, stages);
    await rebuildPackage(tx, id);
    await appendEntityAction(tx, {
      entityType: 'work_package',
      entityId: id,
      kind: 'changed',
      actorId: actorIdOf(ctx.actor),
      reason: change.reason,
      payload: { ...packageColumns(p, estimates), stages, version: row.version },
    });
    return packageView(row, await repo.listStageRows(tx, [id]));
  });
}

export async function removePackage(ctx: ActorContext, id: string, input: { version: number; reason: string }): Promise<void> {
  assertPermission(ctx.actor, 'plans.manage');
  await transact(ctx.store.db, async (tx) => {
    if (!(await repo.findPackage(tx, ctx.actor, id))) throw packageNotFound(id);
    const change = parsePlanInput(ChangeInput, input);
    const row = await tx
      .updateTable('plan_packages')
      .set({ removed_at: ctx.clock(), version: change.version + 1, updated_at: ctx.clock() })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw stale();
    await rebuildPackage(tx, id);
    await appendEntityAction(tx, { entityType: 'work_package', entityId: id, kind: 'removed', actorId: actorIdOf(ctx.actor), reason: change.reason });
  });
}

export interface PlanChange {
  at: string;
  kind: string;
  actorId: string | null;
  /** Who: the user's display name (or login); null for the system. */
  actorName: string | null;
  reason: string;
  payload: Record<string, unknown>;
}

/** The history of a package (created, changed, removed) with who and why, oldest first. */
export async function packageHistory(ctx: ActorContext, id: string): Promise<PlanChange[]> {
  assertPermission(ctx.actor, 'plans.read');
  if (!(await repo.findPackage(ctx.store.db, ctx.actor, id))) throw packageNotFound(id);
  const rows = await ctx.store.db
    .selectFrom('entity_actions as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .selectAll('a')
    .select(['u.display_name', 'u.login'])
    .where('a.entity_type', '=', 'work_package')
    .where('a.entity_id', '=', id)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ at: r.created_at.toISOString(), kind: r.kind, actorId: r.actor_id, actorName: r.display_name || r.login || null, reason: r.reason, payload: r.payload }));
}
