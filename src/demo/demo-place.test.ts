/**
 * The demo's communes are real: each name and legacy GSO code is checked
 * against the GSO list of 18.07.2025 in ../shared (skipped with a message
 * when ../shared is absent; a failure under CI=true).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { DEMO_COMMUNES, DEMO_DISTRICT, DEMO_PROVINCE } from './demo-place.js';

const LIST = ['data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv'] as const;

describe('demo communes', () => {
  it.runIf(hasShared(...LIST))('are in the GSO list with their codes, district and province', () => {
    const rows = readFileSync(sharedPath(...LIST), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .map((line) => line.split(','));
    for (const c of Object.values(DEMO_COMMUNES)) {
      const row = rows.find((r) => r[0] === c.code);
      expect(row, `${c.code} ${c.name}`).toBeDefined();
      expect(row!.slice(0, 8)).toEqual([c.code, `Xã ${c.name}`, expect.any(String), 'Xã', DEMO_DISTRICT.code, `Huyện ${DEMO_DISTRICT.name}`, DEMO_PROVINCE.code, `Tỉnh ${DEMO_PROVINCE.name}`]);
    }
  });
});
