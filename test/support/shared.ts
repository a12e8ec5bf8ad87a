/**
 * Access to ../shared (reference data for tests). When it is absent the tests
 * that need it are skipped with a clear message — except under CI=true, where
 * its absence is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/core/index.js';

const config = loadConfig();

export function sharedPath(...parts: string[]): string {
  return path.join(config.sharedDir, ...parts);
}

/** The official administrative-unit lists of ../shared/data/admin-units, in import order: districts before their communes, units before the links and aliases that name them. */
export const OFFICIAL_UNIT_FILES = [
  'gso-legacy-districts-2025-07-18.csv',
  'gso-legacy-communes-2025-07-18.csv',
  'provinces-2025-ctk915.csv',
  'units-2025-34-provinces.csv',
  'legacy-to-2025-mapping.csv',
  'legacy-alias-provinces.csv',
  'legacy-alias-districts.csv',
  'legacy-alias-communes.csv',
] as const;

/** True when the file exists; throws under CI when it does not; warns and returns false otherwise. */
export function hasShared(...parts: string[]): boolean {
  const p = sharedPath(...parts);
  if (existsSync(p)) return true;
  if (config.ci) throw new Error(`Thiếu dữ liệu tham chiếu ${p} (CI=true: không được bỏ qua).`);
  console.warn(`⚠ Bỏ qua: không có ${p} (cần thư mục ../shared bên cạnh dự án).`);
  return false;
}
