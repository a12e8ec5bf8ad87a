/**
 * The plan's files: the empty template and the current plan, both in the
 * layout of plan-xlsx.ts, with drop-downs of the units the reader may plan
 * (within the campaign's unit, districts and communes, in her scope) and of
 * the organizations.
 */
import { sql } from 'kysely';
import { assertPermission, unitInScope, type ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { listPackages } from './plan.service.js';
import * as repo from './plan.repo.js';
import { writePlanXlsx, type PlanLists } from './plan-xlsx.js';

async function listsFor(ctx: ActorContext, campaignUnit: string | null): Promise<PlanLists> {
  let q = ctx.store.db.selectFrom('admin_units').select(['id', 'name', 'kind']).where('level', 'in', ['district', 'commune']).where(unitInScope(ctx.actor, 'admin_units.id'));
  if (campaignUnit) q = q.where(sql<boolean>`exists (select 1 from admin_unit_within w where w.unit_id = admin_units.id and w.within_id = ${campaignUnit})`);
  const units = await q.orderBy('id').limit(5000).execute();
  const orgs = await ctx.store.db.selectFrom('organizations').select(['id', 'name']).where('disabled_at', 'is', null).orderBy('name').execute();
  return { units: units.map((u) => ({ id: u.id, name: `${u.kind} ${u.name}` })), organizations: orgs };
}

async function campaignOf(ctx: ActorContext, id: string) {
  const c = await repo.findCampaign(ctx.store.db, ctx.actor, id);
  if (!c) throw new NotFound('campaign.not_found', `Không tìm thấy kế hoạch ${id} trong phạm vi của bạn.`);
  return c;
}

export async function planTemplate(ctx: ActorContext, campaignId: string): Promise<Buffer> {
  assertPermission(ctx.actor, 'plans.read');
  const c = await campaignOf(ctx, campaignId);
  return writePlanXlsx(await listsFor(ctx, c.unit_id), [], c.name);
}

export async function planExport(ctx: ActorContext, campaignId: string): Promise<Buffer> {
  assertPermission(ctx.actor, 'plans.read');
  const c = await campaignOf(ctx, campaignId);
  return writePlanXlsx(await listsFor(ctx, c.unit_id), await listPackages(ctx, campaignId), c.name);
}
