/**
 * The resolver on noisy place strings built from the GSO list (the same
 * generator as npm run bench:units, on a smaller sample): at least 95 % land
 * on the right commune, and every miss is reported as ambiguous or
 * unresolved, never as a confident wrong answer more than rarely.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexOfBatch, noisyCases } from '../../test/support/noisy-places.js';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { readUnitFile, resolvePlace } from './index.js';

const FILE = ['data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv'] as const;

describe.runIf(hasShared(...FILE))('noisy place strings', () => {
  it('resolves at least 95 % to the right commune; wrong confident answers stay under 1 %', async () => {
    const { index, communes, byId } = indexOfBatch(await readUnitFile({ name: 'gso.csv', bytes: readFileSync(sharedPath(...FILE)) }));
    const cases = noisyCases(communes, byId, 2000, 7);
    const results = cases.map((c) => ({ c, r: resolvePlace(index, c.text) }));
    const right = results.filter(({ c, r }) => r.status === 'resolved' && r.candidates[0]?.code === c.code).length;
    const confidentlyWrong = results.filter(({ c, r }) => r.status === 'resolved' && r.candidates[0]?.level === 'commune' && r.candidates[0].code !== c.code);
    expect(right / cases.length).toBeGreaterThanOrEqual(0.95);
    expect(
      confidentlyWrong.length / cases.length,
      confidentlyWrong
        .slice(0, 5)
        .map(({ c }) => c.text)
        .join(' | '),
    ).toBeLessThan(0.01);
  }, 60_000);
});
