/**
 * Units on both backends: import the official lists of ../shared (and,
 * separately, the built-in packages), check idempotency and that a bad file
 * changes nothing, then resolve every legacy commune's own wording.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { hasShared, OFFICIAL_UNIT_FILES, sharedPath } from '../../test/support/shared.js';
import { searchKey } from '../vn/index.js';
import { countUnits, getUnitIndex, importUnitFile, loadBuiltin, resolvePlace, type ImportReport } from './index.js';

const DIR = ['data', 'admin-units'] as const;
const FILES = OFFICIAL_UNIT_FILES;
const file = (name: string) => ({ name, bytes: readFileSync(sharedPath(...DIR, name)) });
const available = FILES.every((f) => hasShared(...DIR, f));

function csvRows(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(sharedPath(...DIR, name), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

const sum = (reports: ImportReport[], k: 'added' | 'changed') => reports.reduce((n, r) => n + r[k].units + r[k].successors + r[k].aliases, 0);

describeBackends('units from the official lists', (store) => {
  const ctx = () => ({ store: store() });
  let communes: Record<string, string>[] = [];
  beforeAll(async () => {
    if (!available) return;
    for (const f of FILES) await importUnitFile(ctx(), file(f));
    communes = csvRows('gso-legacy-communes-2025-07-18.csv');
  }, 240_000);

  it.runIf(available)('knows every unit of the lists', async () => {
    const index = await getUnitIndex(ctx());
    const count = (scheme: string, level: string) => [...index.units.values()].filter((u) => u.scheme === scheme && u.level === level).length;
    // The GSO list of 18.07.2025 has 10,035 communes (../shared/data/README.md says 10,034).
    expect([count('legacy', 'province'), count('legacy', 'district'), count('legacy', 'commune')]).toEqual([63, 696, communes.length]);
    expect(communes.length).toBe(10_035);
    expect([count('y2025', 'province'), count('y2025', 'commune')]).toEqual([34, 3_321]);
    expect(count('historic', 'province')).toBeGreaterThanOrEqual(20);
  });

  it.runIf(available)(
    'imports the same file twice without changing anything',
    async () => {
      const before = await countUnits(store().db);
      for (const f of FILES) expect([f, sum(await importUnitFile(ctx(), file(f)), 'added'), sum(await importUnitFile(ctx(), file(f)), 'changed')]).toEqual([f, 0, 0]);
      expect(await countUnits(store().db)).toBe(before);
    },
    240_000,
  );

  it.runIf(available)('refuses a truncated or wrong-format file and changes nothing', async () => {
    const before = await countUnits(store().db);
    const full = readFileSync(sharedPath(...DIR, 'units-2025-34-provinces.csv'));
    const cut = full.subarray(0, Math.floor(full.length / 2) + 7);
    await expect(importUnitFile(ctx(), { name: 'cut.csv', bytes: cut })).rejects.toThrow(/cut\.csv/);
    await expect(importUnitFile(ctx(), { name: 'notes.csv', bytes: Buffer.from('a,b,c\n1,2,3\n') })).rejects.toThrow(/notes\.csv/);
    expect(await countUnits(store().db)).toBe(before);
  });

  it.runIf(available)(
    "resolves every legacy commune's own wording to itself (100 %)",
    async () => {
      const index = await getUnitIndex(ctx());
      const misses = communes.filter((c) => {
        const r = resolvePlace(index, `${c['Tên']}, ${c['Quận Huyện']}, ${c['Tỉnh / Thành Phố']}`, { asOf: 2020 });
        return r.status !== 'resolved' || r.candidates[0]?.code !== c['Mã'];
      });
      expect(misses.map((c) => c['Tên'])).toEqual([]);
    },
    120_000,
  );

  it.runIf(available)(
    'and without diacritics (≥ 99 %)',
    async () => {
      const index = await getUnitIndex(ctx());
      const hits = communes.filter((c) => {
        const r = resolvePlace(index, searchKey(`${c['Tên']}, ${c['Quận Huyện']}, ${c['Tỉnh / Thành Phố']}`), { asOf: 2020 });
        return r.status === 'resolved' && r.candidates[0]?.code === c['Mã'];
      });
      expect(hits.length / communes.length).toBeGreaterThanOrEqual(0.99);
    },
    120_000,
  );

  it.runIf(available)(
    'gives the 2025 successor(s) named by the mapping file, one of them main',
    async () => {
      const index = await getUnitIndex(ctx());
      const pad = (v: string | undefined, n: number) => String(Math.round(Number(v))).padStart(n, '0');
      const rows = csvRows('legacy-to-2025-mapping.csv').filter((m) => m.wardCode);
      const wrong = rows.filter((m) => {
        const r = resolvePlace(index, `${m.ward}, ${m.district}, ${m.province}`, { asOf: 2020 });
        const c = r.candidates[0];
        const codes = c?.successors.map((s) => s.code) ?? [];
        return c?.code !== pad(m.wardCode, 5) || !codes.includes(pad(m.newWardCode, 5)) || c.successors.filter((s) => s.main).length !== 1;
      });
      expect(rows.length).toBeGreaterThan(10_000);
      expect(wrong.slice(0, 5).map((m) => `${m.ward}, ${m.district} → ${m.newWard}`)).toEqual([]);
    },
    120_000,
  );
});

describeBackends('units from the built-in packages', (store) => {
  it('loads once, then changes nothing on a second load, and resolves', async () => {
    const ctx = { store: store() };
    const first = await loadBuiltin(ctx);
    expect(sum(first, 'added')).toBeGreaterThan(20_000);
    expect(sum(await loadBuiltin(ctx), 'added')).toBe(0);
    const index = await getUnitIndex(ctx);
    const r = resolvePlace(index, 'P. Bến Nghé, Q.1, TP.HCM', { asOf: 2010 });
    expect(r.status).toBe('resolved');
    expect(r.candidates[0]).toMatchObject({ level: 'commune', name: 'Phường Bến Nghé' });
    expect(r.candidates[0]!.successors.filter((s) => s.main)).toHaveLength(1);
  }, 240_000);
});
