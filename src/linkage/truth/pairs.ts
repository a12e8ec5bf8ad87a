/**
 * The true links of a synthetic province, as "a|b" record-id pairs (a < b):
 * birth↔birth of the same person (duplicates and re-registrations), birth↔
 * death, birth↔marriage (either spouse).
 */
import type { Province } from './generate.js';

export type TruthKind = 'sameBirth' | 'death' | 'marriage';

const ROLES: Readonly<Record<TruthKind, [string[], string[]]>> = {
  sameBirth: [['nks'], ['nks']],
  death: [['nks'], ['nkt']],
  marriage: [['nks'], ['chong', 'vo']],
};

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function truePairs(province: Province, kind: TruthKind): Set<string> {
  const [left, right] = ROLES[kind];
  const byPerson = new Map<number, { l: string[]; r: string[] }>();
  for (const [key, who] of province.identityOf) {
    const dot = key.lastIndexOf('.');
    const id = key.slice(0, dot);
    const role = key.slice(dot + 1);
    let e = byPerson.get(who);
    if (!e) byPerson.set(who, (e = { l: [], r: [] }));
    if (left.includes(role)) e.l.push(id);
    if (right.includes(role) && kind !== 'sameBirth') e.r.push(id);
  }
  const out = new Set<string>();
  for (const { l, r } of byPerson.values()) {
    if (kind === 'sameBirth') {
      for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) out.add(pairKey(l[i]!, l[j]!));
    } else for (const x of l) for (const y of r) out.add(pairKey(x, y));
  }
  return out;
}
