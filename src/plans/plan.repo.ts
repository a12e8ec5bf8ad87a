/**
 * Queries on campaigns, work packages and their stages. Packages are read
 * within the actor's scope (unitInScope on the package's unit); a campaign
 * is visible when the actor sees everything, its unit, or one of its packages.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { unitInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';
import { bookInPackage } from './membership.js';

type Db = Kysely<Database> | Transaction<Database>;

export function campaignVisible(actor: Actor): ReturnType<typeof sql<SqlBool>> {
  if (actor.kind === 'system') return sql<SqlBool>`true`;
  return sql<SqlBool>`(exists (select 1 from user_grants g where g.user_id = ${actor.id} and g.kind = 'all')
    or (plan_campaigns.unit_id is not null and ${unitInScope(actor, 'plan_campaigns.unit_id')})
    or exists (select 1 from plan_packages vp where vp.campaign_id = plan_campaigns.id and vp.removed_at is null and ${unitInScope(actor, 'vp.unit_id')}))`;
}

export async function findCampaign(db: Db, actor: Actor, id: string) {
  return db.selectFrom('plan_campaigns').selectAll().where('id', '=', id).where(campaignVisible(actor)).executeTakeFirst();
}

export async function listCampaignRows(db: Db, actor: Actor) {
  return db.selectFrom('plan_campaigns').selectAll().where(campaignVisible(actor)).orderBy('issued_on', 'desc').orderBy('created_at', 'desc').execute();
}

/** Live packages of a campaign (or of all campaigns) within the actor's scope. */
export async function listPackageRows(db: Db, actor: Actor, campaignId?: string) {
  let q = db.selectFrom('plan_packages').selectAll().where('removed_at', 'is', null).where(unitInScope(actor, 'plan_packages.unit_id'));
  if (campaignId) q = q.where('campaign_id', '=', campaignId);
  return q.orderBy('unit_id').orderBy('year_from').orderBy('id').execute();
}

export async function findPackage(db: Db, actor: Actor, id: string) {
  return db.selectFrom('plan_packages').selectAll().where('id', '=', id).where('removed_at', 'is', null).where(unitInScope(actor, 'plan_packages.unit_id')).executeTakeFirst();
}

export async function listStageRows(db: Db, packageIds: readonly string[]) {
  if (packageIds.length === 0) return [];
  return db.selectFrom('plan_package_stages').selectAll().where('package_id', 'in', packageIds).execute();
}

export async function replaceStages(db: Db, packageId: string, rows: { stage: string; deadline: string | null; organization_id: string | null; person: string; unit_price: number | null }[]) {
  await db.deleteFrom('plan_package_stages').where('package_id', '=', packageId).execute();
  if (rows.length > 0)
    await db
      .insertInto('plan_package_stages')
      .values(rows.map((r) => ({ ...r, package_id: packageId })))
      .execute();
}

/** What the inventory holds for a package's coverage: books, declared pages and registrations per register type. */
export async function inventoryOf(db: Db, p: { unitId: string; registerTypes: string[]; yearFrom: number; yearTo: number }) {
  const pkg = sql`(select ${p.unitId}::text as unit_id, ${JSON.stringify(p.registerTypes)}::jsonb as register_types, ${p.yearFrom}::int as year_from, ${p.yearTo}::int as year_to)`;
  const { rows } = await sql<{ register_type: string; books: string; pages: string; registrations: string }>`
    select b.register_type, count(*)::text as books, coalesce(sum(b.page_count), 0)::text as pages, coalesce(sum(b.declared_event_count), 0)::text as registrations
    from books b, ${pkg} p where ${bookInPackage('p', 'b')} group by b.register_type`.execute(db);
  return rows.map((r) => ({ registerType: r.register_type, books: Number(r.books), pages: Number(r.pages), registrations: Number(r.registrations) }));
}

export async function organizationsExist(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function unitExists(db: Db, unitId: string): Promise<boolean> {
  return (await db.selectFrom('admin_units').select('id').where('id', '=', unitId).executeTakeFirst()) !== undefined;
}
