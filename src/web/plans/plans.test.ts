/** The dashboard's pure parts: the burn-up geometry, the place in the hash, the breadcrumb chain. */
import { describe, expect, it } from 'vitest';
import { BOX, burnupGeometry, dayNo } from './burnup-geometry.js';
import { chainOf } from './Breadcrumbs.js';
import { parsePlanHash, planHash } from './plan-hash.js';
import type { BurnupSeries, Rollup } from './plans.api.js';

const series = (over: Partial<BurnupSeries>): BurnupSeries => ({
  stage: 'scan',
  label: 'Quét/chụp',
  total: 100,
  deadline: '2026-12-20',
  forecast: '2026-12-15',
  forecastEarliest: '2026-12-12',
  forecastLatest: '2026-12-18',
  points: [
    ['2026-12-01', 10],
    ['2026-12-03', 40],
  ],
  ...over,
});

describe('the burn-up geometry', () => {
  it('draws done as steps up to today, the plan from nothing at the start to the total at the deadline, the forecast from today to the total', () => {
    const g = burnupGeometry(series({}), '2026-12-05');
    const right = BOX.width - BOX.right;
    const bottom = BOX.height - BOX.bottom;
    expect(g.from).toBe(dayNo('2026-11-28'));
    expect(g.to).toBe(dayNo('2026-12-20'));
    expect(g.x('2026-12-20')).toBeCloseTo(right);
    expect(g.y(0)).toBeCloseTo(bottom);
    expect(g.y(100)).toBeCloseTo(BOX.top);
    expect(g.lastDone).toBe(40);
    expect(g.done.split(' ').at(-1)).toBe(`${g.x('2026-12-05').toFixed(1)},${g.y(40).toFixed(1)}`);
    expect(g.plan!.split(' ')[1]).toBe(`${g.x('2026-12-20').toFixed(1)},${g.y(100).toFixed(1)}`);
    expect(g.forecast).toBe(`${g.x('2026-12-05').toFixed(1)},${g.y(40).toFixed(1)} ${g.x('2026-12-15').toFixed(1)},${g.y(100).toFixed(1)}`);
    expect(g.range).not.toBeNull();
  });

  it('keeps a far slow end of the forecast from squeezing the chart (at most twice the span so far), and draws no plan without a deadline', () => {
    const g = burnupGeometry(series({ deadline: null, forecast: '2027-06-01', forecastLatest: '2064-01-01' }), '2026-12-05');
    expect(g.to).toBe(dayNo('2026-12-05') + 2 * 7);
    expect(g.plan).toBeNull();
  });
});

describe('the dashboard place', () => {
  it('round-trips campaign and unit ids through the hash', () => {
    const place = { campaignId: '0193a3c4-0000-7000-8000-000000000001', unitId: 'legacy:commune:94101' };
    expect(parsePlanHash(planHash(place))).toEqual(place);
    expect(parsePlanHash('#/plans')).toEqual({ campaignId: undefined, unitId: undefined });
  });

  it('gives the breadcrumbs from the top unit down to the one shown', () => {
    const u = (id: string, parentId: string | null) => ({ id, name: id, parentId }) as Rollup;
    const units = [u('c', 'd'), u('p', null), u('d', 'p'), u('c2', 'd')];
    expect(chainOf(units, 'c').map((x) => x.id)).toEqual(['p', 'd', 'c']);
    expect(chainOf(units, undefined)).toEqual([]);
  });
});
