/**
 * Organizations: the agencies users work for (a Sở Tư pháp, a district
 * justice office before 01.07.2025, a commune People's Committee, a
 * contractor). Created and changed by user management; every change is an
 * entity action.
 */
import { z } from 'zod';
import { appendEntityAction } from '../audit/index.js';
import { Conflict, NotFound } from '../core/index.js';
import { transact, type OrganizationRow } from '../store/index.js';
import { actorIdOf, assertPermission, type ActorContext } from './actor.js';
import * as repo from './grants.repo.js';
import { parseInput } from './user.schema.js';

export const ORGANIZATION_KINDS = {
  so_tu_phap: 'Sở Tư pháp',
  phong_tu_phap: 'Phòng Tư pháp (cấp huyện, trước 01.07.2025)',
  ubnd_xa: 'UBND xã, phường, đặc khu',
  contractor: 'Đơn vị thi công (nhà thầu)',
  other: 'Đơn vị khác',
} as const;
export type OrganizationKind = keyof typeof ORGANIZATION_KINDS;

export interface OrganizationView {
  id: string;
  name: string;
  kind: OrganizationKind;
  kindLabel: string;
  unitId: string | null;
  disabledAt: string | null;
}

export const NewOrganizationInput = z.object({
  name: z.string({ message: 'Cần tên đơn vị.' }).trim().min(2, 'Tên đơn vị quá ngắn.').max(200, 'Tên đơn vị tối đa 200 ký tự.'),
  kind: z.enum(Object.keys(ORGANIZATION_KINDS) as [OrganizationKind, ...OrganizationKind[]], {
    message: `Loại đơn vị phải là một trong: ${Object.keys(ORGANIZATION_KINDS).join(', ')}.`,
  }),
  unitId: z.string().min(3).max(100).nullish(),
});
export type NewOrganizationInput = z.input<typeof NewOrganizationInput>;

export function organizationView(r: OrganizationRow): OrganizationView {
  const kind = r.kind as OrganizationKind;
  return { id: r.id, name: r.name, kind, kindLabel: ORGANIZATION_KINDS[kind] ?? r.kind, unitId: r.unit_id, disabledAt: r.disabled_at?.toISOString() ?? null };
}

export async function createOrganization(ctx: ActorContext, input: NewOrganizationInput): Promise<OrganizationView> {
  assertPermission(ctx.actor, 'users.manage');
  const o = parseInput(NewOrganizationInput, input);
  if (await repo.findOrganizationByName(ctx.store.db, o.name)) throw new Conflict('organization.name_taken', `Đã có đơn vị tên "${o.name}".`);
  const row = await transact(ctx.store.db, async (tx) => {
    const row = await repo.insertOrganization(tx, { name: o.name, kind: o.kind, unitId: o.unitId ?? null });
    await appendEntityAction(tx, { entityType: 'organization', entityId: row.id, kind: 'created', actorId: actorIdOf(ctx.actor), payload: { name: row.name, kind: row.kind, unitId: row.unit_id } });
    return row;
  });
  return organizationView(row);
}

export async function listOrganizations(ctx: ActorContext): Promise<OrganizationView[]> {
  return (await repo.listOrganizations(ctx.store.db)).map(organizationView);
}

/** By id or exact name. */
export async function getOrganization(ctx: ActorContext, ref: string): Promise<OrganizationView> {
  const row = z.uuid().safeParse(ref).success ? await repo.findOrganization(ctx.store.db, ref) : await repo.findOrganizationByName(ctx.store.db, ref.trim());
  if (!row) throw new NotFound('organization.not_found', `Không tìm thấy đơn vị "${ref}".`);
  return organizationView(row);
}

export async function setUserOrganization(ctx: ActorContext, userId: string, organizationId: string | null): Promise<void> {
  assertPermission(ctx.actor, 'users.manage');
  if (organizationId) await getOrganization(ctx, organizationId);
  await transact(ctx.store.db, async (tx) => {
    await repo.setUserOrganization(tx, userId, organizationId);
    await appendEntityAction(tx, { entityType: 'user', entityId: userId, kind: 'organization_set', actorId: actorIdOf(ctx.actor), payload: { organizationId } });
  });
}
