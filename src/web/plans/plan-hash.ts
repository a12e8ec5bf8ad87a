/** The dashboard's place in the hash: #/plans?campaign=<id>&unit=<unit id> (both optional). */
export interface PlanPlace {
  campaignId?: string | undefined;
  unitId?: string | undefined;
}

export function parsePlanHash(hash: string): PlanPlace {
  const q = new URLSearchParams(hash.split('?')[1] ?? '');
  return { campaignId: q.get('campaign') ?? undefined, unitId: q.get('unit') ?? undefined };
}

export function planHash(p: PlanPlace): string {
  const q = new URLSearchParams();
  if (p.campaignId) q.set('campaign', p.campaignId);
  if (p.unitId) q.set('unit', p.unitId);
  const s = q.toString();
  return s ? `#/plans?${s}` : '#/plans';
}
