/**
 * The demo province's campaign (called at the end of the demo seed; cheap:
 * a handful of inserts and two UPDATEs): "Kế hoạch số hóa dữ liệu hộ tịch"
 * with one work package per commune that holds demo books, deadlines per
 * stage (inventory and scanning met; keying due in a few weeks; one
 * commune's keying already late) and the books' inventory and pages
 * back-dated over the last five weeks so the burn-up and the forecast show
 * something. Books whose authority did not resolve to a unit get no package.
 * Does nothing when the campaign exists already.
 */
import { sql } from 'kysely';
import type { ActorContext } from '../auth/index.js';
import { addDays, addPackage, createCampaign, type StageInput } from '../plans/index.js';
import { vietnamDay } from '../audit/index.js';

export const DEMO_CAMPAIGN = 'Kế hoạch số hóa dữ liệu hộ tịch trên địa bàn tỉnh (dữ liệu mẫu)';

interface UnitBooks {
  unit_id: string;
  types: string[];
  year_from: number;
  year_to: number;
  province: string | null;
}

async function unitsWithBooks(ctx: ActorContext): Promise<UnitBooks[]> {
  const { rows } = await sql<UnitBooks>`
    select b.authority_unit_code as unit_id, jsonb_agg(distinct b.register_type) as types, min(b.year_from) as year_from, max(coalesce(b.year_to, b.year_from)) as year_to,
      (select w.within_id from admin_unit_within w join admin_units u on u.id = w.within_id where w.unit_id = b.authority_unit_code and u.level = 'province' limit 1) as province
    from books b where b.authority_unit_code is not null group by b.authority_unit_code order by 1`.execute(ctx.store.db);
  return rows;
}

/** Spreads each book's inventory and its pages over the last five weeks (book i of n starts i/n of the way in). */
async function backdate(ctx: ActorContext, today: string): Promise<void> {
  const start = `${addDays(today, -35)}T09:00:00+07:00`;
  await sql`with b as (select id, row_number() over (order by created_at, id) - 1 as i, count(*) over () as n from books)
    update books set created_at = ${start}::timestamptz + (b.i * 14.0 / greatest(b.n, 1)) * interval '1 day' from b where b.id = books.id`.execute(ctx.store.db);
  await sql`with p as (select p.id, p.seq, b.created_at as at from pages p join books b on b.id = p.book_id)
    update pages set created_at = p.at + interval '2 days' + (p.seq % 14) * interval '1 day' from p where p.id = pages.id`.execute(ctx.store.db);
}

function stagesFor(i: number, today: string): StageInput[] {
  const keyingDue = i === 0 ? addDays(today, -3) : addDays(today, 21 + 7 * i);
  return [
    { stage: 'inventory', deadline: addDays(today, -20), person: 'Công chức tư pháp - hộ tịch xã' },
    { stage: 'scan', deadline: addDays(today, -5), person: 'Tổ quét' },
    { stage: 'key1', deadline: keyingDue, unitPrice: 450, person: 'Nhóm nhập liệu' },
    { stage: 'acceptance', deadline: addDays(keyingDue, 14) },
    { stage: 'handover', deadline: addDays(keyingDue, 21) },
    { stage: 'loaded', deadline: addDays(keyingDue, 30) },
  ];
}

export async function seedDemoCampaign(ctx: ActorContext): Promise<string | undefined> {
  const exists = await ctx.store.db.selectFrom('plan_campaigns').select('id').where('name', '=', DEMO_CAMPAIGN).executeTakeFirst();
  if (exists) return undefined;
  const units = await unitsWithBooks(ctx);
  if (units.length === 0) return undefined;
  const today = vietnamDay(ctx.clock());
  await backdate(ctx, today);
  const campaign = await createCampaign(ctx, {
    name: DEMO_CAMPAIGN,
    docRef: '37/KH-UBND',
    issuedOn: addDays(today, -40),
    unitId: units[0]!.province,
    scopeText: 'Các sổ hộ tịch lưu tại UBND cấp xã chưa được số hóa',
    reason: 'Dữ liệu mẫu',
  });
  for (const [i, u] of units.entries()) {
    await addPackage(ctx, campaign.id, { unitId: u.unit_id, registerTypes: u.types, yearFrom: u.year_from, yearTo: u.year_to, stages: stagesFor(i, today), reason: 'Dữ liệu mẫu' });
  }
  return campaign.id;
}
