/** Tỉnh → huyện → xã: the chain from the campaign down to the unit shown, each step a link back up. */
import type { Rollup } from './plans.api.js';

export function chainOf(units: readonly Rollup[], unitId: string | undefined): Rollup[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: Rollup[] = [];
  for (let u = unitId ? byId.get(unitId) : undefined; u && chain.length < 10; u = u.parentId ? byId.get(u.parentId) : undefined) chain.unshift(u);
  return chain;
}

export function Breadcrumbs({ campaignName, chain, onOpen }: { campaignName: string; chain: readonly Rollup[]; onOpen: (unitId: string | undefined) => void }) {
  const link = (label: string, unitId: string | undefined) => (
    <a
      href="#/plans"
      onClick={(e) => {
        e.preventDefault();
        onOpen(unitId);
      }}
    >
      {label}
    </a>
  );
  return (
    <nav aria-label="Đường dẫn đơn vị" className="breadcrumbs">
      <ol>
        <li>{chain.length === 0 ? <span aria-current="page">{campaignName}</span> : link(campaignName, undefined)}</li>
        {chain.map((u, i) => (
          <li key={u.id}>{i === chain.length - 1 ? <span aria-current="page">{u.name}</span> : link(u.name, u.id)}</li>
        ))}
      </ol>
    </nav>
  );
}
