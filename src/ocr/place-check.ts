/**
 * The place check of the OCR stage over a unit index (the job's comes from
 * the database, getUnitIndex; the bench builds one the same way): the text
 * resolved through units/ as written in the book's year; when it resolves to
 * one unit, the short names it vouches for are the unit's, its parents' and
 * those of the former provinces they came from ("tỉnh Bắc Thái" in a 1995
 * book of Thái Nguyên), with the resolver's confidence.
 */
import { ancestry, resolvePlace, shortName, type IndexedUnit, type UnitIndex } from '../units/index.js';
import type { PlaceCheck } from './place-value.js';

const formerOf = new WeakMap<UnitIndex, Map<string, IndexedUnit[]>>();

/** Units of the index that ended in another one (former provinces): successor id → the former units. */
function formerUnits(index: UnitIndex): Map<string, IndexedUnit[]> {
  let out = formerOf.get(index);
  if (out) return out;
  out = new Map();
  for (const u of index.units.values()) {
    if (u.scheme !== 'historic') continue;
    for (const link of index.successors.get(u.id) ?? []) out.set(link.toId, [...(out.get(link.toId) ?? []), u]);
  }
  formerOf.set(index, out);
  return out;
}

export function unitPlaceCheck(index: UnitIndex, year: number): PlaceCheck {
  const former = formerUnits(index);
  return (text) => {
    const r = resolvePlace(index, text, { asOf: year });
    const top = r.candidates[0];
    if (r.status !== 'resolved' || !top) return { status: r.status };
    const units = ancestry(index, top.id).flatMap((u) => [u, ...(former.get(u.id) ?? [])]);
    return { status: 'resolved', names: units.map((u) => shortName(u.name, u.level)), confidence: top.confidence };
  };
}
