/**
 * The peer for bench:units: place text resolved with the fuzzy search of
 * vietnam-provinces-js (already a dependency; 63 provinces, 696 districts,
 * 10,051 communes with legacy GSO codes), composed the way a developer would
 * without hotich: split the text at commas, fuzzy-search the first part among
 * communes, and rank those candidates by how well the other parts match their
 * district and province in the package's own district and province search.
 * Everything it knows comes from the package; nothing is borrowed from hotich.
 */
import { getAllDistricts } from 'vietnam-provinces-js/districts';
import { fuzzySearchCommunes, fuzzySearchDistricts, fuzzySearchProvinces } from 'vietnam-provinces-js/fuzzy';

const WEIGHT = { district: 0.7, province: 0.5 } as const;

export async function peerResolver(): Promise<(text: string) => Promise<string | undefined>> {
  const provinceOf = new Map((await getAllDistricts()).map((d) => [d.idDistrict, d.idProvince]));
  return async (text) => {
    const parts = text
      .replace(/^\s*UBND\s+/i, '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.length === 0) return undefined;
    const communes = await fuzzySearchCommunes(parts[0]!, { maxResults: 30 });
    if (communes.length === 0) return undefined;
    const district = new Map<string, number>();
    const province = new Map<string, number>();
    for (const part of parts.slice(1)) {
      for (const d of await fuzzySearchDistricts(part, { maxResults: 15 })) district.set(d.item.idDistrict, Math.max(district.get(d.item.idDistrict) ?? 0, d.score));
      for (const p of await fuzzySearchProvinces(part, { maxResults: 5 })) province.set(p.item.idProvince, Math.max(province.get(p.item.idProvince) ?? 0, p.score));
    }
    let best: { id: string; score: number } | undefined;
    for (const c of communes) {
      const score = c.score + WEIGHT.district * (district.get(c.item.idDistrict) ?? 0) + WEIGHT.province * (province.get(provinceOf.get(c.item.idDistrict) ?? '') ?? 0);
      if (!best || score > best.score) best = { id: c.item.idCommune, score };
    }
    return best?.id;
  };
}
