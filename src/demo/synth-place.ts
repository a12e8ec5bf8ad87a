/**
 * Where the books of a synthetic province are registered (`hotich synth
 * --province 93`): the communes of a real province from the installation's
 * unit list (loaded from the built-in list when the list is empty), so that
 * the books resolve to units, land in that province's partitions (store
 * migration 0032) and are seen by unit-scoped users as real books would be.
 * The 2025 province of that code when the list has it, else the pre-2025 one.
 */
import type { ActorContext } from '../auth/index.js';
import { Invalid } from '../core/index.js';
import { ensureBuiltinUnits, getUnitIndex, type IndexedUnit } from '../units/index.js';

export interface SynthAuthority {
  unitId: string;
  /** The authority as a register writes it: "UBND Xã Tân Lập". */
  text: string;
}

const lies = (units: ReadonlyMap<string, IndexedUnit>, unit: IndexedUnit, provinceId: string): boolean => {
  for (let u: IndexedUnit | undefined = unit; u; u = u.parentId ? units.get(u.parentId) : undefined) if (u.id === provinceId) return true;
  return false;
};

export async function synthAuthorities(ctx: ActorContext, provinceCode: string): Promise<SynthAuthority[]> {
  await ensureBuiltinUnits(ctx);
  const { units } = await getUnitIndex(ctx);
  const province = units.get(`y2025:province:${provinceCode}`) ?? units.get(`legacy:province:${provinceCode}`);
  if (!province) throw new Invalid('synth.province_unknown', `Danh mục đơn vị hành chính không có tỉnh mã "${provinceCode}".`, 'province');
  const communes = [...units.values()].filter((u) => u.level === 'commune' && u.scheme === province.scheme && lies(units, u, province.id));
  if (communes.length === 0) throw new Invalid('synth.province_empty', `Danh mục không có xã nào thuộc ${province.name}.`, 'province');
  return communes.sort((a, b) => a.code.localeCompare(b.code)).map((u) => ({ unitId: u.id, text: `UBND ${u.name}` }));
}
